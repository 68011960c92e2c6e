/**
 * A token bucket: `burst` messages at once, then `perSecond` on average. Each device of a room has one, so
 * that a device sending too much is refused (RATE_LIMITED) without slowing anyone else down.
 */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst
    this.last = now
  }

  /** Takes one token if there is one; `now` is in milliseconds. */
  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perSecond)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
