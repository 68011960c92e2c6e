import type { Debrief } from '../../../core/debrief/debrief.ts'
import type { CrossedRedLine } from '../../../core/debrief/timeline.ts'
import { seedTitle } from '../../../core/scenario/seed-title.ts'
import { h, type View } from '../../dom.ts'
import { type MessageKey, t } from '../../i18n/index.ts'
import { withForeignPart } from '../../i18n/scenario.ts'
import type { GameView } from '../../view.ts'
import { whyNote } from '../game-rule.ts'
import { renderStatement } from '../response.ts'
import { roundsText } from './scores.ts'

const EFFECT: Record<CrossedRedLine['kind'], MessageKey> = {
  reject: 'redLines.effect.reject',
  demandRemoval: 'redLines.effect.demandRemoval',
  warn: 'redLines.effect.warn',
}

/** "Crossed in rounds 1 and 2 (twice)": when a red line was crossed. */
export function crossedText(line: Pick<CrossedRedLine, 'rounds' | 'times'>): string {
  const rounds = [...new Set(line.rounds)]
  const times = line.times > rounds.length ? ` (${t('redLines.times', { count: line.times })})` : ''
  return `${t('redLines.crossedIn', { rounds: roundsText(rounds) })}${times}`
}

function redLineCard(view: GameView, line: CrossedRedLine): View {
  const id = `debrief-red-line-${line.id}`
  return h('li', { key: line.id, class: `red-line-card red-line-${line.kind}`, 'aria-labelledby': id }, [
    // As the device's (localised) index words it: a classroom's debrief comes in the scenario's language.
    h('h4', { id }, view.index.scenario.redLines.find((r) => r.id === line.id)?.title ?? line.title),
    h('p', { class: 'meta' }, [
      h('strong', {}, crossedText(line)),
      ` · ${t('redLines.effect', { effect: t(EFFECT[line.kind]) })} · ${t('redLines.severity', { severity: line.severity })}`,
    ]),
    whyNote(
      t('redLines.why'),
      view.index.scenario.redLines.find((r) => r.id === line.id)?.rationale,
      `red-line:${line.id}`,
    ),
    ...line.stated.flatMap((s) => [
      renderStatement(view, {
        quote: s.quote,
        seed: s.seed,
        date: s.date,
        speaker: s.speaker,
        speakerName: s.speakerName,
        modality: s.modality,
      }),
      // On paper the "Open source" button is hidden, so the article is named in plain text instead.
      h(
        'p',
        { class: 'print-only source-ref' },
        withForeignPart(
          t('common.source', { seed: seedTitle(view.index.scenario, s.seed) }),
          seedTitle(view.index.scenario, s.seed),
          view.index.scenario.language,
        ),
      ),
    ]),
  ])
}

/**
 * Every red line crossed during the game, in scenario order: its title, the rounds it was crossed in, its
 * effect, and the stated words behind it with the speaker, date and a button that opens the source.
 */
export function renderRedLines(view: GameView, debrief: Debrief): View {
  return h('section', { class: 'debrief-card debrief-red-lines', 'aria-labelledby': 'debrief-red-lines' }, [
    h('h3', { id: 'debrief-red-lines' }, t('redLines.heading')),
    debrief.redLines.length
      ? h(
          'ul',
          { class: 'plain red-line-cards' },
          debrief.redLines.map((r) => redLineCard(view, r)),
        )
      : h('p', {}, t('redLines.none')),
  ])
}
