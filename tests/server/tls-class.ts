/**
 * A class over HTTPS and WSS, run by tls.test.ts in a process of its own that trusts the test's
 * certificate (NODE_EXTRA_CA_CERTS, read only when a process starts): `node --import tsx
 * tests/server/tls-class.ts https://127.0.0.1:PORT ADMIN_KEY`. Plays one room to its debrief and prints
 * one line of JSON: how it ended, and what the devices saw.
 */
import { ClassroomClient } from '../../src/net/client.ts'
import { type Acknowledged, missing, openRoom, play, SIDES } from './players.ts'

const [base, adminKey] = process.argv.slice(2)
if (!base || !adminKey) throw new Error('usage: tls-class.ts BASE_URL ADMIN_KEY')
const admin = new ClassroomClient(base)
const room = await openRoom(admin, adminKey, async () => admin, 7)
const acknowledged: Acknowledged[] = []
await Promise.all(
  room.students.map((s, i) =>
    play(s, SIDES[i] ?? '', acknowledged, Date.now() + Number(process.env.TLS_CLASS_MS ?? 140_000)),
  ),
)
const exported = await admin.exportRoom(room.code, adminKey, 'csv')
const names = room.students.map((s) => (s.view?.you.role === 'student' ? s.view.you.name : ''))
console.log(
  JSON.stringify({
    phase: room.teacher.view?.game?.phase,
    debrief: room.teacher.view?.debrief !== null,
    commands: acknowledged.length,
    lost: names.flatMap((n) => missing(acknowledged, room.teacher.log, n)).length,
    csv: exported.ok && exported.value.includes(names[0] ?? '?'),
    ...(room.teacher.view?.game?.phase === 'ended'
      ? {}
      : {
          stuck: {
            round: room.teacher.view?.game?.round,
            stances: room.teacher.view?.game?.stances,
            requests: room.teacher.view?.game?.requests.filter((r) => r.status === 'open'),
            last: room.teacher.log.slice(-6).map((e) => `${e.command.side}:${e.command.type}`),
          },
        }),
  }),
)
await Promise.all([room.teacher, ...room.students].map((c) => c.leave()))
process.exit(0)
