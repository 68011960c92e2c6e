import { textFields } from '../core/scenario/localise.ts'
import type { Scenario, Side } from '../core/scenario/schema/scenario.ts'

/**
 * The scenario as one seat of a classroom room may see it, built by allow-list: every field of the format
 * is classified below, and what a seat receives is assembled from the fields it may read, in every
 * language. Nothing is copied whole and then blanked, so a field added to the format is not sent until it
 * is classified here (TypeScript refuses to compile until it is: the tables are typed by the schema's keys).
 *
 * Private to a proposing side, while the game goes on: its briefing, interests, constraints (text,
 * rationale, conditions, sources), outlook (how its people read Russia's resolve), positions (what it
 * argues) and questions for reflection, and its scoring. A side's named roles are public. Everything else is public: the responder's side, its red lines and
 * preferences with their rationales, the instruments, actors and their quotes, meters, events, endings.
 */

/** Who reads: the instructor (everything), or a student's side (null: no side yet, an observer). */
export type Reader = { role: 'instructor' } | { role: 'student'; side: string | null }

/** Each field of a side: `public` to every seat, `own` to that side's seat only (and the instructor). */
const SIDE_FIELDS = {
  id: 'public',
  name: 'public',
  role: 'public',
  briefing: 'own',
  shortName: 'public',
  interests: 'own',
  constraints: 'own',
  outlook: 'own',
  positions: 'own',
  reflection: 'own',
  roles: 'public',
} as const satisfies Record<keyof Side, 'public' | 'own'>

/**
 * Each top-level section: `public`, `seat` (assembled per seat below) or `translations` (kept only for the
 * texts the seat receives).
 */
const SECTIONS = {
  formatVersion: 'public',
  id: 'public',
  title: 'public',
  summary: 'public',
  language: 'public',
  setOn: 'public',
  stage: 'public',
  seeds: 'public',
  rounds: 'public',
  sides: 'seat',
  actors: 'public',
  tags: 'public',
  meters: 'public',
  flags: 'public',
  instruments: 'public',
  redLines: 'public',
  preferences: 'public',
  response: 'public',
  noPackage: 'public',
  unilateral: 'public',
  aftermath: 'public',
  events: 'public',
  endings: 'public',
  scoring: 'seat',
  constraintPenalty: 'public',
  translations: 'translations',
} as const satisfies Record<keyof Scenario, 'public' | 'seat' | 'translations'>

/** The text paths of a side's private texts (`sides.ID.briefing`, `sides.ID.constraints.C.rationale`…). */
const PRIVATE_SIDE_PATH =
  /^sides\.([^.]+)\.(briefing|interests|constraints|outlook|positions|reflection)(\.|$)/
const SCORING_PATH = /^scoring\.([^.]+)(\.|$)/

/** Whether a side's own texts are readable by `reader` (its own seat, or any seat for the responder). */
function readsSide(scenario: Scenario, reader: Reader, side: string): boolean {
  if (reader.role === 'instructor' || reader.side === side) return true
  const found = scenario.sides.find((s) => s.id === side)
  // An unknown side id names nothing the seat receives: not readable.
  return found?.role === 'responder'
}

/** Whether the text path `path` of `scenario` is one `reader` may read. */
export function mayRead(scenario: Scenario, reader: Reader, path: string): boolean {
  const side = PRIVATE_SIDE_PATH.exec(path)?.[1] ?? SCORING_PATH.exec(path)?.[1]
  return side === undefined || readsSide(scenario, reader, side)
}

/** One side as the reader may see it: its public fields, and its own only when the reader may read them. */
function sideFor(scenario: Scenario, reader: Reader, side: Side): Side {
  if (readsSide(scenario, reader, side.id)) return side
  const out: Record<string, unknown> = {}
  for (const [key, kind] of Object.entries(SIDE_FIELDS))
    if (kind === 'public' && side[key as keyof Side] !== undefined) out[key] = side[key as keyof Side]
  // The rules index every side's lists: a side the reader may not read has empty ones (and no outlook).
  return {
    ...(out as Pick<Side, 'id' | 'name' | 'role'>),
    briefing: '',
    interests: [],
    constraints: [],
    positions: [],
  }
}

/** The translations of the texts the view holds and the reader may read, in every language; none else. */
function translationsFor(
  view: Scenario,
  reader: Reader,
  all: Scenario['translations'],
): Scenario['translations'] {
  if (!all) return undefined
  const readable = new Set(
    textFields(view)
      .map((f) => f.path)
      .filter((path) => mayRead(view, reader, path)),
  )
  const out: Record<string, Record<string, string>> = {}
  for (const [language, table] of Object.entries(all)) {
    const kept: Record<string, string> = {}
    for (const [path, text] of Object.entries(table)) if (readable.has(path)) kept[path] = text
    out[language] = kept
  }
  return out
}

/** The scenario as `reader` may see it (the instructor gets the scenario itself). */
export function scenarioFor(scenario: Scenario, reader: Reader): Scenario {
  if (reader.role === 'instructor') return scenario
  const out: Record<string, unknown> = {}
  for (const [key, kind] of Object.entries(SECTIONS)) {
    const value = scenario[key as keyof Scenario]
    if (kind === 'public' && value !== undefined) out[key] = value
  }
  out.sides = scenario.sides.map((s) => sideFor(scenario, reader, s))
  out.scoring = Object.fromEntries(
    Object.entries(scenario.scoring).filter(([id]) => readsSide(scenario, reader, id)),
  )
  const view = out as Scenario
  const translations = translationsFor(view, reader, scenario.translations)
  if (translations) view.translations = translations
  return view
}
