/**
 * Which classroom screen the address asks for, read from its fragment (never sent to any server):
 *
 * - `#instructor=KEY`: the instructor's dashboard, with the session's admin key (as `npm run classroom`
 *   prints it); `#instructor` alone reopens it with the key this tab already keeps;
 * - `#join` or `#join=CODE`: a student joins a room (the join link and the QR code carry the code);
 * - `#room=CODE`: a student's seat in a room (a reload takes the seat back);
 * - `#projector=CODE`: the big code and QR code for the class's screen.
 *
 * This module is imported by the first, tiny script, so it stays free of any other import.
 */
export type ClassroomRoute =
  | { kind: 'instructor'; adminKey: string | null }
  | { kind: 'join'; code: string | null }
  | { kind: 'room'; code: string }
  | { kind: 'projector'; code: string }

/** A code as typed or carried in a link, in capitals without spaces or dashes (checked later, by the room). */
const cleanCode = (value: string): string => decodeURIComponent(value).toUpperCase().replace(/[\s-]/g, '')

/** The classroom screen `hash` names, or null for the game on this device. */
export function classroomRoute(hash: string): ClassroomRoute | null {
  const match = /^#(instructor|join|room|projector)(?:=(.*))?$/.exec(hash)
  if (!match) return null
  const value = match[2] ?? ''
  let text: string
  try {
    text = cleanCode(value)
  } catch {
    text = ''
  }
  switch (match[1]) {
    case 'instructor':
      return { kind: 'instructor', adminKey: value ? value.trim() : null }
    case 'join':
      return { kind: 'join', code: text || null }
    case 'room':
      return text ? { kind: 'room', code: text } : { kind: 'join', code: null }
    default:
      return text ? { kind: 'projector', code: text } : { kind: 'join', code: null }
  }
}

/** The fragment of a route, e.g. `#room=AB3K7P`; the instructor's never carries the key. */
export function routeHash(route: ClassroomRoute): string {
  switch (route.kind) {
    case 'instructor':
      return '#instructor'
    case 'join':
      return route.code ? `#join=${route.code}` : '#join'
    case 'room':
      return `#room=${route.code}`
    case 'projector':
      return `#projector=${route.code}`
  }
}

/**
 * Reloads the page when the fragment moves to or from a classroom screen (e.g. "Join a class" on the title
 * screen, a join link opened in a tab that shows the game, a projector link typed over a student's page):
 * each classroom screen is a page of its own. The pages change their own fragment with `replaceState`,
 * which fires no event, so only a person's or a link's change of address reloads.
 */
export function reloadOnModeChange(): void {
  window.addEventListener('hashchange', (event) => {
    const before = classroomRoute(new URL(event.oldURL).hash)
    const after = classroomRoute(new URL(event.newURL).hash)
    if (before || after) location.reload()
  })
}
