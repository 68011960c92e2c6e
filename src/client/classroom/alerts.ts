import { button, h, type View } from '../dom.ts'
import { formatDate, t } from '../i18n/index.ts'
import { alertsBetween, pulseOfSummary, pulseOfView, type RoomAlert, type RoomPulse } from './room-watch.ts'
import { type RoomEntry, statusOf } from './rooms.ts'

/** One alert of the dashboard: what happened, in which room, and when (this device's clock). */
export interface Alert {
  id: number
  code: string
  alert: RoomAlert
  at: number
}

/** The dashboard's alerts, newest last, and the last look at every room they are told from. */
export interface Alerts {
  list: Alert[]
  pulses: Map<string, RoomPulse>
  next: number
}

/** No alert yet, no room looked at yet. */
export const noAlerts = (): Alerts => ({ list: [], pulses: new Map(), next: 1 })

/**
 * How a room stands for its alerts: from its own view while the instructor is connected to it, from the
 * session's listing when this device has no key of it; null while the room cannot be known (the server is
 * away, or the connection is taking the room back), so that an outage of this device is no room's news.
 */
function pulseOf(entry: RoomEntry, unreachable: boolean): RoomPulse | null {
  if (unreachable) return null
  const connection = entry.connection
  if (connection) {
    if (connection.status !== 'connected' || !connection.view) return null
    return pulseOfView(statusOf(entry), connection.view.seats, connection.log)
  }
  return entry.summary ? pulseOfSummary(statusOf(entry), entry.summary.online) : null
}

/**
 * Looks at every room again: what changed since the last look that the instructor should know of (see
 * alertsBetween) is added to `alerts`. Returns the alerts just added.
 */
export function watchRooms(entries: readonly RoomEntry[], alerts: Alerts, unreachable: boolean): Alert[] {
  const added: Alert[] = []
  const now = Date.now()
  for (const entry of entries) {
    const pulse = pulseOf(entry, unreachable)
    if (!pulse) continue
    for (const alert of alertsBetween(alerts.pulses.get(entry.code) ?? null, pulse))
      added.push({ id: alerts.next++, code: entry.code, alert, at: now })
    alerts.pulses.set(entry.code, pulse)
  }
  alerts.list.push(...added)
  return added
}

/** An alert in a sentence: the room, what happened, and at what time. */
export function alertText({ code, alert, at }: Alert): string {
  const time = formatDate(new Date(at), { timeStyle: 'short' })
  switch (alert.kind) {
    case 'ended':
      return t('classroom.alerts.ended', { code, time })
    case 'timeUp':
      return t('classroom.alerts.timeUp', { code, time })
    case 'devicesLost':
      return t('classroom.alerts.lost', { code, time, count: alert.lost, online: alert.online })
  }
}

const BADGES = {
  ended: 'classroom.alerts.badgeEnded',
  timeUp: 'classroom.alerts.badgeTimeUp',
  devicesLost: 'classroom.alerts.badgeLost',
} as const

/** A room card's badges: one per kind of alert of room `code` not dismissed yet. */
export function alertBadges(alerts: readonly Alert[], code: string): View | null {
  const kinds = [...new Set(alerts.filter((a) => a.code === code).map((a) => a.alert.kind))]
  if (kinds.length === 0) return null
  return h(
    'p',
    { class: 'card-alerts' },
    kinds.map((kind) => h('strong', { key: kind, class: `card-alert alert-${kind}` }, t(BADGES[kind]))),
  )
}

/**
 * The alerts at the top of the dashboard, newest first, each with a button to dismiss it. The list is in a
 * log (a polite live region that stays in the page, empty or not): screen readers read each alert as it
 * comes, once.
 */
export function renderAlerts(
  alerts: readonly Alert[],
  onDismiss: (id: number) => void,
  onDismissAll: () => void,
): View {
  return h(
    'section',
    { class: `alerts${alerts.length ? ' active' : ''}`, 'aria-labelledby': 'alerts-heading' },
    [
      h('h3', { id: 'alerts-heading' }, t('classroom.alerts.heading', { count: alerts.length })),
      // The live region around the list (a list keeps its own role, for its items to stay list items).
      h(
        'div',
        { role: 'log', 'aria-labelledby': 'alerts-heading' },
        h(
          'ul',
          { class: 'plain alert-list' },
          [...alerts].reverse().map((alert) => {
            const text = alertText(alert)
            return h('li', { key: alert.id, class: `alert-${alert.alert.kind}` }, [
              h('span', {}, text),
              ' ',
              button(t('classroom.alerts.dismiss'), () => onDismiss(alert.id), {
                class: 'small',
                'aria-label': t('classroom.alerts.dismissLabel', { text }),
              }),
            ])
          }),
        ),
      ),
      alerts.length > 1
        ? button(t('classroom.alerts.dismissAll'), onDismissAll, { class: 'small' })
        : alerts.length
          ? null
          : h('p', { class: 'hint' }, t('classroom.alerts.none')),
    ],
  )
}
