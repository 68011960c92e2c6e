/**
 * Limits on a scenario file, which may come from anyone (a file a student opens, a download). Each guards
 * the loader or the game against a file built to exhaust memory or time, and each is far above what an
 * honest scenario needs: the seed scenario is about 75 kB and 2,900 YAML nodes, its longest text is under
 * 900 characters, and its longest list holds 23 actors. Every limit has its own problem code and fix in
 * `load/problems.ts`.
 */
export const LIMITS = {
  /** Size of the file's text in bytes (UTF-8), checked before anything is parsed. FILE_TOO_LARGE. */
  fileBytes: 1_000_000,
  /**
   * Tokens of YAML (keys, values, punctuation, line breaks), counted by yaml's lexer before the slower
   * parser runs: the parser takes a few microseconds a token, so this bounds the time of any file to about
   * a second. The seed scenario has about 11,000. YAML_TOO_MANY_NODES.
   */
  tokens: 200_000,
  /** Nesting of mappings and lists. YAML_TOO_DEEP. */
  depth: 64,
  /** YAML nodes in the document (every key, value, list and mapping). YAML_TOO_MANY_NODES. */
  nodes: 50_000,
  /** Aliases (`*name`) in the YAML file. YAML_TOO_MANY_ALIASES. */
  aliases: 100,
  /**
   * How far aliases may expand when the document is read (yaml's `maxAliasCount`: aliases times the size
   * of what they stand for). Guards against "billion laughs" documents. YAML_TOO_MANY_ALIASES.
   */
  aliasExpansion: 100,
  /** Characters in any one text (a key or a value). STRING_TOO_LONG. */
  textLength: 10_000,
  /**
   * Characters in an article's text carried by the scenario (`seeds[].text`), the one text allowed to be
   * longer than `textLength`: a long feature article runs to about 60,000. STRING_TOO_LONG.
   */
  articleText: 200_000,
  /**
   * Bytes of an image the scenario carries as its stage (`stage.image`, a data: address), checked before it
   * is decoded. STAGE_IMAGE_TOO_LARGE.
   */
  stageImageBytes: 400_000,
  /** Entries in any one list or mapping. LIST_TOO_LONG. */
  entries: 2_000,
  /** Entries in the sections of a scenario (checked by the schema, so editors show them too). LIST_TOO_LONG. */
  sections: {
    seeds: 20,
    sides: 8,
    actors: 100,
    tags: 100,
    meters: 20,
    flags: 50,
    instruments: 40,
    redLines: 100,
    preferences: 100,
    events: 100,
    endings: 20,
    /** Reflection questions of one side. */
    reflection: 20,
    /** Named roles within one side. */
    roles: 20,
    /** Languages under `translations:`. */
    translations: 20,
  },
} as const

/**
 * Keys that could reach an object's prototype if data were copied carelessly into plain objects, and the
 * ids that would collide with what every plain object inherits. A file that uses them is refused
 * (RESERVED_KEY); the ids are refused by the schema (BAD_ID).
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])
