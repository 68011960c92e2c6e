import { describe, expect, it } from 'vitest'
import { buildDebrief } from '../../src/core/debrief/debrief.ts'
import { type StoryAuthor, type StoryEntry, storyGroup, storyOf } from '../../src/core/debrief/story.ts'
import { type Command, INSTRUCTOR } from '../../src/core/rules/commands.ts'
import { indexScenario } from '../../src/core/rules/scenario-index.ts'
import type { GameSetup } from '../../src/core/rules/state.ts'
import { createGameStore } from '../../src/core/store.ts'
import { wordsIn } from '../../src/messages/index.ts'
import { storyLine, storyText } from '../../src/messages/story.ts'
import { harbour, seedScenario } from './helpers.ts'

// The harbour with an event only the instructor brings in (the fixture itself has none).
const index = indexScenario({
  ...harbour().scenario,
  events: [
    {
      id: 'storm',
      title: 'A storm',
      text: 'A storm raises tempers.',
      round: 99,
      chance: 1,
      repeat: false,
      effects: [{ meter: 'tension', add: 15 }],
      source: [],
    },
  ],
})

const setupOf = (south: 'human' | 'computer'): GameSetup => ({
  scenarioId: 'harbour',
  seats: { north: 'human', south },
  seed: 7,
  difficulty: 'normal',
})

const say = (side: string, text: string, channel: 'public' | 'team' | 'private', to?: string): Command => ({
  type: 'say',
  side,
  payload: { channel, text, ...(to ? { to } : {}) },
})
const endorse = (side: string): Command => ({ type: 'endorse', side, payload: {} })

/** Three rounds: a refused trade, an objection, a storm, an overrule, votes, a withdrawal granted, a deal. */
const GAME: Command[] = [
  { type: 'add', side: 'north', payload: { instrument: 'patrol' } },
  { type: 'request', side: 'south', payload: { to: 'north', instrument: 'fund', variant: 'small' } },
  { type: 'decline', side: 'north', payload: { request: 0, reason: 'Too costly for us.' } },
  say('north', 'We bring boats.', 'public'),
  say('south', 'Please, no boats.', 'private', 'north'),
  { type: 'object', side: 'south', payload: { reason: 'Boats will anger the mayor.' } },
  { type: 'inject', side: INSTRUCTOR, payload: { event: 'storm' } },
  endorse('south'),
  endorse('north'),
  { type: 'table', side: 'north', payload: {} },
  {
    type: 'overrule',
    side: INSTRUCTOR,
    payload: { verdict: 'demandRemoval', reason: 'The mayor would bargain.' },
  },
  { type: 'decide', side: 'north', payload: { choice: 'continue' } },
  { type: 'decide', side: 'south', payload: { choice: 'continue' } },
  { type: 'request', side: 'south', payload: { to: 'north', instrument: 'patrol', action: 'withdraw' } },
  { type: 'withdraw', side: 'north', payload: { instrument: 'patrol' } },
  say('south', '  Hold firm.  ', 'team'),
  endorse('north'),
  { type: 'object', side: 'south', payload: { reason: 'Still nothing for the harbour.' } },
  { type: 'endRound', side: 'south', payload: {} },
  { type: 'add', side: 'south', payload: { instrument: 'station' } },
  endorse('north'),
  endorse('south'),
  { type: 'table', side: 'south', payload: {} },
]

function play(setup: GameSetup, commands: readonly Command[]) {
  const store = createGameStore(index, setup)
  for (const command of commands) {
    const outcome = store.getState().dispatch(command)
    if (!outcome.ok) throw new Error(`${command.type} refused: ${outcome.refusal.code}`)
  }
  return store.getState()
}

// As a classroom room's log says who sent each command: Ann plays North, Bo South, the instructor the rest.
const AUTHORS: StoryAuthor[] = GAME.map((c) =>
  c.side === INSTRUCTOR
    ? { name: '', kind: 'instructor' }
    : c.side === 'north'
      ? { name: 'Ann', seat: 's1', kind: 'student' }
      : { name: 'Bo', seat: 's2', kind: 'student' },
)

const brief = (e: StoryEntry) => [e.round, e.kind, e.by.side, e.by.author?.name ?? null]

describe('the debrief’s story', () => {
  const setup = setupOf('human')
  const { game, log } = play(setup, GAME)
  const story = storyOf(index, setup, game, log, AUTHORS)

  it('tells every move, message, answer and event in the order they happened, each attributed', () => {
    expect(game.ending?.id).toBe('deal')
    expect(story.map(brief)).toEqual([
      [1, 'add', 'north', 'Ann'],
      [1, 'request', 'south', 'Bo'],
      [1, 'decline', 'north', 'Ann'],
      [1, 'message', 'north', 'Ann'],
      [1, 'message', 'south', 'Bo'],
      [1, 'object', 'south', 'Bo'],
      [1, 'event', INSTRUCTOR, ''],
      [1, 'endorse', 'south', 'Bo'],
      [1, 'endorse', 'north', 'Ann'],
      [1, 'table', 'north', 'Ann'],
      // Russia's answer as the rules gave it, right after the tabling; then the instructor's overrule.
      [1, 'answer', 'harbour', null],
      [1, 'overrule', INSTRUCTOR, ''],
      [1, 'vote', 'north', 'Ann'],
      [1, 'vote', 'south', 'Bo'],
      [1, 'decision', null, null],
      [2, 'request', 'south', 'Bo'],
      [2, 'withdraw', 'north', 'Ann'],
      [2, 'message', 'south', 'Bo'],
      [2, 'endorse', 'north', 'Ann'],
      [2, 'object', 'south', 'Bo'],
      [2, 'endRound', 'south', 'Bo'],
      [3, 'add', 'south', 'Bo'],
      [3, 'endorse', 'north', 'Ann'],
      [3, 'endorse', 'south', 'Bo'],
      [3, 'table', 'south', 'Bo'],
      [3, 'answer', 'harbour', null],
      [3, 'ending', null, null],
    ])
    // What follows a command is placed after it in the log.
    expect(story.map((e) => e.at)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10, 11, 12, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 22, 22,
    ])
  })

  it('keeps the reasons, the requests, the answers, the overrule and the messages as data', () => {
    const of = <K extends StoryEntry['kind']>(kind: K) =>
      story.filter((e): e is Extract<StoryEntry, { kind: K }> => e.kind === kind)
    expect(of('decline')[0]).toMatchObject({
      reason: 'Too costly for us.',
      request: { number: 0, from: 'south', to: 'north', instrument: 'fund', variant: 'small', action: 'add' },
    })
    expect(of('object').map((e) => e.reason)).toEqual([
      'Boats will anger the mayor.',
      'Still nothing for the harbour.',
    ])
    expect(of('event')).toMatchObject([{ event: 'storm', injected: true }])
    expect(of('answer')[0]).toMatchObject({ verdict: 'reject', redLines: ['no-boats'], yielded: [] })
    expect(of('answer')[1]).toMatchObject({ verdict: 'accept', redLines: [] })
    expect(of('overrule')[0]).toMatchObject({
      verdict: 'demandRemoval',
      rulesVerdict: 'reject',
      reason: 'The mayor would bargain.',
    })
    expect(of('decision')[0]).toMatchObject({ decision: 'continue' })
    // The withdrawal granted the second request, which asked for it.
    expect(of('withdraw')[0]).toMatchObject({ instrument: 'patrol', grants: [1] })
    expect(of('add')[0]?.grants).toEqual([])
    expect(of('table')[0]?.items).toEqual([{ instrument: 'patrol', backedBy: 'north' }])
    expect(of('message').map(({ channel, to, text }) => ({ channel, to, text }))).toEqual([
      { channel: 'public', to: undefined, text: 'We bring boats.' },
      { channel: 'private', to: 'north', text: 'Please, no boats.' },
      { channel: 'team', to: undefined, text: 'Hold firm.' },
    ])
    expect(of('ending')[0]).toMatchObject({ ending: 'deal', endingKind: 'deal', round: 3 })
    expect(story.map(storyGroup).filter((g) => g === 'messages')).toHaveLength(3)
  })

  it('is worded from the catalogue in English and Ukrainian, students named with their side', () => {
    const en = wordsIn('en')
    const line = (e: StoryEntry | undefined) => (e ? storyLine(en, index, e) : null)
    expect(line(story[2])).toEqual({
      who: 'Ann (North town)',
      what: 'declines request 1, from South town, to add Joint fund (Small)',
      said: 'Too costly for us.',
    })
    expect(line(story[4])).toMatchObject({ who: 'Bo (South town)', what: 'to North town, privately' })
    expect(line(story[6])).toEqual({
      who: 'The instructor',
      what: 'brings in an event: A storm',
      detail: 'A storm raises tempers.',
      effects: ['Tension +15'],
    })
    // An event's effects follow its text in the exports' one line, worded as its card words them.
    expect(storyText(en, index, story[6] as StoryEntry)).toBe(
      'brings in an event: A storm. A storm raises tempers. It changes: Tension +15.',
    )
    const texts = story.map((e) => storyText(en, index, e))
    expect(texts[5]).toBe('objects to the package: “Boats will anger the mayor.”')
    expect(texts[10]).toBe('rejects the package. Red line crossed: No foreign patrol boats.')
    expect(texts[11]).toBe(
      'overrules The harbour’s answer: “demand removal” instead of the rules’ “reject”: “The mayor would bargain.”',
    )
    expect(texts[16]).toBe('withdraws Patrol boats, granting request 2.')
    expect(texts[17]).toBe('to their team: “Hold firm.”')
    expect(texts.at(-1)).toBe('The game ends: Deal.')
    const uk = wordsIn('uk')
    expect(storyText(uk, index, story[5] as StoryEntry)).toBe(
      'заперечує проти пакета: «Boats will anger the mayor.»',
    )
    expect(storyLine(uk, index, story[4] as StoryEntry).what).toBe('стороні North town, особисто')
    expect(storyLine(uk, index, story[6] as StoryEntry).who).toBe('Інструктор')
    expect(storyText(uk, index, story[6] as StoryEntry)).toContain('Вона змінює: Tension +15.')
  })

  it('names the side in solo and hot-seat play, marking a computer-played one', () => {
    const solo = setupOf('computer')
    const { game: g, log: l } = play(solo, GAME.slice(0, 3))
    const told = storyOf(index, solo, g, l)
    expect(told.map((e) => e.by)).toEqual([
      { side: 'north' },
      { side: 'south', computer: true },
      { side: 'north' },
    ])
    const en = wordsIn('en')
    expect(told.map((e) => storyLine(en, index, e).who)).toEqual([
      'North town',
      'South town (computer)',
      'North town',
    ])
  })

  it('is part of the debrief, and survives JSON', () => {
    const debrief = buildDebrief(index, setup, game, log, AUTHORS)
    expect(debrief.story).toEqual(story)
    expect(JSON.parse(JSON.stringify(debrief.story))).toEqual(story)
    expect(buildDebrief(index, setup, game, log).story.every((e) => e.by.author === undefined)).toBe(true)
  })
})

describe('the story of games played by computers alone', () => {
  const seed = seedScenario()
  it.each([1, 42])('agrees with the log and the state (seed %i)', (n) => {
    const setup: GameSetup = {
      scenarioId: seed.scenario.id,
      seats: Object.fromEntries(seed.proposers.map((s) => [s, 'computer'])),
      seed: n,
      difficulty: 'normal',
    }
    const store = createGameStore(seed, setup)
    store.getState().runComputers(5000)
    const { game, log } = store.getState()
    const story = storyOf(seed, setup, game, log)
    // Every command is told once, in order, by its side.
    const told = story.filter((e) => e.by.side !== null && e.by.side !== seed.responder)
    expect(told.map((e) => e.at)).toEqual(log.map((_, i) => i))
    expect(told.every((e) => e.by.side === log[e.at]?.side && e.by.computer)).toBe(true)
    // One answer per package tabled, with the round's verdict (no overrule here), in round order.
    const answers = story.filter((e) => e.kind === 'answer')
    const tabled = game.history.filter((h) => h.response)
    expect(answers.map((a) => [a.round, a.kind === 'answer' && a.verdict])).toEqual(
      tabled.map((h) => [h.round, h.response?.verdict]),
    )
    // The rounds never go back, and the story ends with the ending and the years after, if any.
    expect(story.every((e, i) => i === 0 || e.round >= (story[i - 1]?.round ?? 0))).toBe(true)
    const end = story.findIndex((e) => e.kind === 'ending')
    expect(story[end]).toMatchObject({ ending: game.ending?.id, round: game.ending?.round })
    const after = story.slice(end + 1)
    expect(after.filter((e) => e.kind === 'aftermathYear')).toHaveLength(game.aftermath?.years.length ?? 0)
    expect(after.length).toBe(game.aftermath ? game.aftermath.years.length + 1 : 0)
    // Scheduled events are told once each, in the round that fired them.
    const events = story
      .filter((e) => e.kind === 'event')
      .map((e) => [e.round, e.kind === 'event' && e.event])
    expect(events).toEqual(game.history.flatMap((h) => h.events.map((id) => [h.round, id])))
  })
})
