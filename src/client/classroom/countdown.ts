import type { RoomView } from '../../net/view.ts'
import { h } from '../dom.ts'
import { t } from '../i18n/index.ts'

/** "4:05": minutes and seconds, rounded up so that 0:00 means the time is really up. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}

const text = (ms: number) => t('classroom.timeLeft', { time: clock(ms) })

let ticking = false

/** Updates every countdown on the page once a second (only their text: nothing else is redrawn). */
function tick(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-ends-at]')) {
    const next = text(Number(el.dataset.endsAt) - Date.now())
    if (el.textContent !== next) el.textContent = next
  }
}

/**
 * The round's countdown, or null with no timer. The deadline is the server's; `receivedAt` (this device's
 * clock when the view arrived) turns it into this device's time, so a device whose clock is off still
 * counts down right. While paused it shows the time that was left.
 */
export function renderCountdown(
  view: Pick<RoomView, 'timer' | 'status'>,
  receivedAt: number,
): HTMLElement | null {
  const { deadline, remainingMs, serverNow } = view.timer
  if (view.status === 'paused' && remainingMs !== null)
    return h(
      'p',
      { class: 'countdown stopped', role: 'timer' },
      t('classroom.timeStopped', { time: clock(remainingMs) }),
    )
  if (deadline === null || view.status !== 'running') return null
  const endsAt = deadline - (serverNow - receivedAt)
  if (!ticking) {
    ticking = true
    setInterval(tick, 1000)
  }
  return h('p', { class: 'countdown', role: 'timer', 'data-ends-at': endsAt }, text(endsAt - Date.now()))
}
