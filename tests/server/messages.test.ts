import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { indexScenario } from '../../src/core/rules/scenario-index.ts'
import { localiseScenario } from '../../src/core/scenario/localise.ts'
import { wordsIn } from '../../src/messages/index.ts'
import { refusalText, warningText } from '../../src/messages/rules.ts'
import type { ClassroomConnection } from '../../src/net/client.ts'
import { seedScenario } from '../unit/helpers.ts'
import { SCENARIO, testServer, until } from './helpers.ts'

/**
 * The classroom server sends the rules' refusals and warnings as codes with their ids, never as English
 * sentences: each student's device words them in its own language with the shared catalogue.
 */

let t: Awaited<ReturnType<typeof testServer>>
const open: ClassroomConnection[] = []
beforeAll(async () => {
  t = await testServer()
})
afterAll(async () => {
  await Promise.all(open.map((c) => c.leave()))
  await t?.stop()
})

const seed = seedScenario()
const ukrainian = indexScenario(localiseScenario(seed.scenario, 'uk'))

describe('a classroom room’s refusals and warnings', () => {
  it('carry codes and ids only, which a device words in Ukrainian with the shared catalogue', async () => {
    const created = await t.client.createRoom(t.server.adminKey, { scenario: { id: SCENARIO } })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const { code, instructorKey } = created.value
    const teacher = await t.client.join(code, { role: 'instructor', key: instructorKey })
    const ann = await t.client.join(code, { role: 'student', name: 'Ann' })
    open.push(teacher, ann)
    const seat = ann.view?.you.role === 'student' ? ann.view.you.seat : ''
    expect((await teacher.request('assign', { seat, side: 'ukraine' })).ok).toBe(true)
    expect((await teacher.request('start', {})).ok).toBe(true)
    await until(() => ann.view?.status === 'running' && ann.view.game !== null)

    // A refusal: Ukraine cannot put in Europe's reassurance force.
    const refused = await ann.command({ type: 'add', payload: { instrument: 'reassurance-force' } })
    if (refused.ok) throw new Error('the rules should refuse this')
    expect(refused.error.code).toBe('NOT_YOUR_INSTRUMENT')
    expect(refused.error.params).toEqual({ instrument: 'reassurance-force', side: 'ukraine' })
    // The message is the code itself (for logs), never a sentence in some language.
    expect(refused.error.message).toBe('NOT_YOUR_INSTRUMENT')
    const refusal = { code: 'NOT_YOUR_INSTRUMENT' as const, params: refused.error.params ?? {} }
    expect(refusalText(wordsIn('uk'), ukrainian, refusal)).toBe(
      'Сторона Україна не може внести «Багатонаціональні сили заспокоєння».',
    )
    expect(refusalText(wordsIn('en'), seed, refusal)).toBe(
      'Ukraine cannot put in “Multinational reassurance force”.',
    )

    // A warning: endorsing an empty package breaks Ukraine's own minimum of deterrence.
    const endorsed = await ann.command({ type: 'endorse', payload: {} })
    if (!endorsed.ok) throw new Error(JSON.stringify(endorsed.error))
    expect(endorsed.warned).toEqual([
      { code: 'CONSTRAINT_BROKEN', side: 'ukraine', constraint: 'ukraine-minimum-deterrence' },
    ])
    expect(JSON.stringify(endorsed)).not.toMatch(/breaks your constraint|deterrence\./)
    const [warning] = endorsed.warned
    if (!warning) throw new Error('no warning')
    expect(warningText(wordsIn('uk'), ukrainian, warning)).toBe(
      'Цей пакет порушує ваше обмеження: Україна не підтримує пакет, гарантії якого загалом дають мало реального стримування.',
    )

    // The room's CSV is worded in the language the instructor asks for, English by default.
    const uk = await t.client.exportRoom(code, instructorKey, 'csv', 'uk')
    if (!uk.ok) throw new Error(JSON.stringify(uk.error))
    expect(uk.value.startsWith('Раунд,Пакет,Відповідь,Перетнуті червоні лінії,Події,Рішення')).toBe(true)
    expect(uk.value).toContain('\r\nЧас,Автор,Сторона,Команда,Подробиці\r\n')
    const en = await t.client.exportRoom(code, instructorKey, 'csv')
    if (!en.ok) throw new Error(JSON.stringify(en.error))
    expect(en.value.startsWith('Round,Package,Verdict,Red lines crossed,Events,Decision')).toBe(true)
  })
})
