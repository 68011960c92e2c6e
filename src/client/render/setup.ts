import { useEffect, useRef, useState } from 'preact/hooks'
import { DIFFICULTIES } from '../../core/rules/difficulty.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { Difficulty, GameMode, GameSetup, Seat } from '../../core/rules/state.ts'
import { responderName } from '../../core/text/side-name.ts'
import { component, h, useUid, type View } from '../dom.ts'
import { type MessageKey, t } from '../i18n/index.ts'
import { localisedIndex } from '../i18n/scenario.ts'
import { printAllButton } from '../print/buttons.ts'

/** The choices on the set-up screen while it is open (the form's own state). */
interface Choices {
  scenarioId: string
  /** Who plays each side, by side id; a side not chosen yet takes its default (see `seatOf`). */
  seats: Record<string, Seat>
  difficulty: Difficulty
  /** As typed: the field checks it (a whole number in range) before the form can be sent. */
  seed: string
  /** 'instructor' opens the Backstage at the table; a new game is in play mode unless this is ticked. */
  mode: GameMode
}

/** A seed for a new game: random-ish, and shown so that a teacher can give it to the whole class. */
export const randomSeed = (): number => Math.floor(Math.random() * 1_000_000)

/** The default seat of a side: the first proposer played by a human, the others by the computer. */
const seatOf = (choices: Choices, index: ScenarioIndex, side: string): Seat =>
  choices.seats[side] ?? (index.proposers[0] === side ? 'human' : 'computer')

/** What the setup screen needs: the playable scenarios and what to do with the choices. */
export interface SetupProps {
  scenarios: ScenarioIndex[]
  /**
   * The scenario to select, asked for from outside the form (a scenario file just opened, the one played
   * last). A new object selects it again, even with the same id; the other choices stay.
   */
  wanted?: { scenarioId: string } | null
  onStart: (index: ScenarioIndex, setup: GameSetup) => void
  /** Where a scenario comes from when it is not shipped, e.g. "from file: my-scenario.yaml". */
  origin?: (index: ScenarioIndex) => string | null
}

/** Each difficulty's name and the sentence that says what it changes (src/core/rules/difficulty.ts). */
type DifficultyHint = `setup.difficultyHint.${Difficulty}`
const DIFFICULTY_TEXT: Record<Difficulty, [MessageKey, DifficultyHint]> = {
  easy: ['difficulty.easy', 'setup.difficultyHint.easy'],
  normal: ['difficulty.normal', 'setup.difficultyHint.normal'],
  hard: ['difficulty.hard', 'setup.difficultyHint.hard'],
}

/** A radio button with its label and, when given, a sentence that describes the choice; `id` is unique. */
function radio(
  id: string,
  name: string,
  value: string,
  label: string,
  checked: boolean,
  onchange: () => void,
  description?: string,
): View {
  const hint = description ? `${id}-hint` : undefined
  return h('div', { class: 'choice', key: value }, [
    h('input', { type: 'radio', id, name, value, checked, 'aria-describedby': hint, onchange }),
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

type Change = (update: (choices: Choices) => Choices) => void

function scenarioChoice(ids: string, props: SetupProps, current: ScenarioIndex, change: Change): View {
  if (props.scenarios.length === 1)
    return h('section', { 'aria-labelledby': 'scenario-title' }, [
      h('h3', { id: 'scenario-title' }, withOrigin(props, current)),
      h('p', {}, localisedIndex(current).scenario.summary),
    ])
  return h('fieldset', {}, [
    h('legend', {}, t('setup.scenario')),
    ...props.scenarios.map((index, i) => {
      const { id } = index.scenario
      return h('div', { key: id }, [
        radio(`${ids}-scenario-${i}`, 'scenario', id, withOrigin(props, index), index === current, () =>
          change((c) => ({ ...c, scenarioId: id })),
        ),
        h('p', { class: 'hint' }, localisedIndex(index).scenario.summary),
      ])
    }),
  ])
}

function seatChoice(ids: string, choices: Choices, index: ScenarioIndex, change: Change): View {
  return h('fieldset', {}, [
    h('legend', {}, t('setup.seats')),
    h('p', { class: 'hint' }, t('setup.seatsHint')),
    h(
      'div',
      { class: 'seats' },
      index.proposers.map((side, i) => {
        const name = localisedIndex(index).sides.get(side)?.name ?? side
        const seat = (value: Seat, label: string) =>
          radio(
            `${ids}-seat-${i}-${value}`,
            `seat-${side}`,
            value,
            label,
            seatOf(choices, index, side) === value,
            () => change((c) => ({ ...c, seats: { ...c.seats, [side]: value } })),
          )
        return h('fieldset', { class: 'seat', key: side }, [
          h('legend', {}, name),
          seat('human', t('seat.humanLabel')),
          seat('computer', t('seat.computerLabel')),
        ])
      }),
    ),
  ])
}

/** The levels of difficulty, each said of the chosen scenario's responding side. */
function difficultyChoice(ids: string, choices: Choices, index: ScenarioIndex, change: Change): View {
  const responder = responderName(localisedIndex(index))
  return h('fieldset', { class: 'difficulties' }, [
    h('legend', {}, t('setup.difficulty')),
    ...DIFFICULTIES.map((level) => {
      const [name, hint] = DIFFICULTY_TEXT[level]
      const pick = () => change((c) => ({ ...c, difficulty: level }))
      return radio(
        `${ids}-difficulty-${level}`,
        'difficulty',
        level,
        t(name),
        choices.difficulty === level,
        pick,
        t(hint, { responder }),
      )
    }),
  ])
}

/** Play mode, or the instructor's and author's mode with the Backstage open to the hidden parts. */
function modeChoice(ids: string, choices: Choices, index: ScenarioIndex, change: Change): View {
  const id = `${ids}-mode`
  const box = h('div', { class: 'choice' }, [
    h('input', {
      type: 'checkbox',
      id,
      checked: choices.mode === 'instructor',
      'aria-describedby': `${id}-hint`,
      onchange: (e: Event) => {
        const mode = (e.currentTarget as HTMLInputElement).checked ? 'instructor' : 'play'
        change((c) => ({ ...c, mode }))
      },
    }),
    h('label', { for: id }, t('setup.mode')),
    h(
      'p',
      { id: `${id}-hint`, class: 'hint' },
      t('setup.modeHint', { responder: responderName(localisedIndex(index)) }),
    ),
  ])
  return h('fieldset', {}, [h('legend', {}, t('setup.modeLegend')), box])
}

/** The set-up form; its choices are its own state, from the first drawing to "Start game". */
function SetupForm(props: SetupProps): View {
  const ids = useUid('setup')
  const [choices, setChoices] = useState<Choices>(() => ({
    scenarioId: props.wanted?.scenarioId ?? props.scenarios[0]?.scenario.id ?? '',
    seats: {},
    difficulty: 'normal',
    seed: String(randomSeed()),
    mode: 'play',
  }))
  // A scenario asked for from outside while the form is open (a file opened here) is selected.
  const wanted = useRef(props.wanted)
  useEffect(() => {
    if (props.wanted === wanted.current) return
    wanted.current = props.wanted
    const scenarioId = props.wanted?.scenarioId
    if (scenarioId) setChoices((c) => ({ ...c, scenarioId }))
  }, [props.wanted])
  // The list of scenarios may change under the form (a file opened, a shipped file saved): the first stands in.
  const current = props.scenarios.find((s) => s.scenario.id === choices.scenarioId) ?? props.scenarios[0]
  if (!current) return h('p', {}, t('setup.nothingPlayable'))
  const start = (event: Event) => {
    event.preventDefault()
    const seats = Object.fromEntries(current.proposers.map((side) => [side, seatOf(choices, current, side)]))
    props.onStart(current, {
      scenarioId: current.scenario.id,
      seats,
      // The field accepts only a whole number in range before the form is sent.
      seed: Number(choices.seed),
      difficulty: choices.difficulty,
      // Play mode is the default and is left unsaid, so that play-mode records stay as they were.
      ...(choices.mode === 'instructor' ? { mode: 'instructor' as const } : {}),
    })
  }
  const seedId = `${ids}-seed`
  return h('form', { class: 'setup', onsubmit: start, 'aria-labelledby': 'screen-heading' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, t('common.newGame')),
    scenarioChoice(ids, props, current, setChoices),
    // Role sheets of the chosen scenario's sides, to hand out for a class played on paper or on one screen.
    h('div', { class: 'actions' }, [printAllButton(localisedIndex(current))]),
    seatChoice(ids, choices, current, setChoices),
    difficultyChoice(ids, choices, current, setChoices),
    h('div', { class: 'field' }, [
      h('label', { for: seedId }, t('setup.seed')),
      h('input', {
        id: seedId,
        type: 'number',
        min: 0,
        max: 2147483647,
        step: 1,
        required: true,
        value: choices.seed,
        'aria-describedby': `${seedId}-hint`,
        oninput: (e: Event) => {
          const seed = (e.currentTarget as HTMLInputElement).value
          setChoices((c) => ({ ...c, seed }))
        },
      }),
      h('p', { id: `${seedId}-hint`, class: 'hint' }, t('setup.seedHint')),
    ]),
    modeChoice(ids, choices, current, setChoices),
    h('button', { type: 'submit', class: 'primary' }, t('setup.start')),
  ])
}

/**
 * The setup screen: scenario, who plays which side, difficulty, mode and seed, and "Start game". Its heading
 * is the screen's heading (#screen-heading), where focus goes when the screen opens.
 */
export function renderSetup(props: SetupProps): View {
  return component(SetupForm, props)
}
