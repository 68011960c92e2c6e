import type { ClassroomConnection } from '../../net/client.ts'
import type { NetError } from '../../net/protocol.ts'
import { h, type View } from '../dom.ts'
import { download } from '../download.ts'
import { debriefToCsv } from '../i18n/csv.ts'
import { t } from '../i18n/index.ts'
import { shownTitle } from '../i18n/scenario.ts'
import { renderDebrief } from '../render/debrief/debrief.ts'
import { outcomeTitle } from '../render/debrief/outcome-text.ts'
import { renderGame } from '../render/game.ts'
import { enterGame } from '../table/flow.ts'
import { type Play, playTable } from '../table/play.ts'
import { roomTable } from '../table/room-table.ts'
import type { GameView } from '../view.ts'
import { errorText } from './connect.ts'
import { roomIndex } from './game-view.ts'
import { renderLobby } from './lobby.ts'
import { type ReflectionActions, reflectionPending, renderReflection } from './reflection.ts'
import { renderSeatBar } from './seat-bar.ts'
import type { Shell } from './shell.ts'
import { briefedSide, keepBriefedSide } from './storage.ts'
import { renderWatchTable } from './watch-table.ts'

/** One of a student's screens in a room: its key (see Shell.show), the view, and the line under the name. */
export interface RoomScreen {
  key: string
  view: View
  subtitle: string
}

/** What the room's screens need from the student's controller. */
export interface RoomScreenContext {
  shell: Shell
  /** This device's clock when the room's last view arrived (for the countdown). */
  receivedAt: number
  pick: (side: string | null, role?: string | null) => void
  leave: () => void
  /** Something changed that the page should show. */
  changed: () => void
}

/** The side a student's seat plays in the room, or null when it has none or the computer plays it. */
function actingSide(joined: ClassroomConnection): string | null {
  const view = joined.view
  const side = view?.you.role === 'student' ? view.you.side : null
  return side && view?.humanSides?.includes(side) ? side : null
}

/**
 * A student's seat at the room's table: the game's own screens and screen flow (`playTable`, the same as
 * solo play), over the room's table, for the side this seat plays. Made again when the seat's side changes.
 */
export function seatPlay(joined: ClassroomConnection, ctx: RoomScreenContext): Play | null {
  const view = joined.view
  if (!view?.game || !joined.scenario) return null
  const acting = actingSide(joined)
  const humans = acting ? [acting] : []
  const table = roomTable(joined, () => humans)
  const snap = table.snapshot()
  if (!snap) return null
  const briefed = () => {
    const side = briefedSide(joined.code)
    return side ? [side] : []
  }
  const note = (v: GameView) => {
    const side = view.you.role === 'student' ? view.you.side : null
    return side
      ? t('classroom.computerSide', { side: v.index.sides.get(side)?.name ?? side })
      : t('classroom.watching')
  }
  const start = enterGame({ humans, briefed: briefed(), state: snap.state })
  return playTable(table, start, {
    show: ctx.shell.notices.show,
    announce: ctx.shell.notices.announce,
    openSource: (seed, quote, article) => ctx.shell.dialog.open(seed, quote, article),
    leave: ctx.leave,
    changed: ctx.changed,
    briefed: (side) => keepBriefedSide(joined.code, side),
    alreadyBriefed: briefed,
    summaryNext: (ended) => (ended ? t('app.seeEnding') : t('classroom.backToTable')),
    table: (v) => (acting ? renderGame(v) : renderWatchTable(v, true, note(v))),
    ending: (v) => {
      const debrief = joined.view?.debrief
      if (!debrief) return renderWatchTable(v, true, note(v))
      // The student's questions come first: the full debrief opens once they hand them in or skip.
      const you = joined.view?.you
      const reflection = joined.view?.reflection
      if (you?.role === 'student' && reflection && reflectionPending(reflection, you.seat))
        return renderReflection({
          index: v.index,
          reflection,
          // The title alone: the line reads "The game is over: <ending>.", not "…: Ending: <ending>."
          ending: outcomeTitle(v.index, debrief),
          actions: reflectionActions(joined, ctx),
        })
      return renderDebrief(v, {
        debrief,
        onExportCsv: () => download(`red-lines-${joined.code}.csv`, debriefToCsv(debrief), 'text/csv'),
        onPrint: () => window.print(),
      })
    },
  })
}

/** Sends a student's answers to the room; a refusal is shown as the room's other refusals are. */
function reflectionActions(joined: ClassroomConnection, ctx: RoomScreenContext): ReflectionActions {
  const told = (reply: { ok: true } | { ok: false; error: NetError }): boolean => {
    if (!reply.ok)
      ctx.shell.notices.show({ kind: 'refusal', lines: [errorText(reply.error)], code: reply.error.code })
    return reply.ok
  }
  return {
    save: async (question, text) => told(await joined.request('answer', { question, text })),
    submit: async () => told(await joined.request('submitAnswers', {})),
  }
}

/** Which side a play was made for, to make it again when the seat's side changes. */
export const playKey = (joined: ClassroomConnection): string => `${joined.code}:${actingSide(joined) ?? ''}`

/**
 * The screen of a student in room `joined`, as its view stands: the waiting room before the game (with the
 * side picker), then the seat's play at the table (its briefing, the table, a closed round's summary, the
 * debrief); a room the instructor ended before its game shows that it closed.
 */
export function roomScreen(
  joined: ClassroomConnection,
  ctx: RoomScreenContext,
  play: Play | null,
): RoomScreen {
  const view = joined.view
  const scenario = joined.scenario
  const subtitle = t('classroom.subtitle')
  if (!view || !scenario)
    return { key: 'connecting', view: h('p', { role: 'status' }, t('classroom.connecting')), subtitle }
  const index = roomIndex(scenario)
  const bar = renderSeatBar(index, view, joined.status, ctx.receivedAt, ctx.leave)
  const frame = (key: string, screen: View, line = subtitle): RoomScreen => ({
    key,
    view: h('div', {}, [bar, screen]),
    subtitle: line,
  })
  if (view.status === 'lobby') return frame('lobby', renderLobby(index, view, ctx.pick))
  const screen = play?.screen()
  if (!play || !screen) {
    document.title = t('doc.debrief')
    return frame(
      'closed',
      h('div', {}, [
        h('h2', { id: 'screen-heading', tabindex: -1 }, t('classroom.ended')),
        h('p', {}, t('classroom.endedEarly')),
      ]),
    )
  }
  return frame(play.key(), screen, shownTitle(index.scenario.title, index).text)
}
