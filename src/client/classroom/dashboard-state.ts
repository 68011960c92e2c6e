import { type ClassroomClient, JoinError } from '../../net/client.ts'
import type { RoomSummary } from '../../net/view.ts'
import { t } from '../i18n/index.ts'
import type { ActionOutcome } from './action-status.ts'
import { type Alerts, noAlerts } from './alerts.ts'
import { errorText } from './connect.ts'
import {
  type CreateOutcome,
  type CreateRequest,
  FILE_CHOICE,
  type OpenedFile,
  type Refusal,
  timerSeconds,
} from './create-room.ts'
import { learnJoinBase, reportedJoinBase } from './join-address.ts'
import { newEntry, type RoomEntry } from './rooms.ts'
import { keepAdminKey, keepRoomKey, roomKey } from './storage.ts'

/** Which screen the dashboard shows: the rooms, one room's projector view, or one room's debrief. */
export type Mode =
  | { name: 'dashboard' }
  | { name: 'projector'; code: string }
  | { name: 'debrief'; code: string }

/** Everything the instructor's dashboard shows, in one place (its forms keep what is typed in them). */
export interface DashboardState {
  /** The session's admin key for this tab; null while the page asks for it. */
  admin: string | null
  /** The server did not know the last admin key. */
  refusedKey: boolean
  /** The server could not be reached when last asked. */
  unreachable: boolean
  /** The scenarios the server ships, for new rooms. */
  shipped: Array<{ id: string; title: string }>
  /** The session's rooms by code, in the order they were listed or created. */
  rooms: Map<string, RoomEntry>
  /** The room whose panel is open. */
  selected: string | null
  mode: Mode
  /** The scenario file last opened in the page, offered for a new room. */
  file: OpenedFile | null
  /** The element to move focus to once the next drawing is done (a room just created or chosen). */
  focusNext: string | null
  /** What the instructor should know of at once (a room ended, ran out of time, lost devices). */
  alerts: Alerts
  /** How the instructor's last action of each group went, by `CODE:group` (`*:exportAll` for the session). */
  outcomes: Map<string, ActionOutcome>
}

/** A new dashboard's state, with the admin key this tab keeps (if any). */
export const initialState = (admin: string | null): DashboardState => ({
  admin,
  refusedKey: false,
  unreachable: false,
  shipped: [],
  rooms: new Map(),
  selected: null,
  mode: { name: 'dashboard' },
  file: null,
  focusNext: null,
  alerts: noAlerts(),
  outcomes: new Map(),
})

/** What the session's rooms need from the page: a redraw, and a way to tell the instructor. */
export interface SessionHooks {
  render: () => void
  tell: (problem: string) => void
  /** A room was created (its code): the page says so and forgets the file report. */
  created: (code: string) => void
}

/**
 * The session as the server has it, kept in `state`: the list of rooms asked for again on every `poll`, each
 * room this device holds the instructor key of joined as its instructor (pushing every change), and new rooms.
 */
export function createSession(client: ClassroomClient, state: DashboardState, hooks: SessionHooks) {
  const { render, tell } = hooks
  /** The rooms being joined right now (a slow join is not started twice by the next poll). */
  const joining = new Set<string>()
  /** The last listing as text: the page is drawn again only when it changed. */
  let listed = ''

  /** Joins room `entry` as its instructor with the key this device holds. */
  async function connect(entry: RoomEntry): Promise<void> {
    if (!entry.key || entry.connection || joining.has(entry.code)) return
    joining.add(entry.code)
    try {
      const connection = await client.join(entry.code, { role: 'instructor', key: entry.key })
      entry.connection = connection
      entry.error = null
      entry.receivedAt = Date.now()
      connection.on('view', () => {
        entry.receivedAt = Date.now()
        render()
      })
      connection.on('status', (status) => {
        // Given up after a long outage: the next poll joins again once the server answers.
        if (status === 'closed' && entry.connection === connection) entry.connection = null
        render()
      })
      connection.on('error', (error) => tell(errorText(error)))
    } catch (e) {
      if (e instanceof JoinError && e.code === 'BAD_KEY') {
        keepRoomKey(entry.code, null)
        entry.key = null
        entry.error = errorText(e)
      }
      // Otherwise the server is away: the next poll tries again.
    } finally {
      joining.delete(entry.code)
    }
    render()
  }

  function entryFor(code: string): RoomEntry {
    let entry = state.rooms.get(code)
    if (!entry) {
      entry = newEntry(code, roomKey(code))
      state.rooms.set(code, entry)
    }
    return entry
  }

  /** Asks for the session's rooms (and, the first time, the shipped scenarios). */
  async function poll(): Promise<void> {
    const admin = state.admin
    if (!admin) return
    try {
      if (state.shipped.length === 0) state.shipped = await client.scenarios()
      // The address students open, for the join links and QR codes (asked until the server says).
      const learned = !reportedJoinBase() && (await learnJoinBase(client))
      const list = await client.listRooms(admin)
      if (!list.ok) {
        state.refusedKey = list.status === 401
        if (state.refusedKey) {
          keepAdminKey(null)
          state.admin = null
        }
        return render()
      }
      const text = JSON.stringify(list.value)
      const changed = text !== listed || state.unreachable || learned
      listed = text
      state.unreachable = false
      list.value.forEach((summary: RoomSummary) => {
        const entry = entryFor(summary.code)
        entry.summary = summary
        if (entry.key && !entry.connection) void connect(entry)
      })
      if (state.selected === null) state.selected = list.value.at(-1)?.code ?? null
      if (changed) render()
    } catch {
      if (!state.unreachable) {
        state.unreachable = true
        // The listing's counts were true when the server last answered: with it away, nobody is shown as
        // connected (the rooms' own views say the same once their connections drop, see net/client.ts).
        for (const entry of state.rooms.values())
          if (entry.summary) entry.summary = { ...entry.summary, online: 0 }
        render()
      }
    }
  }

  /** Creates a room as the form asks; a problem is told, or returned for the form to show (a file's). */
  async function create(request: CreateRequest): Promise<CreateOutcome> {
    const admin = state.admin
    if (!admin) return { kind: 'failed' }
    const seconds = timerSeconds(request.minutes)
    if (Number.isNaN(seconds)) {
      tell(t('classroom.panel.timerInvalid'))
      return { kind: 'failed' }
    }
    const file = request.choice === FILE_CHOICE ? state.file : null
    if (!file && !state.shipped.some((s) => s.id === request.choice)) {
      tell(t('classroom.create.noScenario'))
      return { kind: 'failed' }
    }
    try {
      const result = await client.createRoom(admin, {
        scenario: file ? { yaml: file.text, file: file.file } : { id: request.choice },
        settings: { picking: request.picking, timerSeconds: seconds, difficulty: request.difficulty },
      })
      if (result.ok) {
        const { code, instructorKey } = result.value
        keepRoomKey(code, instructorKey)
        const entry = entryFor(code)
        entry.key = instructorKey
        state.selected = code
        state.focusNext = `panel-${code}`
        hooks.created(code)
        await connect(entry)
        void poll()
        return { kind: 'created' }
      }
      if (result.error.problems && file) {
        tell(t('classroom.create.refusedNotice', { file: file.file }))
        const problems = result.error.problems as Refusal['problems']
        return { kind: 'refused', refusal: { file: file.file, problems } }
      }
      tell(result.error.message)
    } catch {
      tell(t('classroom.error.NOT_CONNECTED'))
    }
    return { kind: 'failed' }
  }

  /** Uses an instructor key typed for a room this device has no key of. */
  function useKey(entry: RoomEntry, key: string): void {
    entry.key = key
    entry.error = null
    keepRoomKey(entry.code, key)
    void connect(entry)
  }

  return { poll, create, useKey }
}
