import { button, h, uid } from '../dom.ts'
import type { SaveEntry } from '../saves/index.ts'

/** What the title screen shows and offers. */
export interface TitleProps {
  saves: SaveEntry[]
  /** A side's name in a scenario, for the list of saves. */
  sideName: (scenarioId: string, side: string) => string
  onNewGame: () => void
  onResume: (id: string) => void
  onDelete: (id: string) => void
  onImport: (file: File) => void
}

const when = (ms: number | undefined) =>
  ms === undefined
    ? 'unknown time'
    : new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

function saveLine(entry: SaveEntry, props: TitleProps): HTMLElement {
  if (!entry.ok)
    return h('li', { class: 'save broken' }, [
      h('h4', {}, entry.scenarioTitle ?? 'A saved game that cannot be opened'),
      h('p', { class: 'meta' }, `Saved ${when(entry.savedAt)}`),
      h('p', {}, [h('strong', {}, 'Problem: '), entry.problem.message]),
      h('p', { class: 'hint' }, entry.problem.fix),
      button(`Delete damaged save ${entry.id}`, () => props.onDelete(entry.id), { class: 'small' }),
    ])
  const { summary } = entry
  const where = summary.ending
    ? `Ended: ${summary.ending.title}`
    : `Round ${summary.round}, ${summary.phase === 'deciding' ? 'deciding' : 'negotiating'}`
  const humans = summary.humans.map((side) => props.sideName(entry.scenarioId, side))
  const who = humans.length ? `Played by humans: ${humans.join(', ')}` : 'Computer against computer'
  const label = `${summary.ending ? 'Open the debrief of' : 'Continue'} ${entry.scenarioTitle}, saved ${when(entry.savedAt)}`
  return h('li', { class: 'save' }, [
    h('h4', {}, entry.scenarioTitle),
    h('p', { class: 'meta' }, `${where} · ${who} · saved ${when(entry.savedAt)}`),
    h('div', { class: 'actions' }, [
      button(summary.ending ? 'Open the debrief' : 'Continue', () => props.onResume(entry.id), {
        class: 'primary small',
        'aria-label': label,
      }),
      button('Delete', () => props.onDelete(entry.id), {
        class: 'small',
        'aria-label': `Delete the save of ${entry.scenarioTitle}, saved ${when(entry.savedAt)}`,
      }),
    ]),
  ])
}

/**
 * The title screen: what the game is, a new game, the saved games of this device (damaged ones explained, with
 * a way to delete them), and importing a game record to replay its debrief.
 */
export function renderTitle(props: TitleProps): HTMLElement {
  const fileId = uid('import')
  return h('div', { class: 'title-screen' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, 'Security guarantees for Ukraine: a negotiation game'),
    h(
      'p',
      { class: 'lead' },
      'Play Ukraine, European governments or the United States. Put together a package of security guarantees round by round; Russia answers from the red lines its officials have stated in public, and every answer shows the words behind it.',
    ),
    h('div', { class: 'actions' }, [button('New game', props.onNewGame, { class: 'primary' })]),
    h('section', { 'aria-labelledby': 'saves-heading' }, [
      h('h3', { id: 'saves-heading' }, 'Saved games'),
      props.saves.length === 0
        ? h('p', {}, 'No saved game on this device yet. Games are saved after every move.')
        : h(
            'ul',
            { class: 'plain saves', 'aria-label': 'Saved games' },
            props.saves.map((s) => saveLine(s, props)),
          ),
    ]),
    h('section', { 'aria-labelledby': 'import-heading' }, [
      h('h3', { id: 'import-heading' }, 'Import a game'),
      h(
        'p',
        { class: 'hint' },
        'Open a game exported as JSON from the debrief: it is replayed move by move to the same debrief.',
      ),
      h('div', { class: 'field' }, [
        h('label', { for: fileId }, 'Game record file (JSON)'),
        h('input', {
          id: fileId,
          type: 'file',
          accept: '.json,application/json',
          'data-key': 'import-file',
          onchange: (e) => {
            const file = (e.target as HTMLInputElement).files?.[0]
            if (file) props.onImport(file)
          },
        }),
      ]),
    ]),
  ])
}
