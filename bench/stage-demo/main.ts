/**
 * A page to look at the Phaser stage without the app: it loads the shipped scenario, creates a store with every
 * side played by the computer and mounts the stage (which runs in its own frame, `/stage.html`).
 * `window.demo.step(n)` plays n commands; `?reduced=1` turns motion off; `?seed=N` picks the game; `?stage=0`
 * leaves the stage out (to tell its cost from the computer players'). Used by hand, by bench/stage-checks.mjs,
 * bench/stage-shots.mjs and the browser bench.
 */

import { loadCatalogue, playable } from '../../src/client/scenarios.ts'
import { mountStage } from '../../src/client/stage/index.ts'
import { nextComputerCommand } from '../../src/core/ai/computer-player.ts'
import type { Command } from '../../src/core/rules/commands.ts'
import { createGameStore } from '../../src/core/store.ts'

const params = new URLSearchParams(location.search)
const status = document.getElementById('status') as HTMLElement
const container = document.getElementById('stage') as HTMLElement
const index = playable(loadCatalogue())[0]
if (!index) throw new Error('no playable scenario')
const seats = Object.fromEntries(index.proposers.map((s) => [s, 'computer' as const]))
const store = createGameStore(index, {
  scenarioId: index.scenario.id,
  seats,
  seed: Number(params.get('seed') ?? 7),
  difficulty: 'normal',
})
const stage =
  params.get('stage') === '0'
    ? { destroy() {} }
    : await mountStage(container, store, index, { reducedMotion: params.get('reduced') === '1' })

/** How long each call of step() took (the computer players and the store, without the stage's frames). */
const timings: number[] = []

/** Plays up to n computer commands; returns the commands played. */
function step(n = 1): Command[] {
  const played: Command[] = []
  const t0 = performance.now()
  for (let i = 0; i < n; i++) {
    const command = nextComputerCommand(index as NonNullable<typeof index>, store.getState().game)
    if (!command || !store.getState().dispatch(command).ok) break
    played.push(command)
  }
  timings.push(performance.now() - t0)
  const { game } = store.getState()
  status.textContent = `Round ${game.round}, ${game.phase}, ${game.package.length} items, ${game.response?.verdict ?? 'no response'}`
  return played
}

/** Sends one command as given (for building a package by hand), then updates the status line. */
function send(command: Command): boolean {
  const ok = store.getState().dispatch(command).ok
  step(0)
  return ok
}

Object.assign(window, { demo: { step, send, store, stage, timings } })
status.textContent = 'Ready'
document.body.dataset.ready = 'true'
