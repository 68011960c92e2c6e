import { h as preactH } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { DIFFICULTIES } from '../../core/rules/difficulty.ts'
import type { Difficulty } from '../../core/rules/setup.ts'
import type { Problem } from '../../core/scenario/load/problems.ts'
import { LIMITS } from '../../net/protocol.ts'
import { button, h, useUid, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { renderProblemList } from '../render/problems.ts'

/** A scenario file the instructor opened in the page, sent to the server as text when a room is created. */
export interface OpenedFile {
  file: string
  text: string
  title: string
}

export type { Difficulty }

/** The new room as the instructor asks for it. */
export interface CreateRequest {
  /** A shipped scenario's id, or `file:` for the file opened. */
  choice: string
  picking: boolean
  /** Minutes per round as typed; empty for no timer. */
  minutes: string
  difficulty: Difficulty
}

/** What the server found wrong with a scenario file it refused. */
export interface Refusal {
  file: string
  problems: Problem[]
}

/** How a request went: created, refused (the file's problems to show), or failed (already told). */
export type CreateOutcome = { kind: 'created' } | { kind: 'refused'; refusal: Refusal } | { kind: 'failed' }

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

/** What the new-room form shows and does. */
export interface CreateRoomProps {
  shipped: ReadonlyArray<{ id: string; title: string }>
  /** The scenario file last opened in the page (the form selects it when it arrives). */
  file: OpenedFile | null
  /** The section with the "Open scenario file…" button and the report of the file opened. */
  openFile: () => View
  onCreate: (request: CreateRequest) => Promise<CreateOutcome>
}

function CreateRoom({ shipped, file, openFile, onCreate }: CreateRoomProps): View {
  const [picked, setPicked] = useState('')
  const [minutes, setMinutes] = useState('')
  const [difficulty, setDifficulty] = useState<Difficulty>('normal')
  const [picking, setPicking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [refused, setRefused] = useState<Refusal | null>(null)
  // A file just opened is the scenario the instructor means, and the last file's refusal no longer applies.
  useEffect(() => {
    if (!file) return
    setPicked(FILE_CHOICE)
    setRefused(null)
  }, [file])
  const choice = picked || shipped[0]?.id || ''
  const scenarioId = useUid('scenario')
  const pickId = useUid('picking')
  const minutesId = useUid('minutes')
  const minutesHint = useUid('minutes-hint')
  const difficultyId = useUid('difficulty')
  const create = async () => {
    if (busy) return
    setBusy(true)
    const outcome = await onCreate({ choice, picking, minutes, difficulty })
    setBusy(false)
    if (outcome.kind === 'created') setRefused(null)
    if (outcome.kind === 'refused') setRefused(outcome.refusal)
  }
  const options = [
    ...shipped.map((s) => h('option', { value: s.id }, s.title)),
    file
      ? h(
          'option',
          { value: FILE_CHOICE },
          t('classroom.create.fromFile', { title: file.title, file: file.file }),
        )
      : null,
  ]
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value
  return h('section', { class: 'create-room', 'aria-labelledby': 'create-heading' }, [
    h('h3', { id: 'create-heading' }, t('classroom.create.heading')),
    h('div', { class: 'create-grid' }, [
      h('div', { class: 'field' }, [
        h('label', { for: scenarioId }, t('classroom.create.scenario')),
        h('select', { id: scenarioId, value: choice, onchange: (e: Event) => setPicked(value(e)) }, options),
      ]),
      h('div', { class: 'field' }, [
        h('label', { for: minutesId }, t('classroom.create.minutes')),
        h('input', {
          id: minutesId,
          type: 'text',
          inputmode: 'decimal',
          value: minutes,
          size: 6,
          'aria-describedby': minutesHint,
          oninput: (e: Event) => setMinutes(value(e)),
        }),
        h('p', { id: minutesHint, class: 'hint' }, t('classroom.create.minutesHint')),
      ]),
      h('div', { class: 'field' }, [
        h('label', { for: difficultyId }, t('classroom.create.difficulty')),
        h(
          'select',
          {
            id: difficultyId,
            value: difficulty,
            onchange: (e: Event) => setDifficulty(value(e) as Difficulty),
          },
          DIFFICULTIES.map((d) => h('option', { value: d }, t(`difficulty.${d}`))),
        ),
      ]),
    ]),
    h('div', { class: 'choice' }, [
      h('input', {
        type: 'checkbox',
        id: pickId,
        checked: picking,
        onchange: (e: Event) => setPicking((e.currentTarget as HTMLInputElement).checked),
      }),
      h('label', { for: pickId }, t('classroom.create.picking')),
    ]),
    h('div', { class: 'actions' }, [
      button(busy ? t('classroom.create.creating') : t('classroom.create.submit'), () => void create(), {
        class: 'primary',
        'aria-busy': busy ? 'true' : null,
      }),
    ]),
    h('p', { class: 'hint' }, t('classroom.create.fileHint')),
    openFile(),
    refused
      ? h('section', { class: 'open-report', 'aria-labelledby': 'refused-heading' }, [
          h(
            'h4',
            { id: 'refused-heading', tabindex: -1 },
            t('classroom.create.refused', { file: refused.file, count: refused.problems.length }),
          ),
          renderProblemList(refused.problems),
        ])
      : null,
  ])
}

/**
 * "New room": a shipped scenario (as the server lists them) or a scenario file opened in the page, whether
 * students pick their sides, an optional timer per round and the difficulty. A file the server refuses is
 * reported with every problem, as the game reports a file it cannot load. The form keeps what was chosen
 * in it; its `key` lets it keep that when the dashboard moves it below the rooms.
 */
export function renderCreateRoom(props: CreateRoomProps): View {
  return preactH(CreateRoom, { key: 'create-room', ...props }) as View
}
