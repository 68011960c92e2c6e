import type { ClassroomConnection } from '../../net/client.ts'
import type { RoomStatus, RoomSummary } from '../../net/view.ts'
import type { MessageKey } from '../i18n/index.ts'

/** One room of the session on the dashboard: its listing, and the instructor's connection when this device has the key. */
export interface RoomEntry {
  code: string
  summary: RoomSummary | null
  key: string | null
  connection: ClassroomConnection | null
  /** This device's clock when the connection's last view arrived (for the countdown). */
  receivedAt: number
  /** Why the instructor is not connected (a wrong key), in words. */
  error: string | null
}

/** A room just listed (or created), not joined yet; `key` is its instructor key when this device has it. */
export function newEntry(code: string, key: string | null): RoomEntry {
  return {
    code,
    summary: null,
    key,
    connection: null,
    receivedAt: Date.now(),
    error: null,
  }
}

/**
 * The room's status: from its live view when connected, else from the session's listing. A game the rules
 * ended (a deal, an escalation…) is over too, though the room stays open for its debrief.
 */
export function statusOf(entry: RoomEntry): RoomStatus {
  const view = entry.connection?.view
  if (view) return view.game?.phase === 'ended' ? 'ended' : view.status
  const summary = entry.summary
  if (!summary) return 'lobby'
  return summary.phase === 'ended' ? 'ended' : summary.status
}

export const STATUS: Record<RoomStatus, MessageKey> = {
  lobby: 'classroom.status.lobby',
  running: 'classroom.status.running',
  paused: 'classroom.status.paused',
  ended: 'classroom.status.ended',
}

/**
 * The address students open to join room `code` (the join link, and what the QR code holds): from `base`,
 * the address the server reports students reach (GET /api/session), whatever address this page was opened
 * with; from this page's own address only when the server did not say.
 */
export function joinLink(code: string, base: string | null): string {
  return base ? `${base}/#join=${code}` : `${location.origin}${location.pathname}#join=${code}`
}

/** The address students open (without the join code), as joinLink takes it. */
export function joinAddress(base: string | null): string {
  return base ? `${base}/` : `${location.origin}${location.pathname}`
}
