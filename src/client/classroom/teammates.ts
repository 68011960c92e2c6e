import type { LogEntry, RoomView } from '../../net/view.ts'

/** A stance a teammate gave for the side this device plays: who, which side, and the stance. */
export interface TeammateStance {
  name: string
  side: string
  stance: { kind: 'endorse' } | { kind: 'object'; reason: string }
}

/**
 * The stances in `entries` (log entries just received) that another seat gave for the side this seat plays:
 * two students sharing a side share its one stance, so each should see when the other changes it. Entries
 * of this seat, of other sides, of the timer and of the instructor are left out. Pure: unit-tested.
 */
export function teammateStances(entries: readonly LogEntry[], you: RoomView['you']): TeammateStance[] {
  if (you.role !== 'student' || !you.side) return []
  const out: TeammateStance[] = []
  for (const { command, by } of entries) {
    if (by.kind !== 'student' || by.seat === you.seat || command.side !== you.side) continue
    if (command.type === 'endorse')
      out.push({ name: by.name, side: command.side, stance: { kind: 'endorse' } })
    if (command.type === 'object')
      out.push({
        name: by.name,
        side: command.side,
        stance: { kind: 'object', reason: command.payload.reason },
      })
  }
  return out
}
