import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from '../../src/client/i18n/index.ts'
import { localisedIndex } from '../../src/client/i18n/scenario.ts'
import {
  outcomeTitle,
  scoreLineChange,
  scoreLineLabel,
  scoreLineText,
} from '../../src/client/render/debrief/outcome-text.ts'
import { alternativeText } from '../../src/client/render/debrief/what-if-words.ts'
import {
  PHASE_KEYS,
  REFUSAL_KEYS,
  refusalText,
  WARNING_KEYS,
  warningText,
} from '../../src/client/render/rule-texts.ts'
import { CHANGE_KINDS } from '../../src/core/debrief/changes.ts'
import type { Situation } from '../../src/core/debrief/predict.ts'
import { whatIfAll } from '../../src/core/debrief/what-if.ts'
import { WHAT_IF_REASON_KINDS } from '../../src/core/debrief/what-if-text.ts'
import { applyCommand, REFUSAL_CODES, type Refusal, type RefusalCode } from '../../src/core/rules/apply.ts'
import { INSTRUCTOR } from '../../src/core/rules/commands.ts'
import { WARNING_CODES } from '../../src/core/rules/constraints.ts'
import { indexScenario } from '../../src/core/rules/scenario-index.ts'
import { SCORE_LINE_KINDS, scoreSides } from '../../src/core/rules/scoring.ts'
import { type GameState, newGame } from '../../src/core/rules/state.ts'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import {
  SCORE_LINE_KEYS,
  outcomeText as sharedOutcomeText,
  scoreLineText as sharedScoreLineText,
} from '../../src/messages/debrief.ts'
import { en } from '../../src/messages/en.ts'
import { wordsIn } from '../../src/messages/index.ts'
import type { Message } from '../../src/messages/types.ts'
import { uk } from '../../src/messages/uk.ts'
import {
  basisText,
  CHANGE_KEYS,
  chanceText,
  changeText,
  DID_KEYS,
  PHRASE_KEYS,
  RATHER_THAN_KEYS,
  REASON_KEYS,
  alternativeText as sharedAlternativeText,
  WOULD_HAVE_KEYS,
} from '../../src/messages/what-if.ts'
import { FIXTURE_SEEDS, FIXTURES } from './helpers.ts'

afterEach(() => setLanguage('en'))

/** The harbour with every text translated into Ukrainian, plus one event the instructor can bring in. */
function translatedHarbour() {
  const loaded = loadScenario(readFileSync(join(FIXTURES, 'translated.yaml'), 'utf8'), {
    seeds: FIXTURE_SEEDS,
  }).index
  if (!loaded) throw new Error('the translated fixture does not load')
  const storm = {
    id: 'storm',
    title: 'A storm',
    text: 'A storm raises tempers.',
    round: 99,
    chance: 1,
    repeat: false,
    effects: [],
    source: [],
  }
  const calm = {
    id: 'calm',
    name: 'Calm waters',
    description: 'The towns keep their boats in port.',
    settableBy: ['south'],
    initial: false,
    source: [],
  }
  const translations = {
    uk: {
      ...loaded.scenario.translations?.uk,
      'events.storm.title': 'Шторм',
      'flags.calm.name': 'Тихі води',
    },
  }
  return indexScenario({ ...loaded.scenario, events: [storm], flags: [calm], translations })
}

const index = translatedHarbour()
const shownUk = localisedIndex(index, 'uk')
const setup = { scenarioId: 'harbour', seats: {}, seed: 1, difficulty: 'normal' as const }
const add = (side: string, instrument: string, variant?: string) => ({
  type: 'add',
  side,
  payload: variant ? { instrument, variant } : { instrument },
})
const cmd = (type: string, side: string, payload: object = {}) => ({ type, side, payload })

function run(commands: unknown[], from: GameState = newGame(index, setup)): GameState {
  return commands.reduce<GameState>((state, command) => {
    const outcome = applyCommand(index, state, command)
    if (!outcome.ok) throw new Error(`${outcome.refusal.code}: ${JSON.stringify(outcome.refusal.params)}`)
    return outcome.state
  }, from)
}

const tabled = [
  add('north', 'patrol'),
  cmd('endorse', 'north'),
  cmd('endorse', 'south'),
  cmd('table', 'north'),
]

/** How to meet each refusal in the harbour: the moves before, then the refused command. */
const CASES: Record<RefusalCode, { before?: unknown[]; state?: () => GameState; command: unknown }> = {
  MALFORMED_COMMAND: { command: { type: 'add', side: 'north' } },
  GAME_OVER: {
    state: () => ({ ...newGame(index, setup), phase: 'ended' }),
    command: cmd('endorse', 'north'),
  },
  WRONG_PHASE: { command: cmd('decide', 'north', { choice: 'continue' }) },
  NOT_A_PROPOSER: { command: add('harbour', 'patrol') },
  UNKNOWN_INSTRUMENT: { command: add('north', 'ferry') },
  NOT_YOUR_INSTRUMENT: { command: add('south', 'patrol') },
  VARIANT_REQUIRED: { command: add('north', 'fund') },
  UNKNOWN_VARIANT: { command: add('north', 'fund', 'huge') },
  ALREADY_IN_PACKAGE: { before: [add('north', 'fund', 'small')], command: add('south', 'fund', 'large') },
  EXCLUDED: {
    state: () => ({ ...newGame(index, setup), package: [{ instrument: 'station', backedBy: 'south' }] }),
    command: add('north', 'patrol'),
  },
  NOT_IN_PACKAGE: { command: cmd('withdraw', 'north', { instrument: 'patrol' }) },
  NOT_YOUR_ITEM: {
    before: [add('north', 'patrol')],
    command: cmd('withdraw', 'south', { instrument: 'patrol' }),
  },
  UNKNOWN_SIDE: { command: cmd('request', 'north', { to: 'north', instrument: 'patrol' }) },
  CANNOT_PROPOSE: { command: cmd('request', 'north', { to: 'south', instrument: 'patrol' }) },
  UNKNOWN_REQUEST: { command: cmd('decline', 'north', { request: 0, reason: 'no' }) },
  NOT_YOUR_REQUEST: {
    before: [cmd('request', 'north', { to: 'south', instrument: 'station' })],
    command: cmd('decline', 'north', { request: 0, reason: 'no' }),
  },
  EMPTY_PACKAGE: { command: cmd('table', 'north') },
  NOT_ALL_ENDORSED: {
    before: [add('north', 'patrol'), cmd('endorse', 'north')],
    command: cmd('table', 'north'),
  },
  NO_DISAGREEMENT: {
    before: [add('north', 'patrol'), cmd('endorse', 'north'), cmd('endorse', 'south')],
    command: cmd('endRound', 'north'),
  },
  UNKNOWN_FLAG: { command: cmd('setFlag', 'north', { flag: 'gale', value: true }) },
  FLAG_NOT_SETTABLE: { command: cmd('setFlag', 'north', { flag: 'calm', value: true }) },
  ALREADY_VOTED: {
    before: [...tabled, cmd('decide', 'north', { choice: 'continue' })],
    command: cmd('decide', 'north', { choice: 'continue' }),
  },
  ALREADY_REQUESTED: {
    before: [
      add('north', 'patrol'),
      cmd('request', 'south', { to: 'north', instrument: 'patrol', action: 'withdraw' }),
    ],
    command: cmd('request', 'south', { to: 'north', instrument: 'patrol', action: 'withdraw' }),
  },
  NOTHING_TO_OVERRULE: { command: cmd('overrule', INSTRUCTOR, { verdict: 'accept', reason: 'why' }) },
  SAME_VERDICT: {
    before: tabled,
    command: cmd('overrule', INSTRUCTOR, { verdict: 'reject', reason: 'why' }),
  },
  UNKNOWN_EVENT: { command: cmd('inject', INSTRUCTOR, { event: 'flood' }) },
  EVENT_ALREADY_FIRED: {
    before: [cmd('inject', INSTRUCTOR, { event: 'storm' })],
    command: cmd('inject', INSTRUCTOR, { event: 'storm' }),
  },
  MESSAGE_EMPTY: { command: cmd('say', 'north', { channel: 'public', text: '  ' }) },
  MESSAGE_TOO_LONG: { command: cmd('say', 'north', { channel: 'team', text: 'x'.repeat(501) }) },
  UNKNOWN_RECIPIENT: { command: cmd('say', 'north', { channel: 'private', to: 'harbour', text: 'hi' }) },
}

/** The refusal each case meets, from the rules themselves (EXCLUDED needs an exclusion the fixture lacks). */
function refusalOf(code: RefusalCode): Refusal {
  const c = CASES[code]
  const excluding = code === 'EXCLUDED' ? withExclusion() : index
  const state = c.state ? c.state() : run(c.before ?? [])
  const outcome = applyCommand(excluding, state, c.command)
  if (outcome.ok) throw new Error(`${code}: the command was allowed`)
  return outcome.refusal
}

function withExclusion() {
  const instruments = index.scenario.instruments.map((i) =>
    i.id === 'patrol' ? { ...i, excludes: ['station'] } : i,
  )
  return indexScenario({ ...index.scenario, instruments })
}

const has = (catalogue: Record<string, Message>, key: string) =>
  typeof catalogue[key] === 'string' ? (catalogue[key] as string).trim() !== '' : catalogue[key] !== undefined

describe('the catalogues word every code the engine gives', () => {
  const all = (keys: Record<string, string>) => Object.values(keys)
  const cases: Array<[string, readonly string[], Record<string, string>]> = [
    ['refusal', REFUSAL_CODES, REFUSAL_KEYS],
    ['warning', WARNING_CODES, WARNING_KEYS],
    ['phase', ['negotiating', 'deciding', 'ended'], PHASE_KEYS],
    ['change', CHANGE_KINDS, CHANGE_KEYS],
    ['change phrase', CHANGE_KINDS, PHRASE_KEYS],
    ['what-if reason', WHAT_IF_REASON_KINDS, REASON_KEYS],
    ['would have', ['accept', 'demandRemoval', 'reject'], WOULD_HAVE_KEYS],
    ['did', ['accept', 'demandRemoval', 'reject'], DID_KEYS],
    ['rather than', ['accept', 'demandRemoval', 'reject'], RATHER_THAN_KEYS],
    ['score line', SCORE_LINE_KINDS.filter((k) => k !== 'term'), SCORE_LINE_KEYS],
  ]
  it.each(cases)('every %s kind has a message in English and in Ukrainian', (_name, kinds, keys) => {
    expect(Object.keys(keys).sort()).toEqual([...kinds].sort())
    for (const key of all(keys)) {
      expect(has(en, key), `en ${key}`).toBe(true)
      expect(has(uk as Record<string, Message>, key), `uk ${key}`).toBe(true)
    }
  })

  it('names each refusal key after its code', () => {
    for (const code of REFUSAL_CODES) expect(REFUSAL_KEYS[code]).toBe(`refusal.${code}`)
  })
})

describe('refusals', () => {
  // Ids the scenario does not know are shown as they are: the only Latin letters left in Ukrainian.
  const UNKNOWN_IDS: Partial<Record<RefusalCode, string>> = {
    UNKNOWN_INSTRUMENT: 'ferry',
    UNKNOWN_VARIANT: 'huge',
    UNKNOWN_FLAG: 'gale',
    UNKNOWN_EVENT: 'flood',
  }
  it.each(REFUSAL_CODES.map((c) => [c]))('%s is met in play and worded in both languages', (code) => {
    const refusal = refusalOf(code)
    expect(refusal.code).toBe(code)
    const english = refusalText(index, refusal)
    setLanguage('uk')
    const ukrainian = refusalText(shownUk, refusal)
    for (const text of [english, ukrainian]) expect(text).not.toMatch(/[{}]|undefined/)
    expect(ukrainian).not.toBe(english)
    const latin = ukrainian.replace(UNKNOWN_IDS[code] ?? '\u0000', '').match(/[a-z]{2,}/gi)
    expect(latin, ukrainian).toBeNull()
  })

  it('name instruments, readings and sides as the screen shows them, with Ukrainian plurals', () => {
    setLanguage('uk')
    const uk = (code: RefusalCode) => refusalText(shownUk, refusalOf(code))
    expect(uk('EXCLUDED')).toBe(
      '«Патрульні човни» не може бути в пакеті разом із «Метеостанція», що вже є в ньому.',
    )
    expect(uk('VARIANT_REQUIRED')).toBe('Оберіть прочитання для «Спільний фонд»: «Малий», «Великий».')
    expect(uk('NOT_ALL_ENDORSED')).toBe('Пакет можна подати, щойно його схвалить сторона Південне місто.')
    expect(uk('CANNOT_PROPOSE')).toBe(
      'Про це не можна попросити: Сторона Південне місто не може внести «Патрульні човни».',
    )
    const both = { code: 'NOT_ALL_ENDORSED' as const, params: { sides: ['north', 'south'] } }
    expect(refusalText(shownUk, both)).toBe(
      'Пакет можна подати, щойно його схвалять сторони Північне місто і Південне місто.',
    )
    setLanguage('en')
    expect(refusalText(index, both)).toBe(
      'The package can be tabled once North town and South town endorse it.',
    )
    expect(refusalText(index, refusalOf('EXCLUDED'))).toBe(
      '“Patrol boats” cannot stand in the package with “Weather station”, which is already in it.',
    )
  })

  it('a warning names the constraint broken in the scenario’s words', () => {
    const outcome = applyCommand(index, run([add('south', 'station')]), cmd('endorse', 'north'))
    if (!outcome.ok) throw new Error('endorsing is allowed')
    expect(outcome.warned.map((w) => [w.code, w.side, w.constraint])).toEqual([
      ['CONSTRAINT_BROKEN', 'north', 'north-min'],
    ])
    const [warning] = outcome.warned
    if (!warning) throw new Error('no warning')
    expect(warningText(index, warning)).toBe(
      'This package breaks your constraint: North signs nothing that deters less than 3.',
    )
    setLanguage('uk')
    expect(warningText(shownUk, warning)).toBe(
      'Цей пакет порушує ваше обмеження: Північ не підпише нічого, що стримує менше ніж на 3.',
    )
  })
})

describe('the debrief’s words', () => {
  const start = (): Situation => ({ meters: { tension: 20 }, flags: [], round: 1, difficulty: 'normal' })
  const boats = { instrument: 'patrol', backedBy: 'north' }

  it('word the what-if from its data, in English and in Ukrainian with no English', () => {
    const w = whatIfAll(index, [boats], start())
    if (!w) throw new Error('no what-if')
    const english = wordsIn('en')
    const ukrainian = wordsIn('uk')
    const noReadings = w.alternatives.find((a) => a.changes.every((c) => !c.item.variant && !c.variant))
    if (!noReadings) throw new Error('no alternative without readings')
    expect(sharedAlternativeText(english, index, w.before, noReadings)).toMatch(
      /^Without the Patrol boats and with the Weather station added/,
    )
    const first = w.alternatives[0]
    if (!first) throw new Error('no alternative')
    const expected =
      'Без «Патрульні човни» і якби сторона Північне місто додала «Спільний фонд (Малий)», сторона Гавань прийняла б пакет, а не відхилила б його: червону лінію «Жодних чужих патрульних човнів» більше не було б перетнуто і її схильність до згоди становила б 1, не нижче за планку 0.'
    expect(sharedAlternativeText(ukrainian, shownUk, w.before, first)).toBe(expected)
    // The browser's debrief words it through the shared module, in the interface's language.
    setLanguage('uk')
    expect(alternativeText(shownUk, w.before, first)).toBe(expected)
    const texts = [
      ...w.alternatives.flatMap((a) => [
        sharedAlternativeText(ukrainian, shownUk, w.before, a),
        ...a.changes.map((c) => changeText(ukrainian, shownUk, c)),
      ]),
      chanceText(ukrainian, shownUk, 'reject', 'accept'),
      basisText(ukrainian, shownUk),
    ]
    for (const text of texts) {
      expect(text).not.toMatch(/[{}]|undefined/)
      expect(text.match(/[a-z]{2,}/gi), text).toBeNull()
    }
    expect(chanceText(ukrainian, shownUk, 'reject', 'accept')).toMatch(
      /^Сторона Гавань відхилила пакет через випадковість/,
    )
  })

  it('word the outcome and score lines from the debrief’s data, for the exports and the server', () => {
    const ukrainian = wordsIn('uk')
    expect(sharedOutcomeText(wordsIn('en'), { text: 'A deal.' }, ['North', 'South'])).toBe(
      'A deal. Came out ahead: North and South.',
    )
    expect(sharedOutcomeText(wordsIn('en'), null, [])).toBe('The game has not ended yet.')
    expect(sharedOutcomeText(ukrainian, { text: 'Угода.' }, [])).not.toMatch(/[a-z]{2,}|[{}]/i)
    const fell = {
      kind: 'meter',
      term: 0,
      meter: 'tension',
      from: 45,
      value: 5,
      label: 'Напруга',
      points: -20,
    } as const
    expect(sharedScoreLineText(ukrainian, fell)).toBe('Напруга 45 → 5: −20')
    expect(
      sharedScoreLineText(ukrainian, { kind: 'breaches', count: 2, label: '', points: -2.5 }),
    ).not.toMatch(/[a-z]{2,}|[{}]/i)
  })

  it('word score lines, the ending and the game that goes on', () => {
    const state = run([add('south', 'station'), cmd('endorse', 'north'), cmd('endorse', 'north')])
    const ended: GameState = { ...state, ending: { id: 'deal', round: 1 } }
    const north = scoreSides(index, ended).find((s) => s.side === 'north')
    setLanguage('uk')
    expect(north?.lines.map((l) => scoreLineText(shownUk, 'north', l))).toEqual([
      'Напруга 0 → 20: −10',
      'Фінал: Угода: +10',
      'Схвалення всупереч власним обмеженням (2 рази): −20',
    ])
    expect(outcomeTitle(shownUk, { outcome: null })).toBe('Гра триває')
    setLanguage('en')
    expect(north?.lines.map((l) => scoreLineText(index, 'north', l))).toEqual([
      'Tension 0 → 20: −10',
      'Ending: Deal: +10',
      'Endorsed against its own constraints (2 times): −20',
    ])
    // The label alone is the scenario's own words (or the meter's name), without numbers.
    expect(north?.lines.map((l) => scoreLineLabel(index, 'north', l))).toEqual([
      'Tension',
      'Ending: Deal',
      'Endorsed against its own constraints (2 times)',
    ])
  })

  it('word a meter line with its change and its signed points, which agree however the label reads', () => {
    const fell = {
      kind: 'meter',
      term: 9,
      meter: 'tension',
      from: 45,
      value: 5,
      label: 'x',
      points: -20,
    } as const
    expect(scoreLineText(index, 'north', fell)).toBe('Tension 45 → 5: −20')
    expect(scoreLineChange(fell)).toBe('45 → 5')
    const rose = { ...fell, from: 20, value: 25, points: 2.5 }
    expect(scoreLineText(index, 'north', rose)).toBe('Tension 20 → 25: +2.5')
    setLanguage('uk')
    expect(scoreLineText(shownUk, 'north', rose)).toBe('Напруга 20 → 25: +2,5')
    setLanguage('en')
  })

  it('word the aftermath line by the outcome’s title, translated where the scenario translates it', () => {
    const line = {
      kind: 'aftermath',
      outcome: 'attack',
      label: 'After the deal: A new attack',
      points: -30,
    } as const
    // The harbour has no aftermath: the line falls back to the outcome's kind.
    expect(scoreLineText(index, 'north', line)).toBe('After the deal: attack: −30')
    setLanguage('uk')
    expect(scoreLineLabel(shownUk, 'north', line)).toBe('Після угоди: attack')
    setLanguage('en')
  })
})
