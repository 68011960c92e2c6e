import { describe, expect, it } from 'vitest'
import { exportRoom, roomView } from '../../src/server/views.ts'
import { lobbyRoom } from './helpers.ts'

/**
 * A classroom room's debrief tells the story with the students' names, reveals every message once the game is
 * over, and names the students who played each side; the room's CSV words the story in the asked language.
 */

const T0 = new Date('2026-01-05T09:00:00Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)

function room() {
  const { room: r, seat } = lobbyRoom({ now: T0, code: 'STR234' })
  return { r, seat }
}

describe('a classroom room’s story', () => {
  const { r, seat } = room()
  const [ann, bo, cy] = [seat('Ann', 'ukraine'), seat('Bo', 'europe'), seat('Cy', 'us')]
  r.start(T0)
  const ok = (reply: { ok: boolean }) => expect(reply.ok).toBe(true)
  ok(r.command(ann, { type: 'object', payload: { reason: 'Not enough deterrence.' } }, at(1)))
  ok(
    r.command(
      bo,
      { type: 'say', payload: { channel: 'private', to: 'ukraine', text: 'We can add more.' } },
      at(2),
    ),
  )
  ok(r.command(cy, { type: 'say', payload: { channel: 'public', text: 'Let us talk.' } }, at(3)))
  r.end(at(4))

  it('is in every device’s debrief, attributed to the students, with the private messages revealed', () => {
    const debrief = roomView(r, { role: 'student', seat: cy }, new Set(), 0, at(5)).debrief
    const story = debrief?.story ?? []
    expect(story.map((e) => [e.kind, e.by.side, e.by.author?.name])).toEqual([
      ['object', 'ukraine', 'Ann'],
      ['message', 'europe', 'Bo'],
      ['message', 'us', 'Cy'],
    ])
    // Cy plays the United States: Bo's private message to Ukraine is theirs to read now that the game is over.
    expect(story[1]).toMatchObject({ channel: 'private', to: 'ukraine', text: 'We can add more.' })
    expect(story[0]).toMatchObject({ reason: 'Not enough deterrence.', by: { author: { seat: ann } } })
    expect(debrief?.seats.map((s) => [s.side, s.students])).toEqual([
      ['ukraine', ['Ann']],
      ['europe', ['Bo']],
      ['us', ['Cy']],
    ])
  })

  it('is worded in the room’s CSV in the language asked, instead of the commands’ raw payloads', () => {
    const en = exportRoom(r, 'csv', at(6))
    if (!en.ok) throw new Error(en.message)
    expect(en.text).toContain(
      `${at(1).toISOString()},Ann,Ukraine,object,objects to the package: “Not enough deterrence.”`,
    )
    expect(en.text).toContain('Bo,European governments,message,"to Ukraine, privately: “We can add more.”"')
    expect(en.text).not.toContain('{"reason"')
    const uk = exportRoom(r, 'csv', at(6), 'uk')
    if (!uk.ok) throw new Error(uk.message)
    expect(uk.text).toContain('Ann,Україна,object,заперечує проти пакета: «Not enough deterrence.»')
  })
})
