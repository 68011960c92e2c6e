import type { ClassroomClient } from '../../net/client.ts'

/** The address students open, as the server reported it; null until it has (or when it cannot say). */
let reported: string | null = null

/**
 * The address the classroom server reports students reach (it prints the same on start): the base of every
 * join link and QR code this page shows. Null until `learnJoinBase` has heard from the server.
 */
export function reportedJoinBase(): string | null {
  return reported
}

/**
 * Asks the server once for the address students open (GET /api/session); resolves whether it is known
 * now. A server that cannot be reached is asked again on the next call.
 */
export async function learnJoinBase(client: ClassroomClient): Promise<boolean> {
  if (reported) return true
  try {
    reported = (await client.session())?.joinBase || null
  } catch {
    // Not reachable right now: the page's own address stands in until the next call.
  }
  return reported !== null
}
