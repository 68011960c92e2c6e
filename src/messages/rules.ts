import { sideName } from '../core/rules/apply.ts'
import type { RuleWarning } from '../core/rules/constraints.ts'
import { MESSAGE_TEXT_MAX } from '../core/rules/messages.ts'
import { type PackageItem, resolveItem } from '../core/rules/package.ts'
import type { Refusal, RefusalCode } from '../core/rules/refusals.ts'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import type { Phase } from '../core/rules/state.ts'
import type { MessageKey, Words } from './index.ts'

/**
 * The rules' refusals and warnings in words: the rules give a code and ids, this words them in a language
 * with the names a scenario index gives (pass a localised index for the names in that language). Shared by
 * the browser (solo and classroom), the classroom server's exports and the command-line tools.
 */

/** The catalogue key that words each refusal: every code has one (a test checks both languages). */
export const REFUSAL_KEYS = {
  MALFORMED_COMMAND: 'refusal.MALFORMED_COMMAND',
  GAME_OVER: 'refusal.GAME_OVER',
  WRONG_PHASE: 'refusal.WRONG_PHASE',
  NOT_A_PROPOSER: 'refusal.NOT_A_PROPOSER',
  UNKNOWN_INSTRUMENT: 'refusal.UNKNOWN_INSTRUMENT',
  NOT_YOUR_INSTRUMENT: 'refusal.NOT_YOUR_INSTRUMENT',
  VARIANT_REQUIRED: 'refusal.VARIANT_REQUIRED',
  UNKNOWN_VARIANT: 'refusal.UNKNOWN_VARIANT',
  ALREADY_IN_PACKAGE: 'refusal.ALREADY_IN_PACKAGE',
  EXCLUDED: 'refusal.EXCLUDED',
  NOT_IN_PACKAGE: 'refusal.NOT_IN_PACKAGE',
  NOT_YOUR_ITEM: 'refusal.NOT_YOUR_ITEM',
  UNKNOWN_SIDE: 'refusal.UNKNOWN_SIDE',
  CANNOT_PROPOSE: 'refusal.CANNOT_PROPOSE',
  UNKNOWN_REQUEST: 'refusal.UNKNOWN_REQUEST',
  NOT_YOUR_REQUEST: 'refusal.NOT_YOUR_REQUEST',
  EMPTY_PACKAGE: 'refusal.EMPTY_PACKAGE',
  NOT_ALL_ENDORSED: 'refusal.NOT_ALL_ENDORSED',
  NO_DISAGREEMENT: 'refusal.NO_DISAGREEMENT',
  UNKNOWN_FLAG: 'refusal.UNKNOWN_FLAG',
  FLAG_NOT_SETTABLE: 'refusal.FLAG_NOT_SETTABLE',
  ALREADY_VOTED: 'refusal.ALREADY_VOTED',
  ALREADY_REQUESTED: 'refusal.ALREADY_REQUESTED',
  NOTHING_TO_OVERRULE: 'refusal.NOTHING_TO_OVERRULE',
  SAME_VERDICT: 'refusal.SAME_VERDICT',
  UNKNOWN_EVENT: 'refusal.UNKNOWN_EVENT',
  EVENT_ALREADY_FIRED: 'refusal.EVENT_ALREADY_FIRED',
  MESSAGE_EMPTY: 'refusal.MESSAGE_EMPTY',
  MESSAGE_TOO_LONG: 'refusal.MESSAGE_TOO_LONG',
  UNKNOWN_RECIPIENT: 'refusal.UNKNOWN_RECIPIENT',
} as const satisfies Record<RefusalCode, MessageKey>

/** The catalogue key for each phase a WRONG_PHASE refusal can name. */
export const PHASE_KEYS = {
  negotiating: 'refusal.phase.negotiating',
  deciding: 'refusal.phase.deciding',
  ended: 'refusal.phase.ended',
} as const satisfies Record<Phase, MessageKey>

/** The catalogue key for each kind of warning a command can give. */
export const WARNING_KEYS = {
  CONSTRAINT_BROKEN: 'warning.CONSTRAINT_BROKEN',
} as const satisfies Record<RuleWarning['code'], MessageKey>

/** An instrument's name in a reading, or its id when the scenario does not know it. */
function instrumentName(index: ScenarioIndex, instrument: string, variant?: string): string {
  const item: PackageItem = { instrument, backedBy: '' }
  if (variant) item.variant = variant
  return resolveItem(index, item)?.name ?? instrument
}

const flagName = (index: ScenarioIndex, id: string) =>
  index.scenario.flags.find((f) => f.id === id)?.name ?? id
const eventTitle = (index: ScenarioIndex, id: string) =>
  index.scenario.events.find((e) => e.id === id)?.title ?? id

/**
 * A refusal in `words`' language, worded from its code and parameters, with the names `index` gives. Ids
 * the scenario does not know are shown as they are.
 */
export function refusalText(
  words: Words,
  index: ScenarioIndex,
  refusal: Pick<Refusal, 'code' | 'params'>,
): string {
  const { t } = words
  const p = refusal.params ?? {}
  const variants = index.variants.get(p.instrument ?? '')
  const reading = (id: string) => variants?.get(id)?.name ?? id
  const params = {
    instrument: p.instrument ? instrumentName(index, p.instrument) : '',
    side: p.side ? sideName(index, p.side) : '',
    other: p.excludedBy ? instrumentName(index, p.excludedBy) : '',
    variant: p.variant ? reading(p.variant) : '',
    variants: (p.variants ?? []).map((v) => t('common.quoted', { text: reading(v) })).join(', '),
    count: p.sides?.length ?? 0,
    sides: words.list((p.sides ?? []).map((s) => sideName(index, s))),
    flag: p.flag ? flagName(index, p.flag) : '',
    number: (p.request ?? 0) + 1,
    phase: p.phase ? t(PHASE_KEYS[p.phase]) : '',
    event: p.event ? eventTitle(index, p.event) : '',
    cause: p.cause ? refusalText(words, index, p.cause) : '',
    detail: p.detail ?? '',
    max: MESSAGE_TEXT_MAX,
  }
  return t(REFUSAL_KEYS[refusal.code], params)
}

/** A warning in `words`' language, e.g. the constraint a package breaks, in the scenario's words. */
export function warningText(
  words: Words,
  index: ScenarioIndex,
  warning: Pick<RuleWarning, 'code' | 'side' | 'constraint'>,
): string {
  const constraint =
    index.sides.get(warning.side)?.constraints.find((c) => c.id === warning.constraint)?.text ??
    warning.constraint
  return words.t(WARNING_KEYS[warning.code], { constraint })
}
