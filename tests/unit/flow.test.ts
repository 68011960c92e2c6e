import { describe, expect, it } from 'vitest'
import {
  afterBriefing,
  afterSummary,
  enterGame,
  type News,
  onUpdate,
  type Place,
  type Progress,
} from '../../src/client/table/flow.ts'
import type { Command } from '../../src/core/rules/commands.ts'
import type { GameState, Seat } from '../../src/core/rules/state.ts'
import { createGameStore } from '../../src/core/store.ts'
import { seedScenario } from './helpers.ts'

const index = seedScenario()
const [first, second] = index.proposers as [string, string]

function storeFor(humans: string[], seed = 3) {
  const seats = Object.fromEntries(
    index.proposers.map((s) => [s, (humans.includes(s) ? 'human' : 'computer') as Seat]),
  )
  return createGameStore(index, { scenarioId: index.scenario.id, seats, seed, difficulty: 'normal' })
}

const progress = (humans: string[], state: GameState, briefed: string[] = []): Progress => ({
  humans,
  briefed,
  state,
})

describe('the screen flow of a game in progress', () => {
  it('reads each human side its briefing behind a hand-over, then opens the table for the first', () => {
    const humans = [first, second]
    const state = storeFor(humans).getState().game
    let place = enterGame(progress(humans, state))
    expect(place).toEqual({
      acting: first,
      screen: { name: 'handover', side: first, after: { name: 'briefing', side: first, queue: [second] } },
    })
    place = { ...place, screen: (place.screen as { after: Place['screen'] }).after }
    place = afterBriefing(place, progress(humans, state))
    expect(place.acting).toBe(second)
    expect(place.screen).toMatchObject({
      name: 'handover',
      after: { name: 'briefing', side: second, queue: [] },
    })
    place = afterBriefing(
      { ...place, screen: { name: 'briefing', side: second, queue: [] } },
      progress(humans, state),
    )
    expect(place).toEqual({
      acting: first,
      screen: { name: 'handover', side: first, after: { name: 'table' } },
    })
  })

  it('needs no hand-over for one player, and skips a briefing this device has already shown', () => {
    const state = storeFor([first]).getState().game
    expect(enterGame(progress([first], state))).toEqual({
      acting: first,
      screen: { name: 'briefing', side: first, queue: [] },
    })
    expect(enterGame(progress([first], state, [first]))).toEqual({ acting: first, screen: { name: 'table' } })
  })

  it('shows the summary of every round that closes and the ending after the last, in a whole game', () => {
    const humans = [first]
    const store = storeFor(humans, 7)
    store.getState().runComputers()
    let place: Place = { acting: first, screen: { name: 'table' } }
    const summaries: number[] = []
    const news: News[] = []
    for (let step = 0; step < 400 && place.screen.name !== 'ending'; step++) {
      const before = store.getState().game
      const command: Command =
        before.phase === 'deciding'
          ? { type: 'decide', side: first, payload: { choice: 'continue' } }
          : step % 3 === 0
            ? { type: 'endorse', side: first, payload: {} }
            : { type: 'table', side: first, payload: {} }
      if (store.getState().dispatch(command).ok) store.getState().runComputers()
      const update = onUpdate(place, before, progress(humans, store.getState().game))
      news.push(...update.news)
      place = update.place
      if (place.screen.name === 'summary') {
        summaries.push(place.screen.round)
        place = afterSummary(progress(humans, store.getState().game))
      }
    }
    const { game } = store.getState()
    expect(game.phase).toBe('ended')
    expect(place.screen.name).toBe('ending')
    // One summary per round the game played, in order, the last one the round it ended in.
    expect(summaries).toEqual(game.history.map((r) => r.round))
    const told = news.flatMap((n) => (n.kind === 'responses' ? n.rounds : []))
    expect(told).toEqual(game.history.map((r) => r.round))
    expect(news.filter((n) => n.kind === 'ended')).toHaveLength(1)
  })

  it('takes a device that only watches to the ending without summaries', () => {
    const store = storeFor([], 5)
    const before = store.getState().game
    store.getState().runComputers()
    const { place, news } = onUpdate(
      { acting: null, screen: { name: 'table' } },
      before,
      progress([], store.getState().game),
    )
    expect(store.getState().game.phase).toBe('ended')
    expect(place.screen).toEqual({ name: 'ending' })
    expect(news.at(-1)).toEqual({ kind: 'ended' })
  })

  it('never interrupts a briefing, and ends a game the instructor closed without a record', () => {
    const state = storeFor([first]).getState().game
    const ended: GameState = { ...state, phase: 'ended' }
    const briefing: Place = { acting: first, screen: { name: 'briefing', side: first, queue: [] } }
    expect(onUpdate(briefing, state, progress([first], ended)).place).toBe(briefing)
    const atTable: Place = { acting: first, screen: { name: 'table' } }
    expect(onUpdate(atTable, state, progress([first], ended)).place.screen).toEqual({ name: 'ending' })
  })
})
