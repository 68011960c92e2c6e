import { useEffect, useState } from 'preact/hooks'
import type { RoomView } from '../../net/view.ts'
import { component, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'

/** "4:05": minutes and seconds, rounded up so that 0:00 means the time is really up. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}

/** A running countdown to `endsAt` (this device's clock): it updates itself once a second, nothing else. */
function Countdown({ endsAt }: { endsAt: number }): View {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return h('p', { class: 'countdown', role: 'timer' }, t('classroom.timeLeft', { time: clock(endsAt - now) }))
}

/**
 * The round's countdown, or null with no timer. The deadline is the server's; `receivedAt` (this device's
 * clock when the view arrived) turns it into this device's time, so a device whose clock is off still
 * counts down right. While paused it shows the time that was left.
 */
export function renderCountdown(view: Pick<RoomView, 'timer' | 'status'>, receivedAt: number): View | null {
  const { deadline, remainingMs, serverNow } = view.timer
  if (view.status === 'paused' && remainingMs !== null)
    return h(
      'p',
      { class: 'countdown stopped', role: 'timer' },
      t('classroom.timeStopped', { time: clock(remainingMs) }),
    )
  if (deadline === null || view.status !== 'running') return null
  return component(Countdown, { endsAt: deadline - (serverNow - receivedAt) })
}
