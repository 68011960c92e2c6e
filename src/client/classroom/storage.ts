/**
 * What a classroom device keeps between page loads. A student's seat token (per room code, in
 * localStorage, so a reload or a browser restart takes the same seat back); the instructor keys of the rooms
 * this device created (localStorage, so the dashboard can run them again); the session's admin key (this
 * tab only, in sessionStorage: it is removed from the address bar as soon as it is read, since the
 * dashboard may be on a projector). Nothing else: no names, no accounts. Storage may be refused (private
 * modes): then nothing is kept and a reload asks again.
 */

const SEAT = 'red-lines:classroom:seat:'
const ROOM_KEY = 'red-lines:classroom:room-key:'
const ADMIN = 'red-lines:classroom:admin'

function get(store: () => Storage, key: string): string | null {
  try {
    return store().getItem(key)
  } catch {
    return null
  }
}

function set(store: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) store().removeItem(key)
    else store().setItem(key, value)
  } catch {
    // Not kept: a reload will ask again.
  }
}

const local = () => localStorage
const session = () => sessionStorage

/** The seat token this device holds in room `code`. */
export const seatToken = (code: string): string | null => get(local, SEAT + code)
export const keepSeatToken = (code: string, token: string | null): void => set(local, SEAT + code, token)

/** The instructor key of room `code`, when this device created the room or was given its key. */
export const roomKey = (code: string): string | null => get(local, ROOM_KEY + code)
export const keepRoomKey = (code: string, key: string | null): void => set(local, ROOM_KEY + code, key)

/** The session's admin key for this tab. */
export const adminKey = (): string | null => get(session, ADMIN)
export const keepAdminKey = (key: string | null): void => set(session, ADMIN, key)

const BRIEFED = 'red-lines:classroom:briefed:'

/** The side whose briefing this tab has shown in room `code` (so a reload goes straight back to the table). */
export const briefedSide = (code: string): string | null => get(session, BRIEFED + code)
export const keepBriefedSide = (code: string, side: string): void => set(session, BRIEFED + code, side)
