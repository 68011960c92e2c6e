import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { Difficulty, GameSetup, Seat } from '../../core/rules/state.ts'
import { h, uid } from '../dom.ts'
import { type MessageKey, t } from '../i18n/index.ts'
import { localisedIndex } from '../i18n/scenario.ts'

/** The choices on the setup screen, kept between re-renders. */
export interface SetupDraft {
  scenarioId: string
  seats: Record<string, Seat>
  difficulty: Difficulty
  seed: number
}

/** A seed for a new game: random-ish, and shown so that a teacher can give it to the whole class. */
export const randomSeed = (): number => Math.floor(Math.random() * 1_000_000)

/** Default choices: the first proposer played by a human, the others by the computer. */
export function defaultDraft(index: ScenarioIndex, seed = randomSeed()): SetupDraft {
  const seats = Object.fromEntries(
    index.proposers.map((side, i) => [side, i === 0 ? 'human' : 'computer'] as const),
  )
  return { scenarioId: index.scenario.id, seats, difficulty: 'normal', seed }
}

/** What the setup screen needs: the playable scenarios, the current choices and what to do with them. */
export interface SetupProps {
  scenarios: ScenarioIndex[]
  draft: SetupDraft
  /** Called when another scenario is chosen (the side list changes). */
  onScenario: (index: ScenarioIndex) => void
  onStart: (index: ScenarioIndex, setup: GameSetup) => void
  /** Where a scenario comes from when it is not shipped, e.g. "from file: my-scenario.yaml". */
  origin?: (index: ScenarioIndex) => string | null
}

const DIFFICULTIES: Array<[Difficulty, MessageKey]> = [
  ['easy', 'difficulty.easy'],
  ['normal', 'difficulty.normal'],
  ['hard', 'difficulty.hard'],
]

function radio(name: string, value: string, label: string, checked: boolean, onchange: () => void) {
  const id = uid('radio')
  return h('div', { class: 'choice' }, [
    h('input', { type: 'radio', id, name, value, checked, 'data-key': `${name}:${value}`, onchange }),
    h('label', { for: id }, label),
  ])
}

/** A scenario's title, followed by where it comes from when it is not shipped. */
function withOrigin(props: SetupProps, index: ScenarioIndex): string {
  const origin = props.origin?.(index)
  const { title } = localisedIndex(index).scenario
  return origin ? `${title} (${origin})` : title
}

function scenarioChoice(props: SetupProps, current: ScenarioIndex): HTMLElement {
  if (props.scenarios.length === 1)
    return h('section', { 'aria-labelledby': 'scenario-title' }, [
      h('h3', { id: 'scenario-title' }, withOrigin(props, current)),
      h('p', {}, localisedIndex(current).scenario.summary),
    ])
  return h('fieldset', {}, [
    h('legend', {}, t('setup.scenario')),
    ...props.scenarios.map((index) =>
      h('div', {}, [
        radio('scenario', index.scenario.id, withOrigin(props, index), index === current, () =>
          props.onScenario(index),
        ),
        h('p', { class: 'hint' }, localisedIndex(index).scenario.summary),
      ]),
    ),
  ])
}

function seatChoice(draft: SetupDraft, index: ScenarioIndex): HTMLElement {
  return h('fieldset', {}, [
    h('legend', {}, t('setup.seats')),
    h('p', { class: 'hint' }, t('setup.seatsHint')),
    h(
      'div',
      { class: 'seats' },
      index.proposers.map((side) => {
        const name = localisedIndex(index).sides.get(side)?.name ?? side
        const seat = (value: Seat, label: string) =>
          radio(`seat-${side}`, value, label, draft.seats[side] === value, () => {
            draft.seats[side] = value
          })
        return h('fieldset', { class: 'seat' }, [
          h('legend', {}, name),
          seat('human', t('seat.humanLabel')),
          seat('computer', t('seat.computerLabel')),
        ])
      }),
    ),
  ])
}

/** The setup screen: scenario, who plays which side, difficulty and seed, and "Start game". */
export function renderSetup(props: SetupProps): HTMLElement {
  const { draft } = props
  const current = props.scenarios.find((s) => s.scenario.id === draft.scenarioId) ?? props.scenarios[0]
  if (!current) return h('p', {}, t('setup.nothingPlayable'))
  const difficultyId = uid('difficulty')
  const seedId = uid('seed')
  const seedHint = uid('hint')
  const start = (event: Event) => {
    event.preventDefault()
    props.onStart(current, {
      scenarioId: current.scenario.id,
      seats: { ...draft.seats },
      seed: draft.seed,
      difficulty: draft.difficulty,
    })
  }
  return h('form', { class: 'setup', onsubmit: start, 'aria-labelledby': 'setup-heading' }, [
    h('h2', { id: 'setup-heading', tabindex: -1 }, t('common.newGame')),
    scenarioChoice(props, current),
    seatChoice(draft, current),
    h('div', { class: 'field' }, [
      h('label', { for: difficultyId }, t('setup.difficulty')),
      h(
        'select',
        {
          id: difficultyId,
          'data-key': 'difficulty',
          onchange: (e) => {
            draft.difficulty = (e.target as HTMLSelectElement).value as Difficulty
          },
        },
        DIFFICULTIES.map(([value, label]) =>
          h('option', { value, selected: value === draft.difficulty }, t(label)),
        ),
      ),
    ]),
    h('div', { class: 'field' }, [
      h('label', { for: seedId }, t('setup.seed')),
      h('input', {
        id: seedId,
        type: 'number',
        min: 0,
        max: 2147483647,
        step: 1,
        required: true,
        value: draft.seed,
        'data-key': 'seed',
        'aria-describedby': seedHint,
        oninput: (e) => {
          const value = (e.target as HTMLInputElement).valueAsNumber
          if (Number.isInteger(value)) draft.seed = value
        },
      }),
      h('p', { id: seedHint, class: 'hint' }, t('setup.seedHint')),
    ]),
    h('button', { type: 'submit', class: 'primary', 'data-key': 'start' }, t('setup.start')),
  ])
}
