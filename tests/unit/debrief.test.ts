import { describe, expect, it } from 'vitest'
import { buildDebrief } from '../../src/core/debrief/debrief.ts'
import type { Command } from '../../src/core/rules/commands.ts'
import { scoreSides } from '../../src/core/rules/scoring.ts'
import type { GameSetup, GameState, Seat } from '../../src/core/rules/state.ts'
import { createGameStore } from '../../src/core/store.ts'
import { seedScenario } from './helpers.ts'

const index = seedScenario()

function setupFor(seats: Seat | Record<string, Seat>, seed: number): GameSetup {
  const all = typeof seats === 'string' ? Object.fromEntries(index.proposers.map((s) => [s, seats])) : seats
  return { scenarioId: index.scenario.id, seats: all, seed, difficulty: 'normal' }
}

/** What every debrief must agree with: the state it was built from. */
function expectConsistent(game: GameState, setup: GameSetup, log: Command[]) {
  const debrief = buildDebrief(index, setup, game, log)
  expect(debrief.roundsPlayed).toBe(game.history.length)
  for (const m of debrief.meters) {
    expect(m.values).toHaveLength(game.history.length + 1)
    expect(m.values[0]).toBe(index.meters.get(m.id)?.start)
    // The chart ends with the last round; the aftermath's outcome may move a meter after it.
    const moved = debrief.aftermath?.meters.find((a) => a.id === m.id)
    expect(m.values.at(-1)).toBe(moved ? moved.before : game.meters[m.id])
    if (moved) expect(moved.after).toBe(game.meters[m.id])
  }
  // The hidden draw is revealed, and the aftermath is there exactly when one was played out.
  expect(debrief.resolve.map((r) => r.firmness)).toEqual(
    index.scenario.redLines.filter((r) => r.resolve).map((r) => game.resolve[r.id]),
  )
  expect(debrief.aftermath?.outcome).toBe(game.aftermath?.outcome)
  expect(debrief.mode).toBe(setup.mode ?? 'play')
  expect(debrief.timeline.map((r) => r.round)).toEqual(game.history.map((h) => h.round))
  expect(debrief.timeline.map((r) => r.verdict)).toEqual(game.history.map((h) => h.response?.verdict ?? null))
  expect(debrief.timeline.map((r) => r.decision)).toEqual(game.history.map((h) => h.decision))
  expect(debrief.timeline.map((r) => r.package?.map((i) => i.instrument) ?? null)).toEqual(
    game.history.map((h) => h.tabled?.map((i) => i.instrument) ?? null),
  )
  expect(debrief.timeline.map((r) => r.events.map((e) => e.id))).toEqual(game.history.map((h) => h.events))
  expect(debrief.scores.map(({ name: _name, ...s }) => s)).toEqual(scoreSides(index, game))
  expect(debrief.outcome?.id).toBe(game.ending?.id)
  const crossed = game.history.flatMap((h) => h.response?.redLines ?? [])
  for (const r of debrief.redLines) expect(r.times).toBe(crossed.filter((id) => id === r.id).length)
  expect(new Set(debrief.redLines.map((r) => r.id))).toEqual(new Set(crossed))
  // Plain data: it survives JSON unchanged, so a screen, a file or the network can carry it.
  expect(JSON.parse(JSON.stringify(debrief))).toEqual(debrief)
  return debrief
}

describe('the debrief', () => {
  it.each([1, 2, 3, 42])('of a game played by computers alone (seed %i) agrees with the game', (seed) => {
    const setup = setupFor('computer', seed)
    const store = createGameStore(index, setup)
    store.getState().runComputers(5000)
    const { game, log } = store.getState()
    expect(game.phase).toBe('ended')
    const debrief = expectConsistent(game, setup, log)
    expect(debrief.seats.map((s) => s.seat)).toEqual(['computer', 'computer', 'computer'])
    expect(debrief.difficulty).toBe('normal')
    // The ending's own words only: who came out ahead is data (`ahead`), which the catalogue words.
    const ending = index.scenario.endings.find((e) => e.id === debrief.outcome?.id)
    expect(debrief.outcome?.text).toBe(ending?.text)
    expect(debrief.scores.every((s) => typeof s.ahead === 'boolean')).toBe(true)
  })

  it('of a game with a human Ukraine who always endorses, tables and goes on', () => {
    const setup = setupFor({ ukraine: 'human', europe: 'computer', us: 'computer' }, 7)
    const store = createGameStore(index, setup)
    for (let step = 0; step < 200 && store.getState().game.phase !== 'ended'; step++) {
      store.getState().runComputers()
      const { game, dispatch } = store.getState()
      if (game.phase === 'deciding')
        dispatch({ type: 'decide', side: 'ukraine', payload: { choice: 'continue' } })
      else if (game.phase === 'negotiating' && !dispatch({ type: 'table', side: 'ukraine', payload: {} }).ok)
        if (!game.stances.ukraine) dispatch({ type: 'endorse', side: 'ukraine', payload: {} })
        else dispatch({ type: 'endRound', side: 'ukraine', payload: {} })
    }
    const { game, log } = store.getState()
    expect(game.phase).toBe('ended')
    const debrief = expectConsistent(game, setup, log)
    expect(debrief.seats.find((s) => s.side === 'ukraine')?.seat).toBe('human')
  })

  describe('of a scripted hot-seat game', () => {
    const setup = setupFor('human', 3)
    const all = (type: 'endorse', sides = index.proposers) =>
      sides.map((side) => ({ type, side, payload: {} }) as Command)
    const decide = (choice: 'continue' | 'implement') =>
      index.proposers.map((side) => ({ type: 'decide', side, payload: { choice } }) as Command)
    const script: Command[] = [
      { type: 'add', side: 'europe', payload: { instrument: 'reassurance-force' } },
      { type: 'add', side: 'us', payload: { instrument: 'article5-style-clause', variant: 'could' } },
      ...all('endorse'),
      { type: 'table', side: 'ukraine', payload: {} },
      ...decide('continue'),
      { type: 'withdraw', side: 'europe', payload: { instrument: 'reassurance-force' } },
      { type: 'add', side: 'europe', payload: { instrument: 'nato-lite' } },
      { type: 'add', side: 'europe', payload: { instrument: 'military-financial-aid' } },
      { type: 'setFlag', side: 'us', payload: { flag: 'public-talks', value: false } },
      { type: 'add', side: 'us', payload: { instrument: 'european-security-talks' } },
      ...all('endorse'),
      { type: 'table', side: 'ukraine', payload: {} },
    ]
    const store = createGameStore(index, setup)
    for (const c of script) {
      const out = store.getState().dispatch(c)
      if (!out.ok) throw new Error(`${c.type}: ${out.refusal.code}`)
    }
    const { game, log } = store.getState()
    const debrief = expectConsistent(game, setup, log)

    it('tells the rounds, the red lines crossed with their words, and the breaches', () => {
      expect(debrief.timeline[0]?.verdict).toBe('reject')
      expect(debrief.responder).toEqual({ side: 'russia', name: 'Russia' })
      expect(debrief.timeline[0]?.redLines.map((r) => r.id)).toContain('no-european-peacekeepers')
      expect(debrief.timeline[0]?.package?.[0]).toMatchObject({
        name: 'Multinational reassurance force',
        backerName: 'European governments',
      })
      expect(debrief.timeline[1]?.events.map((e) => e.id)).toContain('lavrov-hostile-measures-speech')
      const peskov = debrief.redLines.find((r) => r.id === 'no-european-peacekeepers')
      expect(peskov).toMatchObject({ kind: 'demandRemoval', times: 1, rounds: [1] })
      expect(peskov?.stated[0]).toMatchObject({ speakerName: 'Dmitry Peskov', date: 'August 27' })
      expect(peskov?.stated[0]?.quote.length).toBeGreaterThan(10)
      expect(index.scenario.seeds.map((s) => s.file)).toContain(peskov?.stated[0]?.seed)
      // The reassurance force and the "could" clause add up to 9: below Ukraine's minimum of 10.
      expect(debrief.breaches).toContainEqual({
        side: 'ukraine',
        sideName: 'Ukraine',
        constraint: 'ukraine-minimum-deterrence',
        text: 'Ukraine does not endorse a package whose guarantees add up to little real deterrence.',
        round: 1,
      })
    })

    it('ends on the deal and says what would have changed Russia’s last answer', () => {
      expect(game.phase).toBe('ended')
      expect(debrief.outcome).toMatchObject({
        id: 'deal',
        kind: 'deal',
        title: 'Guarantees agreed',
        round: 2,
      })
      expect(debrief.whatIf?.round).toBe(2)
      expect(debrief.whatIf?.actualVerdict).toBe('accept')
      expect(debrief.whatIf?.before.disposition).toBe(game.response?.disposition)
      expect(debrief.whatIf?.alternatives.every((a) => a.after.verdict !== 'accept')).toBe(true)
    })
  })
})
