import { join } from 'node:path'
import { moveFor } from '../../scripts/load-test-moves.ts'
import type { ScenarioIndex } from '../../src/core/rules/scenario-index.ts'
import { ClassroomClient, type ClassroomConnection } from '../../src/net/client.ts'
import { loadScenarioFile, PROJECT_ROOT } from '../../src/node/scenario-files.ts'
import { SCENARIO } from './helpers.ts'

/** Each player's last refusal, to tell why a game did not end. */
export const refusals = new WeakMap<ClassroomConnection, string>()

/** The sides students play in the whole-game tests, one student each. */
export const SIDES = ['ukraine', 'europe', 'us'] as const

let index: ScenarioIndex | null = null
function scenario(): ScenarioIndex {
  if (!index)
    index = loadScenarioFile(join(PROJECT_ROOT, 'scenarios', `${SCENARIO}.yaml`), {
      skipWarnings: true,
    }).index
  if (!index) throw new Error('The scenario does not load.')
  return index
}

/** A command a student sent and the server acknowledged (answered ok). */
export interface Acknowledged {
  name: string
  type: string
  payload: string
}

/** A room of an instructor and one student per side, with the game started. */
export interface TestRoom {
  code: string
  teacher: ClassroomConnection
  students: ClassroomConnection[]
}

/**
 * Creates a room through `admin` and seats the instructor and three students, each device with a client of
 * its own, at the address `client` gives for the room's code.
 */
export async function openRoom(
  admin: ClassroomClient,
  adminKey: string,
  client: (code: string) => Promise<ClassroomClient>,
  seed: number,
): Promise<TestRoom> {
  const created = await admin.createRoom(adminKey, { scenario: { id: SCENARIO }, settings: { seed } })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const { code, instructorKey } = created.value
  const base = await client(code)
  const device = () => new ClassroomClient(base.baseUrl)
  const teacher = await device().join(code, { role: 'instructor', key: instructorKey })
  const students: ClassroomConnection[] = []
  for (const side of SIDES) {
    const student = await device().join(code, { role: 'student', name: `${side}-${code}` })
    const seat = student.view?.you.role === 'student' ? student.view.you.seat : ''
    const assigned = await teacher.request('assign', { seat, side })
    if (!assigned.ok) throw new Error(JSON.stringify(assigned.error))
    students.push(student)
  }
  const started = await teacher.request('start', {})
  if (!started.ok) throw new Error(JSON.stringify(started.error))
  return { code, teacher, students }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Plays a student's side with the computer planner until the game ends or `deadline` passes, recording
 * every command the server acknowledged. A command left unanswered (the device lost its room meanwhile) is
 * planned again once it is back; one the rules refuse waits for the game to change.
 */
export async function play(
  student: ClassroomConnection,
  side: string,
  acknowledged: Acknowledged[],
  deadline: number,
  thinkMs = 10,
): Promise<void> {
  let planned = -1
  let plannedAt = 0
  while (Date.now() < deadline) {
    const view = student.view
    const game = view?.game
    if (view?.status === 'ended' || game?.phase === 'ended') return
    // A refused move waits for the game to change; after 2 s without a change, the student thinks again
    // (as a student would), so that the players alone never hold a game up.
    if (Date.now() - plannedAt > 2000) planned = -1
    if (
      !view ||
      !game ||
      student.status !== 'connected' ||
      view.status !== 'running' ||
      student.log.length === planned
    ) {
      await pause(20)
      continue
    }
    planned = student.log.length
    plannedAt = Date.now()
    const command = moveFor(scenario(), game, side)
    if (!command) continue
    await pause(thinkMs)
    if (student.log.length !== planned) continue
    const reply = await student.command(command)
    if (reply.ok) {
      const name = view.you.role === 'student' ? view.you.name : ''
      acknowledged.push({ name, type: command.type, payload: JSON.stringify(command.payload) })
    } else {
      refusals.set(student, reply.error.code)
      if (reply.error.code === 'NOT_CONNECTED') planned = -1
    }
  }
}

/**
 * The acknowledged commands of `name` missing from the room's log (in order: each acknowledged command
 * must be found after the previous one). Empty when every acknowledged command was kept.
 */
export function missing(
  acknowledged: Acknowledged[],
  log: ClassroomConnection['log'],
  name: string,
): Acknowledged[] {
  const logged = log.filter((e) => e.by.kind === 'student' && e.by.name === name)
  const lost: Acknowledged[] = []
  let at = 0
  for (const a of acknowledged.filter((x) => x.name === name)) {
    while (
      at < logged.length &&
      !(logged[at]?.command.type === a.type && JSON.stringify(logged[at]?.command.payload) === a.payload)
    )
      at++
    if (at === logged.length) lost.push(a)
    else at++
  }
  return lost
}
