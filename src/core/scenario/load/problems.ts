/**
 * Problems found in a scenario file. Each has a stable code, a place (file, line, column and the path in
 * the document), a plain-language message and a fix. The catalogue below is the documentation of the codes:
 * the authoring guide and the checker both read it.
 */

import { LIMITS } from '../limits.ts'
import { FORMAT_VERSION } from '../schema/scenario.ts'

export type Severity = 'error' | 'warning'
export type DocPath = Array<string | number>

export interface Problem {
  severity: Severity
  code: ProblemCode
  message: string
  fix: string
  file: string
  line: number
  column: number
  /** Where in the document, e.g. `instruments[3].tags[1]`. */
  path: string
}

/** Every problem code with its severity and the fix we suggest; messages add the specifics. */
export const PROBLEM_CODES = {
  FILE_TOO_LARGE: [
    'error',
    `Split the scenario or shorten its texts; a scenario file may be at most ${LIMITS.fileBytes / 1_000_000} MB.`,
  ],
  YAML_TOO_MANY_NODES: [
    'error',
    `Shorten the file: a scenario may hold at most ${LIMITS.nodes} values (keys, texts, numbers, lists and groups of fields).`,
  ],
  YAML_TOO_MANY_ALIASES: [
    'error',
    `Write the repeated parts out instead of using aliases (\`*name\`): a scenario may use at most ${LIMITS.aliases}, and they may not expand to much data.`,
  ],
  STRING_TOO_LONG: [
    'error',
    `Shorten this text or split it: a text may be at most ${LIMITS.textLength} characters.`,
  ],
  LIST_TOO_LONG: [
    'error',
    `Shorten this list: the message gives its limit (any list or group of fields may hold at most ${LIMITS.entries} entries).`,
  ],
  RESERVED_KEY: [
    'error',
    'Rename this key: `__proto__`, `constructor` and `prototype` are reserved and never mean anything in a scenario.',
  ],
  YAML_SYNTAX: [
    'error',
    'Check the indentation and punctuation on this line: YAML uses spaces, never tabs, and a colon after each key.',
  ],
  YAML_DUPLICATE_KEY: [
    'error',
    'Remove or rename one of the two keys: each key may appear once in a group of fields.',
  ],
  YAML_TOO_DEEP: [
    'error',
    `Flatten the nesting, and check that every bracket is closed: no scenario needs more than ${LIMITS.depth} levels.`,
  ],
  NOT_A_MAPPING: [
    'error',
    'A scenario file starts with keys such as `formatVersion:`, `id:` and `title:` at the left margin.',
  ],
  FORMAT_VERSION_MISSING: ['error', `Add \`formatVersion: ${FORMAT_VERSION}\` near the top of the file.`],
  FORMAT_VERSION_INVALID: [
    'error',
    `Write the format version as a whole number, such as \`formatVersion: ${FORMAT_VERSION}\`.`,
  ],
  FORMAT_VERSION_TOO_NEW: [
    'error',
    'Open this file with a newer version of Red Lines, or ask its author for a copy in an older format.',
  ],
  MISSING_FIELD: [
    'error',
    'Add the field named in the message inside the group of fields the message points at (a section: at the left margin, anywhere in the file).',
  ],
  WRONG_TYPE: ['error', 'Write the value in the expected form (the message says which).'],
  UNKNOWN_FIELD: [
    'error',
    'Check the spelling of the field, or remove it: the format has no such field here.',
  ],
  INVALID_VALUE: ['error', 'Use one of the values listed in the message.'],
  BAD_ID: ['error', 'Ids use lower-case letters, digits and dashes only, such as `reassurance-force`.'],
  BAD_FORMAT: ['error', 'Write the value in the form the message describes.'],
  OUT_OF_RANGE: ['error', 'Bring the value or the list length within the limits the message gives.'],
  CONDITION_SHAPE: [
    'error',
    'A condition is a group of fields that opens with exactly one operator, such as `hasTag: nato` or `all: [...]`.',
  ],
  EFFECT_SHAPE: [
    'error',
    'An effect is `{ meter: ID, add: N }`, `{ meter: ID, set: N }`, `{ meter: ID, fromPackage: deterrence, factor: N }`, `{ setFlag: ID }` or `{ clearFlag: ID }`.',
  ],
  SHAPE: ['error', 'Rewrite this entry in one of the forms the message lists.'],
  DUPLICATE_ID: ['error', 'Give each element its own id: two elements of the same kind share this one.'],
  UNKNOWN_SIDE: ['error', 'Use the id of a side declared under `sides:`.'],
  UNKNOWN_INSTRUMENT: ['error', 'Use the id of an instrument declared under `instruments:`.'],
  UNKNOWN_VARIANT: ['error', 'Use the id of one of the variants declared for that instrument.'],
  UNKNOWN_TAG: ['error', 'Declare the tag under `tags:` or correct its spelling.'],
  UNKNOWN_METER: ['error', 'Use the id of a meter declared under `meters:`.'],
  UNKNOWN_FLAG: ['error', 'Declare the flag under `flags:` or use `implemented-without-consent`.'],
  UNKNOWN_ACTOR: ['error', 'Use the id of an actor declared under `actors:`.'],
  UNKNOWN_SEED: [
    'error',
    'Cite an article listed under `seeds:` by its exact name, or add the article there with its name and its whole text (`text:`).',
  ],
  SIDE_ROLES: [
    'error',
    'Declare exactly one side with `role: responder` and at least one with `role: proposer`.',
  ],
  OWNER_NOT_RESPONDER: [
    'error',
    'Red lines and preferences belong to the responding side: set `owner` to its id.',
  ],
  REMOVE_MISSING: [
    'error',
    'A `demandRemoval` response needs `remove:` with the tags or instruments to take out.',
  ],
  VARIANT_SELF_EXCLUDE: [
    'error',
    'An instrument cannot exclude itself; its variants already exclude each other.',
  ],
  METER_RANGE: ['error', 'Make `min` lower than `max` and put `start` between them.'],
  ROUND_LIMIT_ENDING: [
    'error',
    'Mark exactly one ending with `onRoundLimit: true`: it is reached when the last round passes.',
  ],
  RESOLVE_RANGE: [
    'error',
    "Make `low` at most `high`: each game draws the red line's firmness between the two (both from 0 to 1).",
  ],
  PROPOSER_ONLY: [
    'error',
    'Move `outlook` and `positions` to a proposing side, or remove them: the responding side answers through its red lines and preferences, never through these.',
  ],
  POSITION_EMPTY: [
    'error',
    'Name what the position is about: the instruments (`instruments: [...]`), the tags (`tags: [...]`), or both.',
  ],
  TRANSLATION_PATH_UNKNOWN: [
    'error',
    'Name a readable text of this scenario by its text path, such as `sides.ukraine.briefing` or `instruments.ID.variants.ID.name` (ids as written, positions from 0 for elements without an id); quotes are never translated.',
  ],
  QUOTE_NOT_FOUND: [
    'error',
    'Copy the words exactly from the article, with its own quotation marks inside the quote (spacing and curly or straight quote marks may differ), or cite the file that holds them.',
  ],
  SEED_TITLE_MISSING: [
    'warning',
    "Add `title:` with a short title for students, such as the article's headline; until then they see the file name.",
  ],
  TRANSLATION_MISSING: [
    'warning',
    "Add the missing texts under this language (their text paths are listed), or accept that they show in the scenario's own language.",
  ],
  TRANSLATION_OF_OWN_LANGUAGE: [
    'warning',
    "Remove this block: texts in the scenario's own language are written in place, not under `translations:`.",
  ],
  SEED_UNAVAILABLE: [
    'error',
    "Give the article's whole text under `text:` in this entry of `seeds:` (in the studio: Sources, then paste the article), or cite an article of the game's library by its file name. The game never reads an article from a folder, so that the scenario file is all a colleague needs.",
  ],
  STAGE_IMAGE_TOO_LARGE: [
    'error',
    'Use a smaller picture (at most 400 kB): save it again at a lower size or quality, or choose `kind: table`.',
  ],
  STAGE_IMAGE_TYPE: [
    'error',
    'Choose a PNG, JPEG, WebP or SVG picture; in the file, `image:` is a data: address of one of these types.',
  ],
  STAGE_IMAGE_UNSAFE: [
    'error',
    'Choose the picture again in the studio, which removes scripts, links and event handlers from an SVG, or use a PNG or JPEG.',
  ],
  SEED_NAME_NOT_PLAIN: [
    'error',
    'Name the article without folders or spaces, such as `dam-talks.txt`, and give its whole text under `text:` in the same entry: the game never reads an article from a path, so that the scenario file is all a colleague needs.',
  ],
  INSTRUMENT_UNPROPOSABLE: [
    'warning',
    'Add a proposing side to `proposers:`, or remove the instrument: nobody can put it in.',
  ],
  RED_LINE_UNREACHABLE: [
    'warning',
    'Check the condition: no package we tried crosses this red line, so it will never fire.',
  ],
  PREFERENCE_UNREACHABLE: [
    'warning',
    'Check the condition: no package we tried meets it, so it will never weigh.',
  ],
  EVENT_AFTER_LAST_ROUND: ['warning', 'Schedule the event within the round limit, or raise `rounds:`.'],
  NO_SCORING: ['warning', 'Add a `scoring:` entry for this proposing side so that players see how they did.'],
  SCORE_NOT_COUNTED: [
    'warning',
    'Add a `scoring:` entry for this side, or remove these points: a side without one has no score, so its points are never counted.',
  ],
  RESOLVE_CERTAIN: [
    'warning',
    'Widen the range if the articles disagree on how firm the red line is; with `low` equal to `high` the firmness is the same in every game (and at 1, leave `resolve` out: the red line always holds).',
  ],
  AFTERMATH_WITHOUT_RESOLVE: [
    'warning',
    'Add a `resolve:` range to the red lines whose firmness the articles disagree on; or accept that every red line always holds and `perResolve` counts each one crossed as fully firm.',
  ],
  AFTERMATH_NEVER_PLAYED: [
    'warning',
    'Add an ending of kind `deal` or `unilateral`: the aftermath follows only those, so without one it is never played.',
  ],
  AFTERMATH_CERTAIN: [
    'warning',
    'Leave the chances room between 0 and 1 (a `base` between them, terms that do not push every package to 0 or 1), so that the years after turn on luck as well as on the package.',
  ],
  QUOTE_MARKS_NOT_VERBATIM: [
    'warning',
    "Put in quotation marks only words copied from an article (or cite them with `quote:`); say a paraphrase without quotation marks, attributed: 'Lavrov said that Russia would respond', not 'Lavrov: \"Russia will respond\"'.",
  ],
  NUMBER_IN_POSITION: [
    'warning',
    'Say it in words ("once escalation is high") and leave the number to the condition: a number in a side\'s own words reads as its stated position. If the rule is the game\'s, mark the constraint `gameRule: true` with a `rationale`.',
  ],
  GAME_RULE_WITHOUT_RATIONALE: [
    'warning',
    'Add `rationale:` saying why the game has this rule and which passages it rests on; players see it beside the "Game rule" label.',
  ],
  CONSTRAINT_UNSOURCED: [
    'warning',
    "Cite the passage where the side says this (`source:`), or mark the constraint `gameRule: true` with a `rationale` if it is the game's modelling choice.",
  ],
  RED_LINE_RATIONALE_MISSING: [
    'warning',
    "Add `rationale:` saying why this severity and answer: how strong the words are, who said them and with what standing. Players see it beside the severity, which is the game's choice.",
  ],
  MODALITY_STRONGER: [
    'warning',
    'Keep the modality of the words: write "would", "could" or "is likely to" where the statements do, or cite a statement that says "will".',
  ],
  RED_LINE_STRONGER_THAN_ITS_SPEAKERS: [
    'warning',
    "Answer with `demandRemoval` or `warn` (and a lower `resolve` range), or cite an official of the responding side who refuses it: an analyst's reading, a legislator's threat or an unattributed sentence is weaker than an official's refusal.",
  ],
} as const satisfies Record<string, readonly [Severity, string]>

export type ProblemCode = keyof typeof PROBLEM_CODES

/**
 * A value from a file, safe to put in a message whatever it is: texts as written (cut past 80 characters),
 * numbers and the like as they read, lists and groups of fields by their kind (never converted, since an object's
 * `toString` may be anything).
 */
export function shown(value: unknown): string {
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 77)}...` : value
  if (Array.isArray(value)) return 'a list'
  if (value !== null && typeof value === 'object') return 'a group of fields'
  return String(value)
}

/** Formats a document path as `instruments[3].tags[1]`. */
export function formatPath(path: DocPath): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  )
}

/** One line per problem: `file:line:col  CODE  message (at path). Fix: …` */
export function formatProblem(p: Problem): string {
  const where = p.path ? ` (at ${p.path})` : ''
  return `${p.file}:${p.line}:${p.column}  ${p.severity === 'warning' ? 'warning ' : ''}${p.code}  ${p.message}${where}. Fix: ${p.fix}`
}
