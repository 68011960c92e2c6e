import { resolvePackage, sumAttribute } from '../../core/rules/package.ts'
import { handInCount } from '../../net/grading.ts'
import type { RoomView } from '../../net/view.ts'
import { button, h, type View } from '../dom.ts'
import { formatNumber, t } from '../i18n/index.ts'
import { langAttr, shownTitle } from '../i18n/scenario.ts'
import { verdictText } from '../view.ts'
import { type ActionOutcome, renderActionStatus } from './action-status.ts'
import { type Alert, alertBadges } from './alerts.ts'
import { renderCountdown } from './countdown.ts'
import { roomIndex } from './game-view.ts'
import { renderMessages, renderWaiting } from './room-glance.ts'
import { type RoomEntry, STATUS, statusOf } from './rooms.ts'

/**
 * Who is in the room: "3 students, 1 observer, 4 connected" (an observer is a seat without a side, who
 * watches and writes nothing); from the room's summary alone (no key), every seat counts as a student.
 */
function devicesLine(entry: RoomEntry, view: RoomView | null | undefined): string {
  const seats = view ? view.seats.length : (entry.summary?.seats ?? 0)
  const online = view ? view.seats.filter((s) => s.online).length : (entry.summary?.online ?? 0)
  // Before the game, a seat without a side is only waiting for one.
  const observers = view && view.status !== 'lobby' ? view.seats.filter((s) => s.side === null).length : 0
  if (observers === 0) return t('classroom.card.students', { count: seats, online })
  return t('classroom.card.studentsObservers', {
    count: seats - observers,
    observers: t('classroom.card.observers', { count: observers }),
    online,
  })
}

/** Once the game is over, how many of the students asked questions for reflection have handed in. */
function handedInLine(entry: RoomEntry, view: RoomView | null | undefined): View | null {
  if (!view || statusOf(entry) !== 'ended') return null
  const { handed, total } = handInCount(view)
  return total > 0
    ? h('p', { class: 'card-handed' }, t('classroom.card.handedIn', { count: handed, total }))
    : null
}

/** What a room card's buttons do. */
export interface CardActions {
  onManage: (code: string) => void
  onExport: (code: string, format: 'csv' | 'json') => void
}

/**
 * The game's state in a few lines: round and phase (first, beside the countdown), package size, meters, the
 * last verdict or the ending.
 */
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
  const endedBy = view?.debrief?.endedBy
  const stopped = endedBy?.by === 'instructor' ? endedBy : null
  return [
    h(
      'p',
      {},
      // A game over (by the rules or the instructor) is no longer negotiating: it ended in that round.
      t(
        statusOf(entry) === 'ended'
          ? 'classroom.card.ended'
          : game.phase === 'deciding'
            ? 'classroom.card.deciding'
            : 'classroom.card.negotiating',
        { round: game.ending?.round ?? game.round, rounds: index.scenario.rounds },
      ),
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
      : stopped
        ? h('p', { class: 'card-verdict' }, t('debrief.stopped', { round: stopped.round }))
        : game.response
          ? h('p', { class: 'card-verdict' }, verdictText(index, game.response))
          : null,
  ]
}

/** What the card shows besides its room: the alerts not dismissed yet, and how its last export went. */
export interface CardExtras {
  alerts: readonly Alert[]
  exported: (code: string) => ActionOutcome | undefined
}

/**
 * One room in the grid of the session's rooms: code, status and scenario, the round and phase with the
 * round's countdown, whom the game waits for, devices and messages, the game at a glance, its alerts, and
 * its exports.
 */
export function renderRoomCard(
  entry: RoomEntry,
  selected: boolean,
  actions: CardActions,
  extras: CardExtras,
): View {
  const { code } = entry
  const view = entry.connection?.view
  const scenario = entry.connection?.scenario
  const index = scenario ? roomIndex(scenario) : undefined
  const title = shownTitle(view?.title ?? entry.summary?.title ?? '', index)
  const status = statusOf(entry)
  const [phase, ...game] = gameLines(entry)
  return h('li', { key: code, class: `room-card status-${status}${selected ? ' selected' : ''}` }, [
    h('div', { class: 'card-head' }, [
      h('h4', { class: 'card-code' }, t('classroom.roomCode', { code })),
      h('p', { class: `card-status status-${status}` }, t(STATUS[status])),
    ]),
    h('p', { class: 'card-title', ...langAttr(title.language) }, title.text),
    alertBadges(extras.alerts, code),
    h('div', { class: 'card-phase' }, [
      phase ?? null,
      view ? renderCountdown(view, entry.receivedAt, true) : null,
    ]),
    index ? renderWaiting(entry, index) : null,
    h('p', { class: 'card-devices' }, devicesLine(entry, view)),
    handedInLine(entry, view),
    renderMessages(entry),
    ...game,
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
    renderActionStatus(extras.exported(code)),
  ])
}

/**
 * The session's rooms side by side, as many to a row as the screen is wide (every room of a class in view at
 * once on a classroom's 1920×1080 screen), with the exports of every room at once for grading.
 */
export function renderRoomGrid(
  entries: readonly RoomEntry[],
  selected: string | null,
  actions: CardActions & { onExportAll: (format: 'csv' | 'json') => void },
  extras: CardExtras & { exportedAll: ActionOutcome | undefined },
): View {
  return h('section', { class: 'rooms', 'aria-labelledby': 'rooms-heading' }, [
    h('div', { class: 'rooms-head' }, [
      h('h3', { id: 'rooms-heading' }, t('classroom.dashboard.rooms', { count: entries.length })),
      entries.length
        ? h('div', { class: 'actions' }, [
            button(t('classroom.dashboard.exportAllCsv'), () => actions.onExportAll('csv')),
            button(t('classroom.dashboard.exportAllJson'), () => actions.onExportAll('json')),
          ])
        : h('p', {}, t('classroom.dashboard.noRooms')),
      entries.length ? renderActionStatus(extras.exportedAll) : null,
    ]),
    h(
      'ul',
      { class: 'room-grid plain', 'aria-label': t('classroom.dashboard.grid') },
      entries.map((entry) => renderRoomCard(entry, entry.code === selected, actions, extras)),
    ),
  ])
}
