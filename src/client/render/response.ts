import { explainResponse, type ResponseReason, verdictLine } from '../../core/rules/explain.ts'
import type { Response } from '../../core/rules/state.ts'
import { seedTitle } from '../../core/scenario/seed-title.ts'
import { button, type Children, h } from '../dom.ts'
import { type GameView, instrumentName, nameOf } from '../view.ts'

type Level = 2 | 3 | 4 | 5 | 6

/** A heading of the given level (h2–h6). */
export function heading(level: Level, children: Children, attrs: Record<string, string | number> = {}) {
  return h(`h${level}` as 'h2', attrs, children)
}

/** A quoted statement with its speaker, date, context and a button that opens it in its article. */
export function renderStatement(
  view: GameView,
  s: Pick<
    ResponseReason['statements'][number],
    'quote' | 'seed' | 'date' | 'context' | 'speakerName' | 'speaker'
  >,
): HTMLElement {
  const who = [s.speakerName ?? s.speaker ?? 'The article', s.date].filter(Boolean).join(', ')
  return h('figure', { class: 'statement' }, [
    h('blockquote', {}, h('p', {}, s.quote)),
    h('figcaption', {}, [
      h('span', { class: 'speaker' }, who),
      s.context ? h('span', { class: 'context' }, ` — ${s.context}`) : null,
    ]),
    button(`Open source: ${seedTitle(view.index.scenario, s.seed)}`, () => view.openSource(s.seed, s.quote), {
      class: 'link',
      'data-key': `source:${s.seed}:${s.quote.slice(0, 40)}`,
    }),
  ])
}

/**
 * Russia's (the responder's) answer: the verdict line, what it demands removed, and every reason with the
 * stated words behind it and a way to open each source article. `level` is the heading level of reasons.
 */
export function renderResponse(
  view: GameView,
  response: Response,
  level: Level,
  withVerdict = true,
): HTMLElement {
  const { index } = view
  const reasons = explainResponse(index, response)
  return h('div', { class: 'response' }, [
    withVerdict ? renderVerdict(view, response) : null,
    response.demands.length
      ? h(
          'p',
          {},
          `${nameOf(index, index.responder)} ${response.verdict === 'demandRemoval' ? 'demands' : 'would also demand'} the removal of: ${response.demands
            .map((d) => instrumentName(index, d.instrument, d.variant))
            .join(', ')}.`,
        )
      : null,
    reasons.length
      ? h(
          'ul',
          { class: 'reasons', 'aria-label': 'Reasons for the response' },
          reasons.map((r) =>
            h('li', { class: `reason reason-${r.kind}` }, [
              heading(level, r.title),
              h('p', { class: 'effect' }, `Effect: ${r.effect}`),
              ...r.statements.map((s) => renderStatement(view, s)),
            ]),
          ),
        )
      : null,
  ])
}

/** The verdict line, e.g. "Russia rejects the package." */
export function renderVerdict(view: GameView, response: Response): HTMLElement {
  return h(
    'p',
    { class: `verdict verdict-${response.verdict}` },
    h('strong', {}, verdictLine(view.index, response)),
  )
}

/** The events that fired, each with its title and text; null when none did. */
export function renderEvents(view: GameView, ids: readonly string[], level: Level): HTMLElement | null {
  const events = ids.flatMap((id) => view.index.scenario.events.filter((e) => e.id === id))
  if (events.length === 0) return null
  return h('div', { class: 'events' }, [
    heading(level, 'Events'),
    h(
      'ul',
      {},
      events.map((e) => h('li', {}, [h('strong', {}, e.title), ' ', e.text])),
    ),
  ])
}

/** The vote after a response: each human side chooses to implement without consent or to continue. */
export function renderDecision(view: GameView): HTMLElement {
  const { index, state, acting } = view
  const { unilateral } = index.scenario
  const responder = nameOf(index, index.responder)
  const vote = (choice: 'implement' | 'continue') => () => {
    if (acting) view.act({ type: 'decide', side: acting, payload: { choice } })
  }
  const voted = acting ? state.votes[acting] : undefined
  return h('section', { class: 'decision', 'aria-labelledby': 'decision-heading' }, [
    h('h3', { id: 'decision-heading' }, 'Implement or continue?'),
    h('p', {}, [h('strong', {}, unilateral.title), ': ', unilateral.description]),
    h(
      'p',
      { class: 'hint' },
      'The guarantees are implemented only if every side votes for it; otherwise the next round begins.',
    ),
    h(
      'ul',
      { 'aria-label': 'Votes' },
      index.proposers.map((side) => {
        const v = state.votes[side]
        const text =
          v === 'implement'
            ? 'votes to implement'
            : v === 'continue'
              ? 'votes to continue'
              : 'has not voted yet'
        return h('li', {}, `${nameOf(index, side)} ${text}`)
      }),
    ),
    acting && !voted
      ? h('div', { class: 'actions' }, [
          button(`Implement without ${responder}'s consent`, vote('implement')),
          button('Continue negotiating', vote('continue'), { class: 'primary' }),
        ])
      : null,
    acting && voted ? h('p', {}, `${nameOf(index, acting)} has voted.`) : null,
  ])
}
