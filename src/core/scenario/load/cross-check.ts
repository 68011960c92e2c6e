import { BUILT_IN_FLAGS } from '../../rules/scenario-index.ts'
import type { Condition } from '../schema/conditions.ts'
import type { Effect, Scenario } from '../schema/scenario.ts'
import { checkScores, crossCheckUncertainty, type ReferenceChecks } from './cross-check-uncertainty.ts'
import type { ParsedFile } from './parse.ts'
import type { DocPath, Problem, ProblemCode } from './problems.ts'
import type { Salvaged } from './salvage.ts'

/**
 * Checks what the schema cannot: that ids are unique, that every id a scenario refers to exists (sides, tags,
 * instruments and their variants, meters, flags, actors, seed files), that sides have sensible roles, and that
 * every condition and effect names things that exist; the parts format 3 added are checked with the same
 * checks in cross-check-uncertainty.ts. All problems are reported, not just the first.
 */
export function crossCheck(
  parsed: ParsedFile,
  s: Scenario,
  salvaged?: Pick<Salvaged, 'knownIds' | 'incomplete' | 'absent'>,
): Problem[] {
  const out: Problem[] = []
  const report = (code: ProblemCode, message: string, path: DocPath): false => {
    out.push(parsed.problem(code, message, path))
    return false
  }
  const ids = (list: Array<{ id: string }>, key: string): Pick<Set<string>, 'has'> => {
    const seen = new Map<string, number>()
    list.forEach((x, i) => {
      const first = seen.get(x.id)
      if (first !== undefined)
        report('DUPLICATE_ID', `The id "${x.id}" is used by ${key}[${first}] and ${key}[${i}]`, [
          key,
          i,
          'id',
        ])
      else seen.set(x.id, i)
    })
    // A section still missing (reported already) could hold any id: references to it are not judged.
    if (salvaged?.absent.has(key)) return { has: () => true }
    return new Set([
      ...list.map((x) => x.id),
      ...(salvaged?.knownIds[key as keyof Salvaged['knownIds']] ?? []),
    ])
  }
  const whole = (section: string) => !salvaged?.incomplete.has(section)
  const sides = ids(s.sides, 'sides')
  const tags = ids(s.tags, 'tags')
  const meters = ids(s.meters, 'meters')
  const actors = ids(s.actors, 'actors')
  const instruments = ids(s.instruments, 'instruments')
  const declaredFlags = ids(s.flags, 'flags')
  const flags = {
    has: (id: string) => declaredFlags.has(id) || (BUILT_IN_FLAGS as readonly string[]).includes(id),
  }
  for (const key of ['redLines', 'preferences', 'events', 'endings'] as const) ids(s[key], key)
  const seeds = new Set(s.seeds.map((x) => x.file))
  const variants = new Map(s.instruments.map((i) => [i.id, new Set(i.variants.map((v) => v.id))]))

  const responders = s.sides.filter((x) => x.role === 'responder')
  if (whole('sides') && (responders.length !== 1 || responders.length === s.sides.length))
    report(
      'SIDE_ROLES',
      `There are ${responders.length} responding and ${s.sides.length - responders.length} proposing sides`,
      ['sides'],
    )
  const responder = responders[0]?.id
  const proposers = new Set(s.sides.filter((x) => x.role === 'proposer').map((x) => x.id))

  const side = (id: string, path: DocPath) =>
    sides.has(id) || report('UNKNOWN_SIDE', `There is no side "${id}"`, path)
  const tag = (id: string, path: DocPath) =>
    tags.has(id) || report('UNKNOWN_TAG', `There is no tag "${id}"`, path)
  const meter = (id: string, path: DocPath) =>
    meters.has(id) || report('UNKNOWN_METER', `There is no meter "${id}"`, path)
  const flag = (id: string, path: DocPath) =>
    flags.has(id) || report('UNKNOWN_FLAG', `There is no flag "${id}"`, path)
  const seed = (id: string, path: DocPath) =>
    seeds.has(id) || report('UNKNOWN_SEED', `"${id}" is not listed under seeds`, path)
  const instrument = (id: string, variant: string | undefined, path: DocPath) => {
    if (!instruments.has(id)) return report('UNKNOWN_INSTRUMENT', `There is no instrument "${id}"`, path)
    if (variant !== undefined && !variants.get(id)?.has(variant))
      report('UNKNOWN_VARIANT', `The instrument "${id}" has no variant "${variant}"`, [
        ...path.slice(0, -1),
        'variant',
      ])
  }
  const citations = (list: Array<{ seed: string; speaker?: string }>, path: DocPath) =>
    list.forEach((c, i) => {
      seed(c.seed, [...path, i, 'seed'])
      if (c.speaker !== undefined && !actors.has(c.speaker))
        report('UNKNOWN_ACTOR', `There is no actor "${c.speaker}"`, [...path, i, 'speaker'])
    })
  const condition = (c: Condition, path: DocPath): void => {
    if ('all' in c)
      c.all.forEach((x, i) => {
        condition(x, [...path, 'all', i])
      })
    else if ('any' in c)
      c.any.forEach((x, i) => {
        condition(x, [...path, 'any', i])
      })
    else if ('not' in c) condition(c.not, [...path, 'not'])
    else if ('has' in c) instrument(c.has, c.variant, [...path, 'has'])
    else if ('hasTag' in c) tag(c.hasTag, [...path, 'hasTag'])
    else if ('backedBy' in c || 'count' in c) {
      const f = 'count' in c ? c.count : c
      const base = 'count' in c ? [...path, 'count'] : path
      if (f.backedBy !== undefined) side(f.backedBy, [...base, 'backedBy'])
      if (f.tag !== undefined) tag(f.tag, [...base, 'tag'])
      if (f.instrument !== undefined) instrument(f.instrument, undefined, [...base, 'instrument'])
    } else if ('sum' in c || 'share' in c) {
      if (c.side !== undefined) side(c.side, [...path, 'side'])
    } else if ('meter' in c) meter(c.meter, [...path, 'meter'])
    else if ('flag' in c) flag(c.flag, [...path, 'flag'])
  }
  const effects = (list: readonly Effect[], path: DocPath) =>
    list.forEach((e, i) => {
      if ('setFlag' in e) flag(e.setFlag, [...path, i, 'setFlag'])
      else if ('clearFlag' in e) flag(e.clearFlag, [...path, i, 'clearFlag'])
      else {
        meter(e.meter, [...path, i, 'meter'])
        if ('fromPackage' in e && e.side !== undefined) side(e.side, [...path, i, 'side'])
      }
    })
  const owner = (id: string, path: DocPath) => {
    if (side(id, path) && id !== responder)
      report('OWNER_NOT_RESPONDER', `"${id}" is not the responding side`, path)
  }

  s.seeds.forEach(({ file }, i) => {
    if (!/^[\w.-]+$/.test(file))
      report('SEED_NAME_NOT_PLAIN', `"${file}" is not a plain name: it holds a folder or a space`, [
        'seeds',
        i,
        'file',
      ])
  })
  s.sides.forEach((x, i) => {
    x.constraints.forEach((c, j) => {
      const path = ['sides', i, 'constraints', j]
      if (c.when) condition(c.when, [...path, 'when'])
      condition(c.requires, [...path, 'requires'])
      citations(c.source, [...path, 'source'])
    })
  })
  s.actors.forEach((a, i) => {
    if (a.side !== undefined) side(a.side, ['actors', i, 'side'])
    citations(a.statements, ['actors', i, 'statements'])
  })
  s.meters.forEach((m, i) => {
    if (!(m.min < m.max) || m.start < m.min || m.start > m.max)
      report('METER_RANGE', `Meter "${m.id}" has min ${m.min}, max ${m.max} and start ${m.start}`, [
        'meters',
        i,
      ])
  })
  s.flags.forEach((f, i) => {
    f.settableBy.forEach((x, j) => {
      side(x, ['flags', i, 'settableBy', j])
    })
    citations(f.source, ['flags', i, 'source'])
  })
  s.instruments.forEach((x, i) => {
    const path = ['instruments', i]
    x.proposers.forEach((p, j) => {
      side(p, [...path, 'proposers', j])
    })
    x.tags.forEach((t, j) => {
      tag(t, [...path, 'tags', j])
    })
    for (const key of ['costs', 'risks'] as const)
      for (const id of Object.keys(x[key])) side(id, [...path, key, id])
    x.excludes.forEach((e, j) => {
      if (e === x.id) report('VARIANT_SELF_EXCLUDE', `"${x.id}" excludes itself`, [...path, 'excludes', j])
      else instrument(e, undefined, [...path, 'excludes', j])
    })
    ids(x.variants, `instruments[${i}].variants`)
    x.variants.forEach((v, j) => {
      v.tags.forEach((t, k) => {
        tag(t, [...path, 'variants', j, 'tags', k])
      })
      for (const key of ['costs', 'risks'] as const)
        for (const id of Object.keys(v[key] ?? {})) side(id, [...path, 'variants', j, key, id])
      citations(v.source, [...path, 'variants', j, 'source'])
    })
    citations(x.source, [...path, 'source'])
  })
  s.redLines.forEach((r, i) => {
    const path = ['redLines', i]
    owner(r.owner, [...path, 'owner'])
    condition(r.when, [...path, 'when'])
    if (r.response.kind === 'demandRemoval') {
      const remove = r.response.remove
      if (!remove || remove.tags.length + remove.instruments.length === 0)
        report('REMOVE_MISSING', `Red line "${r.id}" demands removal but names nothing to remove`, [
          ...path,
          'response',
        ])
      remove?.tags.forEach((t, j) => {
        tag(t, [...path, 'response', 'remove', 'tags', j])
      })
      remove?.instruments.forEach((x, j) => {
        instrument(x, undefined, [...path, 'response', 'remove', 'instruments', j])
      })
    }
    effects(r.response.effects, [...path, 'response', 'effects'])
    citations(r.stated, [...path, 'stated'])
  })
  s.preferences.forEach((p, i) => {
    owner(p.owner, ['preferences', i, 'owner'])
    condition(p.when, ['preferences', i, 'when'])
    effects(p.effects, ['preferences', i, 'effects'])
    citations(p.stated, ['preferences', i, 'stated'])
  })
  for (const [verdict, list] of Object.entries(s.response.effects))
    effects(list ?? [], ['response', 'effects', verdict])
  effects(s.noPackage.effects, ['noPackage', 'effects'])
  effects(s.unilateral.effects, ['unilateral', 'effects'])
  citations(s.unilateral.source, ['unilateral', 'source'])
  s.events.forEach((e, i) => {
    if (e.when) condition(e.when, ['events', i, 'when'])
    effects(e.effects, ['events', i, 'effects'])
    citations(e.source, ['events', i, 'source'])
  })
  const scored = (id: string) => !whole('scoring') || Object.hasOwn(s.scoring, id)
  const checks: ReferenceChecks = { report, side, tag, instrument, condition, effects, citations, scored }
  s.endings.forEach((e, i) => {
    if (e.when) condition(e.when, ['endings', i, 'when'])
    checkScores(checks, e.scores, ['endings', i, 'scores'])
  })
  crossCheckUncertainty(s, checks)
  const limitEndings = s.endings.filter((e) => e.onRoundLimit).length
  if (whole('endings') && limitEndings !== 1)
    report('ROUND_LIMIT_ENDING', `${limitEndings} endings are marked onRoundLimit; exactly one must be`, [
      'endings',
    ])
  for (const [id, rule] of Object.entries(s.scoring)) {
    side(id, ['scoring', id])
    rule.terms.forEach((t, j) => {
      if ('meter' in t) meter(t.meter, ['scoring', id, 'terms', j, 'meter'])
      else condition(t.when, ['scoring', id, 'terms', j, 'when'])
    })
  }
  for (const id of proposers)
    if (whole('scoring') && !(id in s.scoring))
      out.push(parsed.problem('NO_SCORING', `The side "${id}" has no scoring`, ['scoring']))
  return out
}
