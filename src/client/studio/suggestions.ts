/**
 * The quoted statements the quote finder suggests in an article, turned into actors' statements when the
 * teacher accepts one: the statement joins the actor of the same name, or a new actor (an official by
 * default, with the office the article gives) that the teacher can change in the Actors form.
 */
import { ActorSchema } from '../../core/scenario/schema/scenario.ts'
import type { StudioEdit } from './edits.ts'
import { newEntry } from './forms/blank.ts'
import { asList, asRecord } from './forms/context.ts'
import { shapeOf } from './forms/schema-walk.ts'

/** A statement the finder suggests (the part of `findStatements`' answer the studio uses). */
export interface Suggestion {
  quote: string
  start: number
  speaker?: { name: string; office?: string }
  date?: string
  modality?: string
}

const MODALITIES = new Set(['asserted', 'conditional', 'assessment', 'reported'])

/** Texts compared as the quote check compares them: spacing and the kind of quote marks do not count. */
const plain = (text: string) =>
  text
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()

/** The index of the actor named `name` (compared without case and spacing), or -1. */
function actorNamed(data: unknown, name: string): number {
  const wanted = plain(name)
  return asList(asRecord(data).actors).findIndex((a) => {
    const actorName = asRecord(a).name
    return typeof actorName === 'string' && plain(actorName) === wanted
  })
}

/** True when some actor already has this quote of the article `seed` among its statements. */
export function isAccepted(data: unknown, seed: string, quote: string): boolean {
  const wanted = plain(quote)
  return asList(asRecord(data).actors).some((a) =>
    asList(asRecord(a).statements).some((s) => {
      const st = asRecord(s)
      return st.seed === seed && typeof st.quote === 'string' && plain(st.quote) === wanted
    }),
  )
}

/**
 * The edit that accepts a suggestion of the article `seed`, and the path of the actor it went to. A suggestion
 * without a speaker goes to a new actor named after the article's outlet, else "Unnamed source", of kind
 * `source`, which the teacher then names.
 */
export function acceptEdits(
  data: unknown,
  seed: string,
  s: Suggestion,
  unnamed: string,
): { edit: StudioEdit; path: Array<string | number> } {
  const statement = {
    seed,
    ...(s.date ? { date: s.date } : {}),
    quote: s.quote,
    ...(s.modality && MODALITIES.has(s.modality) ? { modality: s.modality } : {}),
  }
  const name = s.speaker?.name.trim() || unnamed
  const at = actorNamed(data, name)
  if (at >= 0)
    return {
      edit: { op: 'append', path: ['actors', at, 'statements'], value: statement },
      path: ['actors', at],
    }
  const actors = asRecord(data).actors
  const actor = {
    ...asRecord(newEntry(shapeOf(ActorSchema), name, actors, data)),
    ...(s.speaker?.office ? { office: s.speaker.office } : {}),
    kind: s.speaker ? 'official' : 'source',
    statements: [statement],
  }
  return { edit: { op: 'append', path: ['actors'], value: actor }, path: ['actors', asList(actors).length] }
}
