import { type Child, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'

/**
 * Why the game says what it says, one action away: a folded note under a label. Used for the game's own
 * numbers (a card's deterrence, cost and risk, a red line's severity) and its own rules, so that players can
 * tell the designers' choices from what the articles say. The note stays open across updates by itself (its
 * `open` is the browser's); `key`, when given, names it among its siblings.
 */
export function whyNote(summary: string, rationale: string | undefined, key?: string): View | null {
  if (!rationale) return null
  return h('details', { class: 'why-note', key: key === undefined ? undefined : `why:${key}` }, [
    h('summary', {}, summary),
    h('p', {}, rationale),
  ])
}

/**
 * A constraint's text as players read it: marked "Game rule" when it is the game's modelling choice rather
 * than a position its side stated, with the rationale folded beneath.
 */
export function ruleText(
  rule: { id: string; text: string; gameRule?: boolean; rationale?: string | undefined },
  key = rule.id,
): Child[] {
  if (!rule.gameRule) return [rule.text]
  return [
    h('span', { class: 'game-rule', title: t('rule.gameRuleHint') }, t('rule.gameRule')),
    ' ',
    rule.text,
    whyNote(t('rule.why'), rule.rationale, `rule:${key}`),
  ]
}
