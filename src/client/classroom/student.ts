import { ClassroomClient, type ClassroomConnection, JoinError } from '../../net/client.ts'
import { type JoinOptions, normalizeCode, normalizeName } from '../../net/protocol.ts'
import type { RoomStatus, RoomView } from '../../net/view.ts'
import { onLanguageChange, t } from '../i18n/index.ts'
import type { Play } from '../table/play.ts'
import { type Cancel, errorText, joinUntilReached } from './connect.ts'
import { type JoinAttempt, renderJoinForm } from './join-form.ts'
import type { ClassroomRoute } from './route.ts'
import type { Shell } from './shell.ts'
import { keepSeatToken, seatToken } from './storage.ts'
import { playKey, type RoomScreenContext, roomScreen, seatPlay } from './student-room.ts'
import { teammateNotice } from './teammate-notice.ts'

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
  /** The join as it stands (the form keeps what is typed; this is what the device is doing with it). */
  const attempt: JoinAttempt = { code: route.code ?? '', error: null, busy: false, waiting: null }
  let connection: ClassroomConnection | null = null
  let receivedAt = Date.now()
  let cancel: Cancel = { cancelled: false }
  /** The seat's play at the table (the game's screen flow), made once the game has started. */
  let play: Play | null = null
  let played = ''
  let lastStatus: RoomStatus | null = null

  async function connect(code: string, options: JoinOptions, name = ''): Promise<void> {
    cancel.cancelled = true
    cancel = { cancelled: false }
    attempt.busy = true
    attempt.error = null
    render()
    try {
      const joined = await joinUntilReached(
        client,
        code,
        options,
        (seconds) => {
          attempt.waiting = seconds
          render()
        },
        cancel,
        'seatToken' in options ? 20_000 : 0,
      )
      attempt.busy = false
      attempt.waiting = null
      attach(joined)
    } catch (e) {
      const error = e instanceof JoinError ? e : new JoinError('NOT_CONNECTED', String(e))
      if (error.code === 'UNKNOWN_SEAT') keepSeatToken(code, null)
      attempt.busy = false
      attempt.waiting = null
      attempt.code = code
      attempt.error = errorText(error, { code, name: name.trim() })
      connection = null
      history.replaceState(null, '', `#join=${code}`)
      render()
    }
  }

  function join(typedCode: string, typedName: string): void {
    const code = normalizeCode(typedCode)
    if (!code) {
      attempt.error = t('classroom.error.badCode', { example: 'AB3K7P' })
      render()
      return
    }
    // This device already has a seat there: take it back rather than ask for a new one.
    const token = seatToken(code)
    if (token) return void connect(code, { role: 'student', seatToken: token })
    const name = normalizeName(typedName)
    if (!name) {
      attempt.error = t('classroom.error.NAME_INVALID')
      render()
      return
    }
    void connect(code, { role: 'student', name }, typedName)
  }

  function attach(joined: ClassroomConnection): void {
    connection = joined
    const code = joined.code
    if (joined.welcome?.role === 'student') keepSeatToken(code, joined.welcome.seatToken)
    history.replaceState(null, '', `#room=${code}`)
    play?.stop()
    play = null
    lastStatus = joined.view?.status ?? null
    receivedAt = Date.now()
    /** How much of the room's log this device had seen: what comes after is new. */
    let seen = joined.log.length
    joined.on('view', (view) => {
      receivedAt = Date.now()
      news(view)
      // A teammate sharing this side changed its stance: the others on the side are told who and how.
      const notice = teammateNotice(joined, joined.log.slice(seen))
      seen = joined.log.length
      if (notice) notices.show(notice)
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

  /** Tells screen readers how the room's status changed (the table's own news are the play's). */
  function news(view: RoomView): void {
    if (view.status === lastStatus) return
    if (view.status === 'paused') notices.announce(t('classroom.paused'))
    else if (view.status === 'running' && lastStatus === 'paused') notices.announce(t('classroom.resumed'))
    else if (view.status === 'running' && lastStatus === 'lobby') notices.announce(t('classroom.started'))
    // A game the rules ended is announced by the play, with its ending; one the instructor ended, here.
    else if (view.status === 'ended' && view.game?.phase !== 'ended') {
      const by = view.debrief?.endedBy
      const stopped = by?.by === 'instructor' ? t('debrief.stopped', { round: by.round }) : null
      notices.announce(stopped ? t('session.over', { ending: stopped }) : t('classroom.ended'))
    }
    lastStatus = view.status
  }

  const context: RoomScreenContext = {
    shell,
    receivedAt,
    pick: (side, role) => void pick(side, role),
    leave,
    changed: () => render(),
  }

  /** The seat's play for the room as it stands: made when the game starts, again if the seat's side changes. */
  function seat(joined: ClassroomConnection): Play | null {
    const key = playKey(joined)
    if (!play || key !== played) {
      play?.stop()
      play = seatPlay(joined, context)
      played = play ? key : ''
    }
    // A room the instructor ended before its game did: the debrief, as for a game the rules ended (whose
    // room is ended too, but whose last round's summary comes first, as in solo play).
    const place = play?.place()
    const stopped = joined.view?.status === 'ended' && joined.view.game?.phase !== 'ended'
    if (play && place && stopped && place.screen.name !== 'ending')
      play.go({ acting: place.acting, screen: { name: 'ending' } })
    return play
  }

  async function pick(side: string | null, role?: string | null): Promise<void> {
    const reply = await connection?.request('pickSide', role === undefined ? { side } : { side, role })
    if (reply && !reply.ok)
      notices.show({ kind: 'refusal', lines: [errorText(reply.error)], code: reply.error.code })
  }

  function leave(): void {
    cancel.cancelled = true
    void connection?.leave()
    toTitle()
  }

  let pending = false
  /** Redraws once the current task is done: several changes at once draw once. */
  function render(): void {
    if (pending) return
    pending = true
    queueMicrotask(() => {
      pending = false
      if (connection) {
        context.receivedAt = receivedAt
        const screen = roomScreen(connection, context, seat(connection))
        shell.show(screen.key, () => screen.view, screen.subtitle)
      } else {
        document.title = t('doc.join')
        const form = renderJoinForm({ attempt: { ...attempt }, onJoin: join, onBack: toTitle })
        shell.show('join', () => form, t('classroom.subtitle'))
      }
    })
  }

  onLanguageChange(render)
  const token = route.kind === 'room' ? seatToken(route.code) : null
  if (route.kind === 'room' && token) void connect(route.code, { role: 'student', seatToken: token })
  else render()
}
