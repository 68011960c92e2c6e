import { TokenBucket } from './bucket.ts'
import { fail } from './reply.ts'
import type { RoomFile } from './room-file.ts'

type SeatRecord = RoomFile['seats'][number]

/**
 * Per seat: a burst of this many messages (`say` commands), then one every `1 / CHAT_PER_SECOND` seconds.
 * Each message is a line of the room file kept for good, so talk is held to a pace people type at, well
 * under the device's general allowance (which still applies to it as to every message).
 */
export const CHAT_BURST = 5
export const CHAT_PER_SECOND = 0.5

/**
 * What a student may say in a room, besides what the rules check: a muted seat says nothing, and each seat
 * has its chat allowance. The allowances live with the room in memory (a restart refills them, which is
 * harmless), by seat, so that a second device or a reconnection does not refill them either.
 */
export class ChatGuard {
  private readonly allowances = new Map<string, TokenBucket>()

  /** Null when the seat may send a message now (which takes from its allowance), or why it may not. */
  check(seat: SeatRecord, now: Date): ReturnType<typeof fail> | null {
    if (seat.muted) return fail('MUTED', 'The instructor has muted your messages.')
    let bucket = this.allowances.get(seat.id)
    if (!bucket) {
      bucket = new TokenBucket(CHAT_BURST, CHAT_PER_SECOND, now.getTime())
      this.allowances.set(seat.id, bucket)
    }
    if (!bucket.take(now.getTime()))
      return fail(
        'RATE_LIMITED',
        `Too many messages: one every ${1 / CHAT_PER_SECOND} s at most. Wait a moment.`,
      )
    return null
  }
}
