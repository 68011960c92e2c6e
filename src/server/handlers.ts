import type { Message, MessageType, Reply } from '../net/protocol.ts'
import { type Classroom, fail } from './classroom.ts'
import { exportRoom, type Viewer } from './views.ts'

/**
 * Routes a checked message (its schema and the sender's role already verified, see room.ts) to the
 * Classroom action it asks for. Pure of the network: the tests call it directly too. `online` lists the
 * seats with a device connected (for clearing the seats that never played).
 */
export function handleMessage(
  room: Classroom,
  viewer: Viewer,
  type: MessageType,
  message: Message<MessageType>,
  now: Date,
  online: ReadonlySet<string> = new Set(),
): Reply {
  const student = viewer.role === 'student' ? viewer.seat : null
  switch (type) {
    case 'command': {
      // Authorised by role: a student's command is their side's, the instructor's is the instructor's.
      const { command } = message as Message<'command'>
      return student ? room.command(student, command, now) : room.instruct(command, now)
    }
    case 'pickSide': {
      if (!student) return fail('NOT_SEATED', 'Only students pick sides.')
      const m = message as Message<'pickSide'>
      return room.pickSide(student, m.side, now, m.role)
    }
    case 'assign': {
      const m = message as Message<'assign'>
      return room.assign(m.seat, m.side, now, true, m.role)
    }
    case 'addQuestion':
      // Checked here too, not only by room.ts: the questions are the instructor's.
      if (student) return fail('NOT_INSTRUCTOR', 'Only the instructor can do that.')
      return room.addQuestion((message as Message<'addQuestion'>).text, now)
    case 'removeQuestion':
      if (student) return fail('NOT_INSTRUCTOR', 'Only the instructor can do that.')
      return room.removeQuestion((message as Message<'removeQuestion'>).id, now)
    case 'answer': {
      // Only a student answers, and only for their own seat: the seat comes from the connection.
      if (!student) return fail('NOT_SEATED', 'Only students answer the questions.')
      const m = message as Message<'answer'>
      return room.answer(student, m.question, m.text, now)
    }
    case 'submitAnswers':
      if (!student) return fail('NOT_SEATED', 'Only students answer the questions.')
      return room.submitAnswers(student, now)
    case 'mute': {
      const m = message as Message<'mute'>
      return room.mute(m.seat, m.muted, now)
    }
    case 'removeSeat':
      return room.removeSeat((message as Message<'removeSeat'>).seat, now)
    case 'clearSeats':
      return room.clearIdleSeats(online, now)
    case 'configure':
      return room.configure(message as Message<'configure'>, now)
    case 'start':
      return room.start(now)
    case 'pause':
      return room.pause(now)
    case 'resume':
      return room.resume(now)
    case 'end':
      return room.end(now)
    case 'export': {
      const m = message as Message<'export'>
      const out = exportRoom(room, m.format, now, m.language)
      return out.ok ? out : fail('NOT_STARTED', out.message)
    }
  }
}
