import { resolvePackage, sumAttribute } from '../../core/rules/package.ts'
import { button, h, type View } from '../dom.ts'
import { formatNumber, t } from '../i18n/index.ts'
import { langAttr, shownTitle } from '../i18n/scenario.ts'
import { verdictText } from '../view.ts'
import { roomIndex } from './game-view.ts'
import { type RoomEntry, STATUS, statusOf } from './rooms.ts'

/** What a room card's buttons do. */
export interface CardActions {
  onManage: (code: string) => void
  onExport: (code: string, format: 'csv' | 'json') => void
}

/** The game's state in a few lines: round and phase, package size, meters, the last verdict or the ending. */
function gameLines(entry: RoomEntry): Array<View | null> {
  const view = entry.connection?.view
  const scenario = entry.connection?.scenario
  const game = view?.game
  if (!game || !scenario) {
    const s = entry.summary
    if (!s || s.round === null) return []
    return [h('p', {}, t('classroom.card.round', { round: s.round }))]
  }
  const index = roomIndex(scenario)
  const ending = game.ending ? index.scenario.endings.find((e) => e.id === game.ending?.id) : undefined
  const deterrence = sumAttribute(resolvePackage(index, game.package), 'deterrence')
  return [
    h(
      'p',
      {},
      t(game.phase === 'deciding' ? 'classroom.card.deciding' : 'classroom.card.negotiating', {
        round: game.round,
        rounds: index.scenario.rounds,
      }),
    ),
    h(
      'p',
      {},
      t('classroom.card.package', { count: game.package.length, deterrence: formatNumber(deterrence) }),
    ),
    h(
      'ul',
      { class: 'card-meters', 'aria-label': t('common.meters') },
      index.scenario.meters.map((m) =>
        h('li', {}, `${m.name}: ${formatNumber(game.meters[m.id] ?? m.start)}`),
      ),
    ),
    ending
      ? h('p', { class: 'card-verdict' }, t('classroom.card.ending', { title: ending.title }))
      : game.response
        ? h('p', { class: 'card-verdict' }, verdictText(index, game.response))
        : null,
  ]
}

/** One room in the grid of the session's rooms: code, scenario, status, the game at a glance, students, exports. */
export function renderRoomCard(entry: RoomEntry, selected: boolean, actions: CardActions): View {
  const { code } = entry
  const view = entry.connection?.view
  const scenario = entry.connection?.scenario
  const title = shownTitle(
    view?.title ?? entry.summary?.title ?? '',
    scenario ? roomIndex(scenario) : undefined,
  )
  const seats = view ? view.seats.length : (entry.summary?.seats ?? 0)
  const online = view ? view.seats.filter((s) => s.online).length : (entry.summary?.online ?? 0)
  const status = statusOf(entry)
  return h('li', { key: code, class: `room-card status-${status}${selected ? ' selected' : ''}` }, [
    h('h4', { class: 'card-code' }, t('classroom.roomCode', { code })),
    h('p', { class: 'card-title', ...langAttr(title.language) }, title.text),
    h('p', { class: `card-status status-${status}` }, t(STATUS[status])),
    ...gameLines(entry),
    h('p', {}, t('classroom.card.students', { count: seats, online })),
    entry.connection ? null : h('p', { class: 'hint' }, t('classroom.card.noKey')),
    h('div', { class: 'actions' }, [
      button(t('classroom.card.manage'), () => actions.onManage(code), {
        'aria-label': t('classroom.card.manageLabel', { code }),
        'aria-pressed': selected ? 'true' : 'false',
        class: 'small',
      }),
      button(t('classroom.card.csv'), () => actions.onExport(code, 'csv'), {
        'aria-label': t('classroom.card.csvLabel', { code }),
        class: 'small',
      }),
      button(t('classroom.card.json'), () => actions.onExport(code, 'json'), {
        'aria-label': t('classroom.card.jsonLabel', { code }),
        class: 'small',
      }),
    ]),
  ])
}

/** The session's rooms side by side, with the exports of every room at once for grading. */
export function renderRoomGrid(
  entries: readonly RoomEntry[],
  selected: string | null,
  actions: CardActions & { onExportAll: (format: 'csv' | 'json') => void },
): View {
  return h('section', { class: 'rooms', 'aria-labelledby': 'rooms-heading' }, [
    h('h3', { id: 'rooms-heading' }, t('classroom.dashboard.rooms', { count: entries.length })),
    entries.length
      ? h('div', { class: 'actions' }, [
          button(t('classroom.dashboard.exportAllCsv'), () => actions.onExportAll('csv')),
          button(t('classroom.dashboard.exportAllJson'), () => actions.onExportAll('json')),
        ])
      : h('p', {}, t('classroom.dashboard.noRooms')),
    h(
      'ul',
      { class: 'room-grid plain', 'aria-label': t('classroom.dashboard.grid') },
      entries.map((entry) => renderRoomCard(entry, entry.code === selected, actions)),
    ),
  ])
}
