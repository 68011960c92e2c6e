import { REFUSAL_CODES, type RefusalCode } from '../../core/rules/refusals.ts'
import { indexScenario, type ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { Scenario } from '../../core/scenario/schema/scenario.ts'
import type { ClassroomConnection } from '../../net/client.ts'
import type { LogEntry, RoomView } from '../../net/view.ts'
import { t } from '../i18n/index.ts'
import type { SeatFacts } from '../view.ts'
import type { ActOutcome, Table, TableSnapshot } from './table.ts'

const indexes = new WeakMap<Scenario, ScenarioIndex>()

/** The index of the scenario as this device received it, built once per scenario received. */
export function receivedIndex(scenario: Scenario): ScenarioIndex {
  let index = indexes.get(scenario)
  if (!index) {
    index = indexScenario(scenario)
    indexes.set(scenario, index)
  }
  return index
}

/** Who sent a logged command, as the log shows it: a student's display name, or the timer. */
export function authorOf(entry: LogEntry): string | null {
  if (entry.by.kind === 'student') return entry.by.name
  if (entry.by.kind === 'timer') return t('classroom.byTimer')
  return null
}

/** A student's own seat in the room's view: muted or not, and how many other students share its side. */
export function seatFacts(view: RoomView): SeatFacts | undefined {
  const you = view.you
  if (you.role !== 'student') return undefined
  const muted = view.seats.find((s) => s.id === you.seat)?.muted === true
  const teammates = view.seats.filter(
    (s) => s.id !== you.seat && s.side !== null && s.side === you.side,
  ).length
  return { muted, teammates }
}

const isRefusalCode = (code: string): code is RefusalCode =>
  (REFUSAL_CODES as readonly string[]).includes(code)

/**
 * The table of a classroom room, as this seat may see it: the rules run on the server, which sends each
 * change; `act` sends the command there (the server stamps the side of this seat) and resolves with the
 * room's answer. The snapshot is the same object until a new view or log arrives.
 */
export function roomTable(connection: ClassroomConnection, humans: () => readonly string[]): Table {
  let shown: TableSnapshot | null = null
  let key: unknown[] = []
  const snapshot = (): TableSnapshot | null => {
    const { view, scenario, log } = connection
    if (!view?.game || !scenario) return null
    const plays = humans()
    const seat = seatFacts(view)
    // The seat's facts change without the game (the instructor mutes, a teammate joins): they are part of the key.
    const now = [view.game, scenario, log.length, plays.join(), seat?.muted, seat?.teammates]
    if (!shown || now.some((part, i) => part !== key[i])) {
      key = now
      shown = {
        index: receivedIndex(scenario),
        state: view.game,
        log: log.map((e) => e.command),
        authors: log.map(authorOf),
        humans: plays,
      }
      if (seat) shown.seat = seat
    }
    return shown
  }
  return {
    subscribe(listener) {
      const stops = [connection.on('view', listener), connection.on('scenario', listener)]
      return () => {
        for (const stop of stops) stop()
      }
    },
    snapshot,
    // The room answers each command before its reply; other devices' moves arrive as they are made.
    answering: () => false,
    async act(command): Promise<ActOutcome> {
      const reply = await connection.command(command)
      if (reply.ok) return { ok: true, warned: reply.warned }
      const { code, message } = reply.error
      const params = reply.error.params ?? {}
      if (isRefusalCode(code)) return { ok: false, refused: { by: 'rules', refusal: { code, params } } }
      // A room's refusal (paused, not your side, too fast…) is worded from plain values only.
      const plain = Object.entries(params).filter(([, v]) => typeof v === 'string' || typeof v === 'number')
      return { ok: false, refused: { by: 'room', code, message, params: Object.fromEntries(plain) } }
    },
  }
}
