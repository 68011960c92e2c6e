import { type Child, h } from '../dom.ts'
import { t } from '../i18n/index.ts'

/**
 * Why the game says what it says, one action away: a folded note under a label. Used for the game's own
 * numbers (a card's deterrence, cost and risk, a red line's severity) and its own rules, so that players can
 * tell the designers' choices from what the articles say. `key` keeps the note open across redraws.
 */
export function whyNote(summary: string, rationale: string | undefined, key: string): HTMLElement | null {
  if (!rationale) return null
  return h('details', { class: 'why-note', 'data-key': `why:${key}` }, [
    h('summary', { 'data-key': `why-summary:${key}` }, summary),
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
