import { button, type Children, h, type View } from '../dom.ts'
import { fileInput } from '../file-input.ts'
import { formatDate, formatList, t } from '../i18n/index.ts'
import type { SaveEntry } from '../saves/index.ts'

/** What the title screen shows and offers. */
export interface TitleProps {
  saves: SaveEntry[]
  /**
   * The scenario a new game starts on unless another is chosen, as its title, the proposing sides' names and
   * the responding side's; absent when no scenario can be played.
   */
  featured?: { scenario: string; proposers: string[]; responder: string } | null
  /** A side's name in a scenario, for the list of saves. */
  sideName: (scenarioId: string, side: string) => string
  onNewGame: () => void
  onResume: (id: string) => void
  onDelete: (id: string) => void
  onImport: (file: File) => void
  /** The sections that follow the import (joining a class, opening a scenario file). */
  more?: Children
}

const IMPORT_FILE = 'import-file'

const when = (ms: number | undefined) =>
  ms === undefined
    ? t('title.unknownTime')
    : formatDate(new Date(ms), { dateStyle: 'medium', timeStyle: 'short' })

function saveLine(entry: SaveEntry, props: TitleProps): View {
  if (!entry.ok)
    return h('li', { key: entry.id, class: 'save broken' }, [
      h('h4', {}, entry.scenarioTitle ?? t('title.brokenSave')),
      h('p', { class: 'meta' }, t('title.savedAt', { when: when(entry.savedAt) })),
      h('p', {}, [h('strong', {}, t('title.problem')), ' ', entry.problem.message]),
      h('p', { class: 'hint' }, entry.problem.fix),
      button(t('title.deleteDamaged', { id: entry.id }), () => props.onDelete(entry.id), { class: 'small' }),
    ])
  const { summary } = entry
  const where = summary.ending
    ? t('title.ended', { ending: summary.ending.title })
    : t(summary.phase === 'deciding' ? 'title.deciding' : 'title.negotiating', { round: summary.round })
  const humans = summary.humans.map((side) => props.sideName(entry.scenarioId, side))
  const who = humans.length ? t('title.humans', { sides: humans.join(', ') }) : t('title.computers')
  const saved = { scenario: entry.scenarioTitle, when: when(entry.savedAt) }
  const label = t(summary.ending ? 'title.openDebriefLabel' : 'title.continueLabel', saved)
  return h('li', { key: entry.id, class: 'save' }, [
    h('h4', {}, entry.scenarioTitle),
    h('p', { class: 'meta' }, t('title.meta', { where, who, when: saved.when })),
    entry.mode === 'instructor' ? h('p', { class: 'mode-mark' }, t('title.instructorMode')) : null,
    h('div', { class: 'actions' }, [
      button(t(summary.ending ? 'title.openDebrief' : 'title.continue'), () => props.onResume(entry.id), {
        class: 'primary small',
        'aria-label': label,
      }),
      button(t('title.delete'), () => props.onDelete(entry.id), {
        class: 'small',
        'aria-label': t('title.deleteLabel', saved),
      }),
    ]),
  ])
}

/**
 * The title screen: what the game is, a new game, the saved games of this device (damaged ones explained, with
 * a way to delete them), importing a game record to replay its debrief, and the way into the scenario studio.
 */
export function renderTitle(props: TitleProps): View {
  return h('div', { class: 'title-screen', key: 'title' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, t('title.heading')),
    h('p', { class: 'lead' }, t('title.lead')),
    props.featured
      ? h(
          'p',
          {},
          t('title.featured', {
            scenario: props.featured.scenario,
            proposers: formatList(props.featured.proposers),
            responder: props.featured.responder,
          }),
        )
      : null,
    h('div', { class: 'actions' }, [button(t('common.newGame'), props.onNewGame, { class: 'primary' })]),
    h('section', { 'aria-labelledby': 'saves-heading' }, [
      h('h3', { id: 'saves-heading' }, t('title.saves')),
      props.saves.length === 0
        ? h('p', {}, t('title.noSaves'))
        : h(
            'ul',
            { class: 'plain saves', 'aria-label': t('title.saves') },
            props.saves.map((s) => saveLine(s, props)),
          ),
    ]),
    h('section', { 'aria-labelledby': 'import-heading' }, [
      h('h3', { id: 'import-heading' }, t('title.import')),
      h('p', { class: 'hint' }, t('title.importHint')),
      h('div', { class: 'field' }, [
        h('label', { for: IMPORT_FILE }, t('title.importFile')),
        fileInput('.json,application/json', props.onImport, { id: IMPORT_FILE }),
      ]),
    ]),
    // The studio is a page of its own: changing the address reloads into it (see studio/route.ts).
    h('section', { class: 'studio-entry', 'aria-labelledby': 'studio-entry-heading' }, [
      h('h3', { id: 'studio-entry-heading' }, t('studio.entry.heading')),
      h('p', { class: 'hint' }, t('studio.entry.hint')),
      h('div', { class: 'actions' }, [
        button(t('studio.entry.open'), () => {
          location.hash = '#studio'
        }),
      ]),
    ]),
    props.more,
  ])
}
