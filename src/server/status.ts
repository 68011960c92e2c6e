import type { Message, Reply } from '../net/protocol.ts'
import { fail, ok } from './reply.ts'
import type { RosterRoom } from './roster.ts'

/**
 * The instructor's hold on a room's course: its settings, pausing and resuming (the round timer keeps the
 * time left while paused, so a pause costs the class nothing), and ending it. These change only the room's
 * record, never the game itself: the rules' state moves only by commands (classroom.ts).
 */

/** Changes the room's settings: picking, the round timer (from now on), and the difficulty before the start. */
export function configure(room: RosterRoom, settings: Message<'configure'>, now: Date): Reply {
  const { file } = room
  if (file.status === 'ended') return fail('ROOM_ENDED', 'The game is over.')
  const s = file.settings
  if (settings.picking !== undefined) s.picking = settings.picking
  if (settings.difficulty !== undefined) {
    // The difficulty is part of the game's setup, which the log replays from.
    if (file.setup) return fail('ALREADY_STARTED', 'The difficulty is fixed once the game has started.')
    s.difficulty = settings.difficulty
  }
  if (settings.timerSeconds !== undefined) {
    s.timerSeconds = settings.timerSeconds
    const ms = settings.timerSeconds === null ? null : settings.timerSeconds * 1000
    if (file.status === 'running') file.timer.deadline = ms === null ? null : now.getTime() + ms
    if (file.status === 'paused') file.timer.remainingMs = ms
  }
  room.note(now, `Settings: ${JSON.stringify(settings)}`)
  return ok
}

/** Pauses a running game; the round timer keeps the time left. */
export function pause(room: RosterRoom, now: Date): Reply {
  const { file } = room
  if (file.status !== 'running')
    return fail(file.status === 'paused' ? 'PAUSED' : 'NOT_STARTED', 'Only a running game can be paused.')
  const { deadline } = file.timer
  file.timer = {
    deadline: null,
    remainingMs: deadline === null ? null : Math.max(0, deadline - now.getTime()),
  }
  file.status = 'paused'
  room.note(now, 'Paused')
  return ok
}

/** Resumes a paused game with the time that was left. */
export function resume(room: RosterRoom, now: Date): Reply {
  const { file } = room
  if (file.status !== 'paused') return fail('NOT_PAUSED', 'The game is not paused.')
  const { remainingMs } = file.timer
  file.timer = { deadline: remainingMs === null ? null : now.getTime() + remainingMs, remainingMs: null }
  file.status = 'running'
  room.note(now, 'Resumed')
  return ok
}

/** Ends the game where it stands: no more commands; the debrief shows it as it is. */
export function end(room: RosterRoom, now: Date): Reply {
  const { file } = room
  if (file.status === 'ended') return fail('ROOM_ENDED', 'The game is already over.')
  file.status = 'ended'
  file.timer = { deadline: null, remainingMs: null }
  room.note(now, 'Game ended by the instructor')
  return ok
}
