import { ClassroomClient, JoinError } from '../../net/client.ts'
import type { Message, MessageType } from '../../net/protocol.ts'
import type { RoomSummary } from '../../net/view.ts'
import { createLibrary } from '../authoring/library.ts'
import { createFileOpener } from '../authoring/open-file.ts'
import { h } from '../dom.ts'
import { onLanguageChange, t } from '../i18n/index.ts'
import { openStorage } from '../saves/index.ts'
import { loadCatalogue } from '../scenarios.ts'
import { renderAdminKeyForm } from './admin-key.ts'
import { commandErrorText, errorText } from './connect.ts'
import { copyText } from './copy.ts'
import { type CreateDraft, FILE_CHOICE, renderCreateRoom, timerSeconds } from './create-room.ts'
import { createExports } from './exports.ts'
import { renderDashboardDebrief } from './instructor-debrief.ts'
import { renderProjector } from './projector.ts'
import { renderRoomGrid } from './room-card.ts'
import { renderRoomPanel } from './room-panel.ts'
import { newEntry, type RoomEntry } from './rooms.ts'
import type { Shell } from './shell.ts'
import { keepAdminKey, keepRoomKey, roomKey, adminKey as storedAdminKey } from './storage.ts'
import { toTitle } from './student.ts'

/** How often the session's list of rooms is asked for again (rooms with a key push their changes). */
const POLL_MS = 4000

type Mode = { name: 'dashboard' } | { name: 'projector'; code: string } | { name: 'debrief'; code: string }

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
  let admin = storedAdminKey()
  let shipped: Array<{ id: string; title: string }> = []
  let unreachable = false
  let refusedKey = false
  const rooms = new Map<string, RoomEntry>()
  let selected: string | null = null
  let mode: Mode = { name: 'dashboard' }
  /** The element to move focus to once the next drawing is done (a room just created or chosen). */
  let focusNext: string | null = null
  const draft: CreateDraft = {
    choice: '',
    file: null,
    picking: false,
    minutes: '',
    difficulty: 'normal',
    busy: false,
    refused: null,
  }
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
      draft.file = { file: origin.file, text: origin.text, title: index.scenario.title }
      draft.choice = FILE_CHOICE
      draft.refused = null
      render()
    },
    rerender: () => render(),
  })

  const tell = (problem: string) => notices.show({ kind: 'error', lines: [problem] })

  /** The rooms being joined right now (a slow join is not started twice by the next poll). */
  const joining = new Set<string>()

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
    let entry = rooms.get(code)
    if (!entry) {
      entry = newEntry(code, roomKey(code))
      rooms.set(code, entry)
    }
    return entry
  }

  let listed = ''
  async function poll(): Promise<void> {
    if (!admin) return
    try {
      if (shipped.length === 0) {
        shipped = await client.scenarios()
        if (!draft.choice) draft.choice = shipped[0]?.id ?? ''
      }
      const list = await client.listRooms(admin)
      if (!list.ok) {
        refusedKey = list.status === 401
        if (refusedKey) {
          keepAdminKey(null)
          admin = null
        }
        return render()
      }
      const text = JSON.stringify(list.value)
      const changed = text !== listed || unreachable
      listed = text
      unreachable = false
      list.value.forEach((summary: RoomSummary) => {
        const entry = entryFor(summary.code)
        entry.summary = summary
        if (entry.key && !entry.connection) void connect(entry)
      })
      if (selected === null) selected = list.value.at(-1)?.code ?? null
      if (changed) render()
    } catch {
      if (!unreachable) {
        unreachable = true
        // The listing's counts were true when the server last answered: with it away, nobody is shown as
        // connected (the rooms' own views say the same once their connections drop, see net/client.ts).
        for (const entry of rooms.values()) if (entry.summary) entry.summary = { ...entry.summary, online: 0 }
        render()
      }
    }
  }

  async function create(): Promise<void> {
    if (!admin || draft.busy) return
    const seconds = timerSeconds(draft.minutes)
    if (Number.isNaN(seconds)) return tell(t('classroom.panel.timerInvalid'))
    const file = draft.choice === FILE_CHOICE ? draft.file : null
    if (!file && !shipped.some((s) => s.id === draft.choice)) return tell(t('classroom.create.noScenario'))
    draft.busy = true
    render()
    try {
      const result = await client.createRoom(admin, {
        scenario: file ? { yaml: file.text, file: file.file } : { id: draft.choice },
        settings: { picking: draft.picking, timerSeconds: seconds, difficulty: draft.difficulty },
      })
      if (result.ok) {
        const { code, instructorKey } = result.value
        keepRoomKey(code, instructorKey)
        const entry = entryFor(code)
        entry.key = instructorKey
        selected = code
        focusNext = `panel-${code}`
        draft.refused = null
        opener.clear()
        notices.show({ kind: 'info', lines: [t('classroom.create.created', { code })] })
        await connect(entry)
        void poll()
      } else if (result.error.problems && file) {
        draft.refused = {
          file: file.file,
          problems: result.error.problems as NonNullable<CreateDraft['refused']>['problems'],
        }
        tell(t('classroom.create.refusedNotice', { file: file.file }))
      } else tell(result.error.message)
    } catch {
      tell(t('classroom.error.NOT_CONNECTED'))
    } finally {
      draft.busy = false
      render()
    }
  }

  function sendTo(entry: RoomEntry) {
    return async <T extends MessageType>(type: T, payload: Message<T>): Promise<boolean> => {
      const reply = await entry.connection?.request(type, payload)
      if (!reply) return false
      const scenario = entry.connection?.scenario ?? null
      if (!reply.ok)
        notices.show({
          kind: 'refusal',
          lines: () => [commandErrorText(reply.error, scenario)],
          code: reply.error.code,
        })
      else notices.show(null)
      return reply.ok
    }
  }

  const exports = createExports(client, () => admin ?? '', tell)

  function panelFor(entry: RoomEntry): HTMLElement {
    return renderRoomPanel(entry, {
      send: sendTo(entry),
      redraw: render,
      tell,
      shell,
      exportRoom: (code, format) => void exports.room(code, format),
      debrief: (code) => go({ name: 'debrief', code }),
      projector: (code) => go({ name: 'projector', code }),
      copy: (text, what) =>
        void copyText(text).then((ok) => (ok ? notices.announce(what) : tell(t('classroom.copyFailed')))),
      reveal: () => {
        entry.draft.revealed = !entry.draft.revealed
        render()
      },
      useKey: () => {
        const key = entry.draft.keyInput.trim()
        if (!key) return
        entry.key = key
        entry.error = null
        keepRoomKey(entry.code, key)
        void connect(entry)
      },
    })
  }

  function dashboard(): HTMLElement {
    const entries = [...rooms.values()]
    const current = selected ? rooms.get(selected) : undefined
    // A new session starts with the form; once rooms exist, they come first and the form goes last.
    const form = renderCreateRoom(draft, shipped, {
      onCreate: () => void create(),
      onChange: render,
      openFile: () => opener.render(),
    })
    return h('div', { class: 'dashboard' }, [
      h('h2', { id: 'screen-heading', tabindex: -1 }, t('classroom.dashboard.heading')),
      unreachable
        ? h('p', { class: 'banner offline', role: 'status' }, t('classroom.dashboard.unreachable'))
        : null,
      entries.length ? null : form,
      renderRoomGrid(entries, selected, {
        onManage: (code) => {
          selected = code
          focusNext = `panel-${code}`
          render()
        },
        onExport: (code, format) => void exports.room(code, format),
        onExportAll: (format) => void exports.all(entries, format),
      }),
      current ? panelFor(current) : null,
      entries.length ? form : null,
    ])
  }

  function go(next: Mode): void {
    mode = next
    notices.show(null)
    render()
  }

  function screen(): [string, Node] {
    if (!admin)
      return [
        'admin-key',
        renderAdminKeyForm(
          refusedKey,
          (key) => {
            keepAdminKey(key)
            admin = key
            refusedKey = false
            void poll()
          },
          toTitle,
        ),
      ]
    if (mode.name === 'projector') {
      const entry = rooms.get(mode.code)
      const view = entry?.connection?.view
      document.title = t('doc.projector', { code: mode.code })
      return [
        `projector:${mode.code}`,
        renderProjector(
          {
            code: mode.code,
            title: view?.title ?? entry?.summary?.title ?? null,
            joined: view?.seats.length ?? entry?.summary?.seats ?? null,
          },
          () => go({ name: 'dashboard' }),
        ),
      ]
    }
    if (mode.name === 'debrief') {
      const { code } = mode
      const entry = rooms.get(code)
      const back = () => go({ name: 'dashboard' })
      const node = entry
        ? renderDashboardDebrief(entry, shell, back, (f) => void exports.room(code, f))
        : null
      if (node) {
        document.title = t('doc.debrief')
        return [`debrief:${code}`, node]
      }
      mode = { name: 'dashboard' }
    }
    document.title = t('doc.dashboard')
    return ['dashboard', dashboard()]
  }

  let pending = false
  function render(): void {
    if (pending) return
    pending = true
    queueMicrotask(() => {
      pending = false
      shell.subtitle.textContent = t('classroom.dashboard.subtitle')
      const [key, node] = screen()
      shell.show(key, () => node)
      if (focusNext) {
        document.getElementById(focusNext)?.focus()
        focusNext = null
      }
    })
  }

  onLanguageChange(render)
  render()
  void poll()
  setInterval(() => void poll(), POLL_MS)
}
