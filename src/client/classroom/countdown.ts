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
function Countdown({ endsAt, short }: { endsAt: number; short: boolean }): View {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const time = clock(endsAt - now)
  return h(
    'p',
    { class: `countdown${endsAt <= now ? ' over' : ''}`, role: 'timer' },
    t(short ? 'classroom.card.timeLeft' : 'classroom.timeLeft', { time }),
  )
}

/**
 * The round's countdown, or null with no timer. The deadline is the server's; `receivedAt` (this device's
 * clock when the view arrived) turns it into this device's time, so a device whose clock is off still
 * counts down right. While paused it shows the time that was left. `short`: in a few words, for a room's
 * card on the dashboard.
 */
export function renderCountdown(
  view: Pick<RoomView, 'timer' | 'status'>,
  receivedAt: number,
  short = false,
): View | null {
  const { deadline, remainingMs, serverNow } = view.timer
  if (view.status === 'paused' && remainingMs !== null)
    return h(
      'p',
      { class: 'countdown stopped', role: 'timer' },
      t(short ? 'classroom.card.timeStopped' : 'classroom.timeStopped', { time: clock(remainingMs) }),
    )
  if (deadline === null || view.status !== 'running') return null
  return component(Countdown, { endsAt: deadline - (serverNow - receivedAt), short })
}
