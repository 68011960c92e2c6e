import { DIFFICULTIES } from '../../core/rules/difficulty.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { Difficulty, GameMode, GameSetup, Seat } from '../../core/rules/state.ts'
import { h, uid } from '../dom.ts'
import { type MessageKey, t } from '../i18n/index.ts'
import { localisedIndex } from '../i18n/scenario.ts'

/** The choices on the setup screen, kept between re-renders. */
export interface SetupDraft {
  scenarioId: string
  seats: Record<string, Seat>
  difficulty: Difficulty
  seed: number
  /** 'instructor' opens the Backstage at the table; a new game is in play mode unless this is ticked. */
  mode: GameMode
}

/** A seed for a new game: random-ish, and shown so that a teacher can give it to the whole class. */
export const randomSeed = (): number => Math.floor(Math.random() * 1_000_000)

/** Default choices: the first proposer played by a human, the others by the computer. */
export function defaultDraft(index: ScenarioIndex, seed = randomSeed()): SetupDraft {
  const seats = Object.fromEntries(
    index.proposers.map((side, i) => [side, i === 0 ? 'human' : 'computer'] as const),
  )
  return { scenarioId: index.scenario.id, seats, difficulty: 'normal', seed, mode: 'play' }
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

/** Each difficulty's name and the sentence that says what it changes (src/core/rules/difficulty.ts). */
const DIFFICULTY_TEXT: Record<Difficulty, [MessageKey, MessageKey]> = {
  easy: ['difficulty.easy', 'setup.difficultyHint.easy'],
  normal: ['difficulty.normal', 'setup.difficultyHint.normal'],
  hard: ['difficulty.hard', 'setup.difficultyHint.hard'],
}

/** A radio button with its label and, when given, a sentence that describes the choice. */
function radio(
  name: string,
  value: string,
  label: string,
  checked: boolean,
  onchange: () => void,
  description?: string,
) {
  const id = uid('radio')
  const hint = description ? uid('hint') : undefined
  return h('div', { class: 'choice' }, [
    h('input', {
      type: 'radio',
      id,
      name,
      value,
      checked,
      'data-key': `${name}:${value}`,
      'aria-describedby': hint,
      onchange,
    }),
    h('label', { for: id }, label),
    description ? h('p', { id: hint, class: 'hint' }, description) : null,
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

function difficultyChoice(draft: SetupDraft): HTMLElement {
  return h('fieldset', { class: 'difficulties' }, [
    h('legend', {}, t('setup.difficulty')),
    ...DIFFICULTIES.map((level) => {
      const [name, hint] = DIFFICULTY_TEXT[level]
      return radio(
        'difficulty',
        level,
        t(name),
        draft.difficulty === level,
        () => {
          draft.difficulty = level
        },
        t(hint),
      )
    }),
  ])
}

/** Play mode, or the instructor's and author's mode with the Backstage open to the hidden parts. */
function modeChoice(draft: SetupDraft): HTMLElement {
  const id = uid('mode')
  const hint = uid('hint')
  const box = h('div', { class: 'choice' }, [
    h('input', {
      type: 'checkbox',
      id,
      checked: draft.mode === 'instructor',
      'data-key': 'mode',
      'aria-describedby': hint,
      onchange: (e) => {
        draft.mode = (e.target as HTMLInputElement).checked ? 'instructor' : 'play'
      },
    }),
    h('label', { for: id }, t('setup.mode')),
    h('p', { id: hint, class: 'hint' }, t('setup.modeHint')),
  ])
  return h('fieldset', {}, [h('legend', {}, t('setup.modeLegend')), box])
}

/** The setup screen: scenario, who plays which side, difficulty, mode and seed, and "Start game". */
export function renderSetup(props: SetupProps): HTMLElement {
  const { draft } = props
  const current = props.scenarios.find((s) => s.scenario.id === draft.scenarioId) ?? props.scenarios[0]
  if (!current) return h('p', {}, t('setup.nothingPlayable'))
  const seedId = uid('seed')
  const seedHint = uid('hint')
  const start = (event: Event) => {
    event.preventDefault()
    props.onStart(current, {
      scenarioId: current.scenario.id,
      seats: { ...draft.seats },
      seed: draft.seed,
      difficulty: draft.difficulty,
      // Play mode is the default and is left unsaid, so that play-mode records stay as they were.
      ...(draft.mode === 'instructor' ? { mode: 'instructor' as const } : {}),
    })
  }
  return h('form', { class: 'setup', onsubmit: start, 'aria-labelledby': 'setup-heading' }, [
    h('h2', { id: 'setup-heading', tabindex: -1 }, t('common.newGame')),
    scenarioChoice(props, current),
    seatChoice(draft, current),
    difficultyChoice(draft),
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
    modeChoice(draft),
    h('button', { type: 'submit', class: 'primary', 'data-key': 'start' }, t('setup.start')),
  ])
}
