import type { PackageItem } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { Difficulty, GameState } from '../rules/state.ts'
import {
  byAftermath,
  groupBy,
  type PackageClass,
  type SumClass,
  type SumReaders,
  sumReaders,
} from './classes.ts'
import { pickDiverse, stateKey } from './frontier.ts'
import { asTabled, moves, readSums, withAftermath, withoutAftermath } from './moves.ts'
import { openingState, withFlags } from './offers.ts'
import { emptyTally, finalsMayMatter, isSureOpeningDeal, record, type Step, type Tally } from './tally.ts'

/**
 * A dry run of the game: which endings can be reached, in how few rounds, and what each side can score.
 *
 * Method. A breadth-first search over whole rounds, played with the real rules (the functions of flow.ts that
 * the commands call) from the opening state of each fixed seed. In every round, from every state kept, it
 * tries: a round ended untabled, and each class of packages (see classes.ts: packages the rules cannot tell
 * apart) under each setting of the settable flags, tabled with every side endorsing; after Russia's answer,
 * all proposers implementing without consent, or all continuing. When a move ends the game, it is also
 * played with each of the class's `finals`, whose scores can differ (unless a final with the same answers
 * to the scoring tests already ended the same way from the same state). States that agree on everything that
 * matters for the rest of the game are merged (see stateKey). Chance comes only from the seeded generator,
 * so everything found is "reachable with these seeds"; a state's generator differs with every draw, so
 * paths with different draws are different states. When the states to play on from in a round would take
 * the search past its budget of moves, it keeps a spread of them (see pickDiverse) and says so.
 */

export interface SearchOptions {
  seeds: readonly number[]
  difficulty: Difficulty
  /** The search's budget: most moves to play in all (a tabled package or a decision each counts one). */
  budget: number
}

export interface RoundStats {
  round: number
  /** Distinct states the round could be played from, and how many of them were. */
  states: number
  played: number
}

export interface SearchStats {
  rounds: RoundStats[]
  /** Moves played: packages tabled and decisions taken. */
  moves: number
  /** True when some states were left unplayed to stay within the budget. */
  trimmed: boolean
  /** Events that fired and red lines crossed anywhere in the explored games. */
  firedEvents: Set<string>
  crossedRedLines: Set<string>
}

export interface SearchResult extends SearchStats {
  tally: Tally
}

type Node = { seed: number; steps: Step[]; state: GameState }

/** Plays the search (see the comment above). */
export function searchGames(
  index: ScenarioIndex,
  classes: readonly PackageClass[],
  settings: readonly string[][],
  options: SearchOptions,
): SearchResult {
  const ordered = [...classes].sort((a, b) => a.rep.length - b.rep.length)
  const result: SearchResult = {
    rounds: [],
    moves: 0,
    trimmed: false,
    firedEvents: new Set(),
    crossedRedLines: new Set(),
    tally: emptyTally(),
  }
  const meters = index.scenario.meters.map((m) => m.id)
  const { rounds } = index.scenario
  const play: Play = {
    index,
    bare: withoutAftermath(index),
    classes: ordered,
    settings,
    result,
    readers: sumReaders(index),
  }
  // Until a round has been played, guess two moves per sum class and setting for each state.
  let perState = ordered.reduce((n, c) => n + c.bySums.length, 0) * settings.length * 2
  let frontier: Node[] = options.seeds.map((seed) => ({
    seed,
    steps: [],
    state: openingState(index, seed, options.difficulty),
  }))
  for (let round = 1; round <= rounds && frontier.length; round++) {
    const share = (options.budget - result.moves) / (rounds - round + 1)
    const cap = Math.max(round === 1 ? frontier.length : 1, Math.floor(share / perState))
    const played = pickDiverse(frontier, cap, meters)
    if (played.length < frontier.length) result.trimmed = true
    result.rounds.push({ round, states: frontier.length, played: played.length })
    const next = new Map<string, Node>()
    const before = result.moves
    for (const node of played)
      playRound(play, node, (n) => {
        note(result, n.state)
        const key = stateKey(n.state)
        const held = next.get(key)
        if (!held || n.state.breaches.length < held.state.breaches.length) next.set(key, n)
      })
    perState = Math.max(1, (result.moves - before) / played.length)
    frontier = [...next.values()]
  }
  return result
}

type Play = {
  index: ScenarioIndex
  /** The scenario without its aftermath: the negotiation is played with it, the aftermath apart (see End). */
  bare: ScenarioIndex
  classes: readonly PackageClass[]
  settings: readonly string[][]
  result: SearchResult
  readers: SumReaders
}

/** Notes the events and red lines of the round just played. */
function note(stats: SearchStats, state: GameState): void {
  for (const e of state.firedEvents) stats.firedEvents.add(e)
  for (const r of state.response?.redLines ?? []) stats.crossedRedLines.add(r)
}

/**
 * What a move led to from a state, kept so that the same move from the same state is made once; `fresh`
 * is true the first time only (an unfinished game goes on from there once). A game that ended with
 * guarantees in force ends here before its aftermath: sum classes that the aftermath tells apart (classes.ts)
 * play it each with their own package, without playing the negotiation again.
 */
type End = { state: GameState; how: string; where: number; fresh: boolean }

/** Every way of playing one round from `node`: finished games go to the tally, the others to `goOn`. */
function playRound(p: Play, node: Node, goOn: (node: Node) => void): void {
  const { index, bare, result } = p
  const { round } = node.state
  const gameOf = (
    state: GameState,
    tabled: PackageItem[] | null,
    flags: string[],
    decision: Step['decision'],
  ) => ({
    ...node,
    steps: [...node.steps, { round, tabled, flags, verdict: state.response?.verdict ?? null, decision }],
    state,
  })
  const untabled = moves.untabled(bare, node.state)
  result.moves++
  note(result, untabled)
  if (untabled.phase === 'ended') {
    const ended = withAftermath(index, untabled, untabled.inForce)
    record(index, result.tally, ended, node.seed, () => gameOf(ended, null, [], null))
  } else goOn(gameOf(untabled, null, [], null))
  for (const flags of p.settings) {
    const base = withFlags(index, node.state, flags)
    const places = new Map<string, number>()
    const placeOf = (state: GameState, how: string) => {
      // The ending and the aftermath's outcome score too, and an outcome need not move the meters.
      const key = `${how}|${stateKey(state)}|${state.ending?.id ?? ''}|${state.aftermath?.outcome ?? ''}`
      let at = places.get(key)
      if (at === undefined) {
        at = places.size
        places.set(key, at)
      }
      return at
    }
    // Every side's score in the games finished from here, by end and answer to the scoring tests: a final
    // package of another class that leads to the same end and scores the same adds nothing.
    const scored = new Map<string, ReadonlyMap<string, number>>()
    const ends = new Map<string, End>()
    const decide = (key: string, state: GameState, choice: 'implement' | 'continue'): End => {
      const held = ends.get(key)
      if (held) return { ...held, fresh: false }
      result.moves++
      const after = moves.decide(bare, state, choice)
      note(result, after)
      const end = { state: after, how: choice, where: placeOf(after, choice), fresh: true }
      ends.set(key, end)
      return end
    }
    /**
     * Scores a finished game: with guarantees in force, once the aftermath is played for each group of sum
     * classes that it tells apart (one group when it reads nothing of the package beyond its class).
     */
    const finish = (
      end: End,
      sums: readonly SumClass[],
      swing: ReadonlyMap<string, number>,
      decision: Step['decision'],
    ) => {
      if (!end.state.inForce || !index.scenario.aftermath) return scoreEnd(end, sums, swing, decision)
      for (const group of byAftermath(sums, p.readers.aftermath)) {
        const items = group[0]?.rep ?? end.state.inForce
        const state = withAftermath(index, asTabled(bare, base, end.state, items), items)
        scoreEnd({ ...end, state, where: placeOf(state, end.how) }, group, swing, decision)
      }
    }
    /**
     * Scores a finished game with the first final package of `sums`, then with the others when they could
     * change a side's best or worst (by at most `swing`), and always for sure deals of round 1, the
     * candidates for a dominant package.
     */
    const scoreEnd = (
      end: End,
      sums: readonly SumClass[],
      swing: ReadonlyMap<string, number>,
      decision: Step['decision'],
    ) => {
      const onRecord = end.state.history.at(-1)?.tabled
      const scoreWith = (final: { items: PackageItem[]; key: string }) => {
        const key = `${end.where}|${final.key}`
        let scores = scored.get(key)
        if (!scores) {
          const state = final.items === onRecord ? end.state : asTabled(bare, base, end.state, final.items)
          scores = record(index, result.tally, state, node.seed, () =>
            gameOf(state, final.items, flags, decision),
          )
          scored.set(key, scores)
        }
        return scores
      }
      const first = sums[0]?.finals[0]
      if (!first) return
      const scores = scoreWith(first)
      if (!isSureOpeningDeal(index, end.state) && !finalsMayMatter(result.tally, scores, swing)) return
      for (const c of sums) for (const final of c.finals) scoreWith(final)
    }
    const table = (items: PackageItem[]) => {
      result.moves++
      const state = moves.table(bare, base, items)
      note(result, state)
      return state
    }
    for (const c of p.classes) {
      const tabled = table(c.rep)
      // Sum classes part ways only once an effect reads the package's sums (those alike there play alike);
      // until then one play serves all.
      const plays = readSums(p.readers, tabled)
        ? groupBy(c.bySums, (s) => s.sums).map((sums, i) => ({
            items: sums[0]?.rep ?? c.rep,
            state: i === 0 ? tabled : table(sums[0]?.rep ?? c.rep),
            sums,
            swing: sums.length === 1 ? (sums[0]?.swing ?? c.swing) : c.swing,
          }))
        : [{ items: c.rep, state: tabled, sums: c.bySums, swing: c.swing }]
      for (const { state, items, sums, swing } of plays) {
        if (state.phase === 'ended') {
          finish({ state, how: 'table', where: placeOf(state, 'table'), fresh: true }, sums, swing, null)
          continue
        }
        const at = stateKey(state)
        const carryOn = decide(`continue|${at}`, state, 'continue')
        if (carryOn.state.phase === 'ended') finish(carryOn, sums, swing, 'continue')
        else if (carryOn.fresh) goOn(gameOf(carryOn.state, items, flags, 'continue'))
        if (p.readers.unilateral)
          for (const group of groupBy(sums, (s) => s.sums)) {
            const rep = group[0]?.rep ?? items
            const chosen = rep === items ? state : { ...state, package: rep }
            const end = decide(`implement|${at}|${group[0]?.sums}`, chosen, 'implement')
            const reach = group.length === 1 ? (group[0]?.swing ?? swing) : swing
            if (end.state.phase === 'ended') finish(end, group, reach, 'implement')
            else if (end.fresh) goOn(gameOf(asTabled(bare, base, end.state, rep), rep, flags, 'implement'))
          }
        else {
          const end = decide(`implement|${at}`, state, 'implement')
          if (end.state.phase === 'ended') finish(end, sums, swing, 'implement')
          else if (end.fresh) goOn(gameOf(end.state, items, flags, 'implement'))
        }
      }
    }
  }
}
