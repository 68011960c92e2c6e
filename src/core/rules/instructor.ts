import type { Outcome } from './apply.ts'
import type { InstructorCommand } from './commands.ts'
import { applyEffects } from './effects.ts'
import { tablePackage } from './flow.ts'
import { resolvePackage } from './package.ts'
import { refuse } from './refusals.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import type { GameState } from './state.ts'

/**
 * The instructor's two commands in a classroom room. Like the sides' commands they are pure, logged and
 * replayed, so an exported game record replays to the same debrief, instructor's decisions included.
 *
 * - `overrule`: the instructor replaces the rules' answer to the package just tabled with another verdict,
 *   giving a reason. The package is answered again from the moment it was tabled (same red lines, same
 *   draw of chance), with the instructor's verdict standing: that verdict's effects apply instead of the
 *   rules' one's, the ending is checked again (an overrule can end a game or reopen one that the answer
 *   ended) and votes already cast are void. Possible until the proposers have all decided.
 * - `inject`: the instructor brings a scenario event into the talks now. Its effects apply at once; it is
 *   recorded among the round's events when the round closes; a non-repeating event fires only once.
 */
export function applyInstructorCommand(
  index: ScenarioIndex,
  state: GameState,
  command: InstructorCommand,
): Outcome {
  return command.type === 'overrule'
    ? overrule(index, state, command.payload)
    : inject(index, state, command.payload.event)
}

function overrule(
  index: ScenarioIndex,
  state: GameState,
  ruling: Extract<InstructorCommand, { type: 'overrule' }>['payload'],
): Outcome {
  const before = state.beforeResponse
  if (!before || !state.response) return refuse('NOTHING_TO_OVERRULE')
  if (state.response.verdict === ruling.verdict) return refuse('SAME_VERDICT')
  // Ruling back to the rules' own verdict simply answers the package again, without an overrule.
  const rules = state.response.overruled?.verdict ?? state.response.verdict
  const answered = tablePackage(index, before, rules === ruling.verdict ? undefined : ruling)
  // The messages sent since the package was tabled stay: an overrule changes the answer, not what was said.
  return { ok: true, state: { ...answered, messages: state.messages }, warned: [] }
}

function inject(index: ScenarioIndex, state: GameState, id: string): Outcome {
  if (state.phase === 'ended') return refuse('GAME_OVER')
  if (state.phase !== 'negotiating') return refuse('WRONG_PHASE', { command: 'inject', phase: state.phase })
  const event = index.scenario.events.find((e) => e.id === id)
  if (!event) return refuse('UNKNOWN_EVENT', { event: id })
  if (!event.repeat && state.firedEvents.includes(id)) return refuse('EVENT_ALREADY_FIRED', { event: id })
  const out = applyEffects(index, state, event.effects, resolvePackage(index, state.package))
  return {
    ok: true,
    state: {
      ...state,
      ...out,
      firedEvents: [...state.firedEvents, id],
      injected: [...state.injected, { event: id, round: state.round }],
    },
    warned: [],
  }
}
