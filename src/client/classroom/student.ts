import { debriefToCsv } from '../../core/record/csv.ts'
import type { Command } from '../../core/rules/commands.ts'
import { ClassroomClient, type ClassroomConnection, JoinError } from '../../net/client.ts'
import { type JoinOptions, normalizeCode, normalizeName } from '../../net/protocol.ts'
import type { RoomStatus, RoomView } from '../../net/view.ts'
import { h } from '../dom.ts'
import { download } from '../download.ts'
import { onLanguageChange, t } from '../i18n/index.ts'
import { renderBriefing } from '../render/briefing.ts'
import { renderDebrief } from '../render/debrief/debrief.ts'
import { renderGame } from '../render/game.ts'
import { renderSummary } from '../render/summary.ts'
import { verdictText } from '../view.ts'
import { type Cancel, commandErrorText, errorText, joinUntilReached } from './connect.ts'
import { roomGameView, roomIndex } from './game-view.ts'
import { type JoinDraft, renderJoinForm } from './join-form.ts'
import { renderLobby } from './lobby.ts'
import type { ClassroomRoute } from './route.ts'
import { renderSeatBar } from './seat-bar.ts'
import type { Shell } from './shell.ts'
import { briefedSide, keepBriefedSide, keepSeatToken, seatToken } from './storage.ts'
import { renderWatchTable } from './watch-table.ts'

/** Leaves the classroom pages for the game's title screen. */
export function toTitle(): void {
  history.replaceState(null, '', location.pathname + location.search)
  location.reload()
}

/**
 * A student's device: the join form, then the room. Before the game, the waiting room (and the side
 * picker when the instructor allows it); then the student's own side's briefing, the table (the game's own
 * screens, whose commands go to the room), the round summaries and the debrief. The seat token is kept per
 * room, so a reload, a dropped connection or a server restart brings the same seat back.
 */
export function startStudent(shell: Shell, route: Extract<ClassroomRoute, { kind: 'join' | 'room' }>): void {
  const client = new ClassroomClient(location.origin)
  const { notices } = shell
  const draft: JoinDraft = { code: route.code ?? '', name: '', error: null, busy: false, waiting: null }
  let connection: ClassroomConnection | null = null
  let receivedAt = Date.now()
  let cancel: Cancel = { cancelled: false }
  /** The round whose summary is shown, until the student goes back to the table. */
  let summary: number | null = null
  let seenRecords = -1
  let seenRound = 0
  let lastStatus: RoomStatus | null = null

  async function connect(code: string, options: JoinOptions): Promise<void> {
    cancel.cancelled = true
    cancel = { cancelled: false }
    draft.busy = true
    draft.error = null
    render()
    try {
      const joined = await joinUntilReached(
        client,
        code,
        options,
        (seconds) => {
          draft.waiting = seconds
          render()
        },
        cancel,
        'seatToken' in options ? 20_000 : 0,
      )
      draft.busy = false
      draft.waiting = null
      attach(joined)
    } catch (e) {
      const error = e instanceof JoinError ? e : new JoinError('NOT_CONNECTED', String(e))
      if (error.code === 'UNKNOWN_SEAT') keepSeatToken(code, null)
      draft.busy = false
      draft.waiting = null
      draft.code = code
      draft.error = errorText(error, { code, name: draft.name.trim() })
      connection = null
      history.replaceState(null, '', `#join=${code}`)
      render()
    }
  }

  function join(): void {
    const code = normalizeCode(draft.code)
    if (!code) {
      draft.error = t('classroom.error.badCode', { example: 'AB3K7P' })
      render()
      return
    }
    // This device already has a seat there: take it back rather than ask for a new one.
    const token = seatToken(code)
    if (token) return void connect(code, { role: 'student', seatToken: token })
    const name = normalizeName(draft.name)
    if (!name) {
      draft.error = t('classroom.error.NAME_INVALID')
      render()
      return
    }
    void connect(code, { role: 'student', name })
  }

  function attach(joined: ClassroomConnection): void {
    connection = joined
    const code = joined.code
    if (joined.welcome?.role === 'student') keepSeatToken(code, joined.welcome.seatToken)
    history.replaceState(null, '', `#room=${code}`)
    seenRecords = joined.view?.game?.history.length ?? -1
    seenRound = joined.view?.game?.round ?? 0
    lastStatus = joined.view?.status ?? null
    receivedAt = Date.now()
    joined.on('view', (view) => {
      receivedAt = Date.now()
      news(view)
      render()
    })
    joined.on('scenario', () => render())
    joined.on('error', (error) =>
      notices.show({ kind: 'refusal', lines: [errorText(error)], code: error.code }),
    )
    joined.on('status', (status) => {
      if (status === 'reconnecting') notices.announce(t('classroom.reconnecting'))
      if (status === 'connected') notices.announce(t('classroom.reconnected'))
      render()
      // Gave up after a long outage: keep trying, as on the first join, until the room answers.
      if (status === 'closed' && connection === joined) void connect(code, joined.rejoin)
    })
    render()
  }

  /** Tells screen readers what changed, and opens the summary of a round that just closed. */
  function news(view: RoomView): void {
    if (view.status !== lastStatus) {
      if (view.status === 'paused') notices.announce(t('classroom.paused'))
      else if (view.status === 'running' && lastStatus === 'paused') notices.announce(t('classroom.resumed'))
      else if (view.status === 'running' && lastStatus === 'lobby') notices.announce(t('classroom.started'))
      else if (view.status === 'ended') notices.announce(t('classroom.ended'))
      lastStatus = view.status
    }
    const game = view.game
    if (!game || !connection?.scenario) return
    const records = game.history.length
    if (seenRecords >= 0 && records > seenRecords) {
      const index = roomIndex(connection.scenario)
      const lines = game.history
        .slice(seenRecords)
        .map((r) =>
          r.response ? verdictText(index, r.response) : t('session.noPackage', { round: r.round }),
        )
      notices.announce(lines.join(' '))
    }
    // A round closed (the sides decided, or it ended without a package): its summary, then the next round.
    const side = view.you.role === 'student' ? view.you.side : null
    const plays = side !== null && !!view.humanSides?.includes(side)
    if (plays && seenRound > 0 && game.round > seenRound && game.phase === 'negotiating')
      summary = game.history.some((r) => r.round === seenRound) ? seenRound : null
    seenRecords = records
    seenRound = game.round
  }

  async function act(command: Command): Promise<void> {
    if (!connection) return
    const reply = await connection.command(command)
    const { scenario } = connection
    if (!reply.ok)
      notices.show({
        kind: 'refusal',
        lines: () => [commandErrorText(reply.error, scenario)],
        code: reply.error.code,
      })
    else notices.show(reply.warnings.length ? { kind: 'warning', lines: reply.warnings } : null)
  }

  async function pick(side: string | null): Promise<void> {
    const reply = await connection?.request('pickSide', { side })
    if (reply && !reply.ok)
      notices.show({ kind: 'refusal', lines: [errorText(reply.error)], code: reply.error.code })
  }

  function leave(): void {
    cancel.cancelled = true
    void connection?.leave()
    toTitle()
  }

  function roomScreen(joined: ClassroomConnection): [string, Node] {
    const view = joined.view
    const scenario = joined.scenario
    if (!view || !scenario) return ['connecting', h('p', { role: 'status' }, t('classroom.connecting'))]
    const index = roomIndex(scenario)
    const you = view.you.role === 'student' ? view.you : null
    const side = you?.side ?? null
    const bar = renderSeatBar(index, view, joined.status, receivedAt, leave)
    const frame = (key: string, screen: Node): [string, Node] => [key, h('div', {}, [bar, screen])]
    if (view.status === 'lobby')
      return frame(
        'lobby',
        renderLobby(index, view, (s) => void pick(s)),
      )
    const acting = side && view.humanSides?.includes(side) ? side : null
    const game = roomGameView(joined, {
      acting,
      act: (command) => void act(command),
      tell: (message) => notices.show({ kind: 'info', lines: [message] }),
      leave,
      dialog: shell.dialog,
    })
    if (!game)
      return frame(
        'closed',
        h('div', {}, [
          h('h2', { id: 'screen-heading', tabindex: -1 }, t('classroom.ended')),
          h('p', {}, t('classroom.endedEarly')),
        ]),
      )
    shell.subtitle.textContent = game.index.scenario.title
    if (view.debrief && (view.status === 'ended' || game.state.phase === 'ended')) {
      const debrief = view.debrief
      document.title = t('doc.debrief')
      return frame(
        'debrief',
        renderDebrief(game, {
          debrief,
          onExportCsv: () => download(`red-lines-${view.code}.csv`, debriefToCsv(debrief), 'text/csv'),
          onPrint: () => window.print(),
          onNewGame: leave,
        }),
      )
    }
    document.title = t('doc.round', { round: game.state.round })
    if (!acting) {
      const note = side
        ? t('classroom.computerSide', { side: index.sides.get(side)?.name ?? side })
        : t('classroom.watching')
      return frame('watch', renderWatchTable(game, true, note))
    }
    if (briefedSide(view.code) !== acting) {
      document.title = t('doc.briefing', { side: index.sides.get(acting)?.name ?? acting })
      return frame(
        `briefing:${acting}`,
        renderBriefing(
          game,
          acting,
          () => {
            keepBriefedSide(view.code, acting)
            summary = null
            render()
          },
          t('app.goToTable'),
        ),
      )
    }
    const record = summary === null ? undefined : game.state.history.find((r) => r.round === summary)
    if (record) {
      document.title = t('doc.summary', { round: record.round })
      return frame(
        `summary:${record.round}`,
        renderSummary(game, record, {
          label: t('classroom.backToTable'),
          go: () => {
            summary = null
            render()
          },
        }),
      )
    }
    return frame('table', renderGame(game))
  }

  let pending = false
  /** Redraws once the current task is done: several changes at once draw once. */
  function render(): void {
    if (pending) return
    pending = true
    queueMicrotask(() => {
      pending = false
      if (connection) {
        const [key, node] = roomScreen(connection)
        shell.show(key, () => node)
      } else {
        document.title = t('doc.join')
        shell.subtitle.textContent = t('classroom.subtitle')
        shell.show('join', () => renderJoinForm(draft, { onJoin: join, onBack: toTitle }))
      }
    })
  }

  onLanguageChange(render)
  const token = route.kind === 'room' ? seatToken(route.code) : null
  if (route.kind === 'room' && token) void connect(route.code, { role: 'student', seatToken: token })
  else render()
}
