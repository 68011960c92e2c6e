import { ClassroomClient } from '../../net/client.ts'
import type { Message, MessageType } from '../../net/protocol.ts'
import { createLibrary } from '../authoring/library.ts'
import { createFileOpener } from '../authoring/open-file.ts'
import { h, type View } from '../dom.ts'
import { onLanguageChange, t } from '../i18n/index.ts'
import { openStorage } from '../saves/index.ts'
import { loadCatalogue } from '../scenarios.ts'
import { type ActionGroup, done, failed, groupOf, outcomeOf, renderActionStatus } from './action-status.ts'
import { renderAdminKeyForm } from './admin-key.ts'
import { alertText, renderAlerts, watchRooms } from './alerts.ts'
import { copyText } from './copy.ts'
import { renderCreateRoom } from './create-room.ts'
import { createSession, initialState, type Mode } from './dashboard-state.ts'
import { createExports, type Exported } from './exports.ts'
import { renderDashboardDebrief } from './instructor-debrief.ts'
import { renderProjector } from './projector.ts'
import { renderRoomGrid } from './room-card.ts'
import { renderRoomPanel } from './room-panel.ts'
import { type RoomEntry, statusOf } from './rooms.ts'
import type { Shell } from './shell.ts'
import { keepAdminKey, adminKey as storedAdminKey } from './storage.ts'
import { toTitle } from './student.ts'

/** How often the session's list of rooms is asked for again (rooms with a key push their changes). */
const POLL_MS = 4000

/**
 * The instructor's dashboard, opened from the link `npm run classroom` prints (it carries the session's
 * admin key, which is taken out of the address bar at once and kept for this tab only). It creates rooms,
 * shows every room of the session side by side, runs the one selected, and exports results. Each room this
 * device holds the instructor key of is joined as its instructor, and pushes every change; the list of the
 * session's rooms is asked for every few seconds, and while the server cannot be reached the page says so
 * and keeps trying.
 */
export function startDashboard(shell: Shell, linkKey: string | null): void {
  if (linkKey) keepAdminKey(linkKey)
  history.replaceState(null, '', `${location.pathname}${location.search}#instructor`)
  const client = new ClassroomClient(location.origin)
  const { notices } = shell
  const state = initialState(storedAdminKey())
  const tell = (problem: string) => notices.show({ kind: 'error', lines: [problem] })
  const library = createLibrary(
    loadCatalogue(),
    openStorage(() => localStorage),
  )
  const opener = createFileOpener({
    library,
    notices,
    onLoaded: (index) => {
      const origin = library.origin(index)
      if (origin?.kind !== 'file') return
      state.file = { file: origin.file, text: origin.text, title: index.scenario.title }
      render()
    },
    redraw: () => render(),
  })
  const session = createSession(client, state, {
    render,
    tell,
    created: (code) => {
      opener.clear()
      notices.show({ kind: 'info', lines: () => [t('classroom.create.created', { code })] })
      render()
    },
  })
  const exports = createExports(client, () => state.admin ?? '')

  /** How the last action of `group` in room `code` went (`*` for the whole session). */
  const outcome = (code: string, group: ActionGroup | 'exportAll') => state.outcomes.get(`${code}:${group}`)

  /**
   * Sends an instructor's message to room `entry`: how it went is shown on the status line beside the
   * controls it came from (see action-status.ts), a refusal worded with the room's names.
   */
  function sendTo(entry: RoomEntry) {
    return async <T extends MessageType>(type: T, payload: Message<T>): Promise<boolean> => {
      const reply = await entry.connection?.request(type, payload)
      if (!reply) return false
      state.outcomes.set(`${entry.code}:${groupOf(type, payload)}`, outcomeOf(entry, type, payload, reply))
      if (reply.ok) notices.show(null)
      render()
      return reply.ok
    }
  }

  /** Downloads a room's export, or every room's: how it went is shown beside the buttons pressed. */
  async function exported(key: string, download: Promise<Exported>): Promise<void> {
    const out = await download
    state.outcomes.set(
      key,
      out.ok ? done(() => t('classroom.done.export', { file: out.file })) : failed(out.problem),
    )
    render()
  }

  function panelFor(entry: RoomEntry): View {
    return renderRoomPanel(entry, {
      send: sendTo(entry),
      tell,
      shell,
      exportRoom: (code, format) => void exported(`${code}:exports`, exports.room(code, format)),
      // A line is cleared once the room's status is no longer the one its action told of.
      status: (group) => renderActionStatus(outcome(entry.code, group), statusOf(entry)),
      debrief: (code) => go({ name: 'debrief', code }),
      projector: (code) => go({ name: 'projector', code }),
      copy: (text, what) =>
        void copyText(text).then((ok) => (ok ? notices.announce(what) : tell(t('classroom.copyFailed')))),
      useKey: (key) => session.useKey(entry, key),
    })
  }

  function dashboard(): View {
    const entries = [...state.rooms.values()]
    const current = state.selected ? state.rooms.get(state.selected) : undefined
    // A new session starts with the form; once rooms exist, they come first and the form goes last.
    const form = renderCreateRoom({
      shipped: state.shipped,
      file: state.file,
      openFile: () => opener.render(),
      onCreate: session.create,
    })
    const alerts = state.alerts.list
    return h('div', { class: 'dashboard' }, [
      h('h2', { id: 'screen-heading', tabindex: -1 }, t('classroom.dashboard.heading')),
      state.unreachable
        ? h('p', { class: 'banner offline', role: 'status' }, t('classroom.dashboard.unreachable'))
        : null,
      entries.length ? null : form,
      entries.length
        ? renderAlerts(
            alerts,
            (id) => {
              state.alerts.list = state.alerts.list.filter((a) => a.id !== id)
              state.focusNext = 'alerts-heading'
              render()
            },
            () => {
              state.alerts.list = []
              state.focusNext = 'alerts-heading'
              render()
            },
          )
        : null,
      renderRoomGrid(
        entries,
        state.selected,
        {
          onManage: (code) => {
            state.selected = code
            state.focusNext = `panel-${code}`
            render()
          },
          onExport: (code, format) => void exported(`${code}:card`, exports.room(code, format)),
          onExportAll: (format) => void exported('*:exportAll', exports.all(entries, format)),
        },
        {
          alerts,
          exported: (code) => outcome(code, 'card'),
          exportedAll: outcome('*', 'exportAll'),
        },
      ),
      current ? panelFor(current) : null,
      entries.length ? form : null,
    ])
  }

  function go(next: Mode): void {
    state.mode = next
    notices.show(null)
    render()
  }

  /** The screen to show: its key (see Shell.show) and its view. Also names the browser tab. */
  function screen(): [string, View] {
    const back = () => go({ name: 'dashboard' })
    if (!state.admin) {
      const open = (key: string) => {
        keepAdminKey(key)
        state.admin = key
        state.refusedKey = false
        void session.poll()
      }
      return ['admin-key', renderAdminKeyForm(state.refusedKey, open, toTitle)]
    }
    const { mode } = state
    if (mode.name === 'projector') {
      const entry = state.rooms.get(mode.code)
      const view = entry?.connection?.view
      document.title = t('doc.projector', { code: mode.code })
      const info = {
        code: mode.code,
        title: view?.title ?? entry?.summary?.title ?? null,
        joined: view?.seats.length ?? entry?.summary?.seats ?? null,
      }
      return [`projector:${mode.code}`, renderProjector(info, back)]
    }
    if (mode.name === 'debrief') {
      const { code } = mode
      const entry = state.rooms.get(code)
      const node = entry
        ? renderDashboardDebrief(entry, shell, back, (f) => {
            // No status line on this screen: a download that did not come is told in the notice bar.
            void exports.room(code, f).then((out) => out.ok || tell(out.problem))
          })
        : null
      if (node) {
        document.title = t('doc.debrief')
        return [`debrief:${code}`, node]
      }
      // Not over yet (or no longer there): back to the rooms.
      state.mode = { name: 'dashboard' }
    }
    document.title = t('doc.dashboard')
    return ['dashboard', dashboard()]
  }

  let pending = false
  /** Draws once the current task is done: several changes at once draw once. */
  function render(): void {
    if (pending) return
    pending = true
    queueMicrotask(() => {
      pending = false
      // Every change of a room comes through here: what the instructor should know of is noted at once.
      const added = watchRooms([...state.rooms.values()], state.alerts, state.unreachable)
      // The rooms' list of alerts is a live region; away from it (a projector, a debrief), they are said.
      if (added.length && state.mode.name !== 'dashboard') notices.announce(added.map(alertText).join(' '))
      const [key, view] = screen()
      shell.show(key, () => view, t('classroom.dashboard.subtitle'))
      if (state.focusNext) {
        document.getElementById(state.focusNext)?.focus()
        state.focusNext = null
      }
    })
  }

  onLanguageChange(render)
  render()
  void session.poll()
  setInterval(() => void session.poll(), POLL_MS)
}
