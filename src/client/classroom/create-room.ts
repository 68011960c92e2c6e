import type { Problem } from '../../core/scenario/load/problems.ts'
import { LIMITS } from '../../net/protocol.ts'
import { button, h, uid } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { renderProblemList } from '../render/problems.ts'

/** A scenario file the instructor opened in the page, sent to the server as text when a room is created. */
export interface OpenedFile {
  file: string
  text: string
  title: string
}

/** The new-room form as the instructor has filled it in. */
export interface CreateDraft {
  /** A shipped scenario's id, or `file:` for the file opened. */
  choice: string
  file: OpenedFile | null
  picking: boolean
  /** Minutes per round as typed; empty for no timer. */
  minutes: string
  difficulty: 'easy' | 'normal' | 'hard'
  busy: boolean
  /** What the server found wrong with a file it refused. */
  refused: { file: string; problems: Problem[] } | null
}

export const FILE_CHOICE = 'file:'

/**
 * Seconds per round from what was typed in minutes: null for none, NaN when it is not a number of minutes
 * the server accepts (from half a minute to an hour).
 */
export function timerSeconds(minutes: string): number | null {
  const text = minutes.trim().replace(',', '.')
  if (text === '') return null
  const value = Number(text)
  const seconds = Math.round(value * 60)
  return Number.isFinite(value) && seconds >= LIMITS.timerMin && seconds <= LIMITS.timerMax
    ? seconds
    : Number.NaN
}

/** The actions of the new-room form. */
export interface CreateActions {
  onCreate: () => void
  /** The section with the "Open scenario file…" button and the report of the file opened. */
  openFile: () => HTMLElement
  onChange: () => void
}

/**
 * "New room": a shipped scenario (as the server lists them) or a scenario file opened in the page, whether
 * students pick their sides, an optional timer per round and the difficulty. A file the server refuses is
 * reported with every problem, as the game reports a file it cannot load.
 */
export function renderCreateRoom(
  draft: CreateDraft,
  shipped: ReadonlyArray<{ id: string; title: string }>,
  actions: CreateActions,
): HTMLElement {
  const scenarioId = uid('scenario')
  const pickId = uid('picking')
  const minutesId = uid('minutes')
  const minutesHint = uid('minutes-hint')
  const difficultyId = uid('difficulty')
  const options = [
    ...shipped.map((s) => h('option', { value: s.id, selected: draft.choice === s.id }, s.title)),
    draft.file
      ? h(
          'option',
          { value: FILE_CHOICE, selected: draft.choice === FILE_CHOICE },
          t('classroom.create.fromFile', { title: draft.file.title, file: draft.file.file }),
        )
      : null,
  ]
  return h('section', { class: 'create-room', 'aria-labelledby': 'create-heading' }, [
    h('h3', { id: 'create-heading' }, t('classroom.create.heading')),
    h('div', { class: 'create-grid' }, [
      h('div', { class: 'field' }, [
        h('label', { for: scenarioId }, t('classroom.create.scenario')),
        h(
          'select',
          {
            id: scenarioId,
            'data-key': 'create-scenario',
            onchange: (e) => {
              draft.choice = (e.target as HTMLSelectElement).value
              actions.onChange()
            },
          },
          options,
        ),
      ]),
      h('div', { class: 'field' }, [
        h('label', { for: minutesId }, t('classroom.create.minutes')),
        h('input', {
          id: minutesId,
          type: 'text',
          inputmode: 'decimal',
          'data-key': 'create-minutes',
          value: draft.minutes,
          size: 6,
          'aria-describedby': minutesHint,
          oninput: (e) => {
            draft.minutes = (e.target as HTMLInputElement).value
          },
        }),
        h('p', { id: minutesHint, class: 'hint' }, t('classroom.create.minutesHint')),
      ]),
      h('div', { class: 'field' }, [
        h('label', { for: difficultyId }, t('classroom.create.difficulty')),
        h(
          'select',
          {
            id: difficultyId,
            'data-key': 'create-difficulty',
            onchange: (e) => {
              draft.difficulty = (e.target as HTMLSelectElement).value as CreateDraft['difficulty']
            },
          },
          (['easy', 'normal', 'hard'] as const).map((d) =>
            h('option', { value: d, selected: draft.difficulty === d }, t(`difficulty.${d}`)),
          ),
        ),
      ]),
    ]),
    h('div', { class: 'choice' }, [
      h('input', {
        type: 'checkbox',
        id: pickId,
        checked: draft.picking,
        'data-key': 'create-picking',
        onchange: (e) => {
          draft.picking = (e.target as HTMLInputElement).checked
        },
      }),
      h('label', { for: pickId }, t('classroom.create.picking')),
    ]),
    h('div', { class: 'actions' }, [
      button(draft.busy ? t('classroom.create.creating') : t('classroom.create.submit'), actions.onCreate, {
        class: 'primary',
        'data-key': 'create-submit',
        'aria-busy': draft.busy ? 'true' : null,
      }),
    ]),
    h('p', { class: 'hint' }, t('classroom.create.fileHint')),
    actions.openFile(),
    draft.refused
      ? h('section', { class: 'open-report', 'aria-labelledby': 'refused-heading' }, [
          h(
            'h4',
            { id: 'refused-heading', tabindex: -1 },
            t('classroom.create.refused', { file: draft.refused.file, count: draft.refused.problems.length }),
          ),
          renderProblemList(draft.refused.problems),
        ])
      : null,
  ])
}
