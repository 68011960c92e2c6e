import { useRef } from 'preact/hooks'
import { explainResponse, type ResponseReason } from '../../core/rules/explain.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { Response } from '../../core/rules/state.ts'
import { seedTitle } from '../../core/scenario/seed-title.ts'
import { type Attrs, button, type Children, component, h, type View } from '../dom.ts'
import { formatNumber, type MessageKey, t } from '../i18n/index.ts'
import { langAttr, withForeignPart } from '../i18n/scenario.ts'
import { type GameView, instrumentName, nameOf, verdictText } from '../view.ts'
import { useKeepFocus } from './focus.ts'

type Level = 2 | 3 | 4 | 5 | 6

const MODALITY: Record<'conditional' | 'assessment' | 'reported', MessageKey> = {
  conditional: 'statement.modality.conditional',
  assessment: 'statement.modality.assessment',
  reported: 'statement.modality.reported',
}

/** A heading of the given level (h2–h6). */
export function heading(level: Level, children: Children, attrs: Attrs = {}): View {
  return h(`h${level}` as 'h2', attrs, children)
}

type StatementFields = Pick<
  ResponseReason['statements'][number],
  'quote' | 'seed' | 'date' | 'context' | 'speakerName' | 'speaker' | 'modality'
>

/**
 * Who said a statement and how it commits them, in words: "Name (office), date" and the modality ("conditional",
 * "reported"…) or null when asserted. Shared by the screens and the printed role sheets (src/client/print/).
 */
export function statementCredit(
  index: ScenarioIndex,
  s: Omit<StatementFields, 'quote' | 'seed' | 'context'>,
): { who: string; modality: string | null } {
  // Every speaker is named with the office the article gives, officials and analysts alike, so that readers
  // weigh each voice by its standing; the words' modality is said where the scenario declares it.
  const office = index.scenario.actors.find((a) => a.id === s.speaker)?.office
  const name = s.speakerName ?? s.speaker ?? t('statement.article')
  const who = [office ? `${name} (${office})` : name, s.date].filter(Boolean).join(', ')
  const modality = s.modality && s.modality !== 'asserted' ? t(MODALITY[s.modality]) : null
  return { who, modality }
}

/** A quoted statement with its speaker, date, context and a button that opens it in its article. */
export function renderStatement(view: GameView, s: StatementFields): View {
  const { who, modality } = statementCredit(view.index, s)
  // Quotes and article titles stay verbatim, in the language of their articles (the scenario's).
  const quoteLanguage = view.index.scenario.language
  const title = seedTitle(view.index.scenario, s.seed)
  return h('figure', { class: 'statement' }, [
    h('blockquote', langAttr(quoteLanguage), h('p', {}, s.quote)),
    h('figcaption', {}, [
      h('span', { class: 'speaker' }, who),
      s.context ? h('span', { class: 'context' }, ` — ${s.context}`) : null,
      modality ? h('span', { class: 'modality' }, ` (${modality})`) : null,
    ]),
    // The article's title is in the article's language, inside a sentence in the interface's.
    h('button', { type: 'button', class: 'link', onclick: () => view.openSource(s.seed, s.quote) }, [
      withForeignPart(t('statement.open', { seed: title }), title, quoteLanguage),
    ]),
  ])
}

/** A change of disposition with its sign: "+2", "−1.5". */
const change = (n: number) => `${n >= 0 ? '+' : '−'}${formatNumber(Math.abs(n))}`

/**
 * A reason's title and effect in the interface's language, from the same data the engine explains (the
 * engine's own wording is English): a red line's or preference's title comes from the scenario.
 */
function reasonText(
  index: ScenarioIndex,
  response: Response,
  reason: ResponseReason,
): { title: string; effect: string; status?: 'held' | 'yielded' } {
  if (reason.kind === 'redLine') {
    const line = index.scenario.redLines.find((x) => x.id === reason.id)
    const kind = line?.response.kind
    // A crossed red line the responder let pass this time weighed nothing on the answer (see assess in
    // core/rules/response.ts); its words stand, and it may hold next time.
    if (response.yielded.includes(reason.id)) {
      const effect = t('reason.yielded', { responder: nameOf(index, index.responder) })
      return { title: reason.title, effect, status: 'yielded' }
    }
    const effect =
      kind === 'reject'
        ? t('reason.reject')
        : kind === 'demandRemoval'
          ? t('reason.demandRemoval')
          : t('reason.warn', { change: change(-(line?.severity ?? 0)) })
    return { title: reason.title, effect, status: 'held' }
  }
  if (reason.kind === 'preference') {
    const weight = index.scenario.preferences.find((x) => x.id === reason.id)?.weight ?? 0
    return { title: reason.title, effect: t('reason.preference', { change: change(weight) }) }
  }
  const total = Math.round((response.disposition + response.noise) * 100) / 100
  return {
    title: t('reason.disposition', { total, bar: response.acceptAt }),
    effect: t('reason.dispositionEffect', {
      disposition: response.disposition,
      chance: change(response.noise),
    }),
  }
}

const STATUS_KEY = { held: 'response.held', yielded: 'response.yielded' } as const

/** The crossed red lines the responder let pass this time, in a sentence; null when every one held. */
function yieldedNote(index: ScenarioIndex, response: Response): View | null {
  const count = response.yielded.length
  if (count === 0) return null
  return h(
    'p',
    { class: 'yielded-note' },
    t('response.yieldedNote', { responder: nameOf(index, index.responder), count }),
  )
}

/**
 * Russia's (the responder's) answer: the verdict line, what it demands removed, the red lines it let pass
 * this time, and every reason with the stated words behind it and a way to open each source article; a
 * crossed red line says whether it held or was let pass this time. `level` is the heading level of reasons.
 */
export function renderResponse(view: GameView, response: Response, level: Level, withVerdict = true): View {
  const { index } = view
  const reasons = explainResponse(index, response)
  return h('div', { class: 'response' }, [
    withVerdict ? renderVerdict(view, response) : null,
    response.demands.length
      ? h(
          'p',
          {},
          t(response.verdict === 'demandRemoval' ? 'response.demands' : 'response.wouldDemand', {
            responder: nameOf(index, index.responder),
            items: response.demands.map((d) => instrumentName(index, d.instrument, d.variant)).join(', '),
          }),
        )
      : null,
    yieldedNote(index, response),
    reasons.length
      ? h(
          'ul',
          { class: 'reasons', 'aria-label': t('response.reasons') },
          reasons.map((r) => {
            const { title, effect, status } = reasonText(index, response, r)
            return h('li', { class: `reason reason-${r.kind}${status ? ` reason-${status}` : ''}` }, [
              heading(
                level,
                status ? [h('span', { class: 'status' }, t(STATUS_KEY[status])), ' ', title] : title,
              ),
              h('p', { class: 'effect' }, t('response.effect', { effect })),
              ...r.statements.map((s) => renderStatement(view, s)),
            ])
          }),
        )
      : null,
  ])
}

/** The verdict line, e.g. "Russia rejects the package." */
export function renderVerdict(view: GameView, response: Response): View {
  return h(
    'p',
    { class: `verdict verdict-${response.verdict}` },
    h('strong', {}, verdictText(view.index, response)),
  )
}

/** The events that fired, each with its title and text; null when none did. */
export function renderEvents(view: GameView, ids: readonly string[], level: Level): View | null {
  const events = ids.flatMap((id) => view.index.scenario.events.filter((e) => e.id === id))
  if (events.length === 0) return null
  return h('div', { class: 'events' }, [
    heading(level, t('common.events')),
    h(
      'ul',
      {},
      events.map((e) => h('li', {}, [h('strong', {}, e.title), ' ', e.text])),
    ),
  ])
}

function Decision({ view }: { view: GameView }): View {
  const { index, state, acting } = view
  const headingRef = useRef<HTMLHeadingElement>(null)
  const { unilateral } = index.scenario
  const responder = nameOf(index, index.responder)
  const vote = (choice: 'implement' | 'continue') => () => {
    if (acting) view.act({ type: 'decide', side: acting, payload: { choice } })
  }
  const voted = acting ? state.votes[acting] : undefined
  // Voting replaces the buttons with "has voted": the section's heading takes the focus they had.
  useKeepFocus(`${acting}:${voted ?? ''}`, () => headingRef.current)
  return h('section', { class: 'decision', 'aria-labelledby': 'decision-heading' }, [
    h('h3', { id: 'decision-heading', tabindex: -1, ref: headingRef }, t('decision.heading')),
    h('p', {}, [h('strong', {}, unilateral.title), ': ', unilateral.description]),
    h('p', { class: 'hint' }, t('decision.hint')),
    h(
      'ul',
      { 'aria-label': t('decision.votes') },
      index.proposers.map((side) => {
        const v = state.votes[side]
        const key =
          v === 'implement'
            ? 'decision.votedImplement'
            : v === 'continue'
              ? 'decision.votedContinue'
              : 'decision.notVoted'
        return h('li', {}, t(key, { side: nameOf(index, side) }))
      }),
    ),
    acting && !voted
      ? h('div', { class: 'actions' }, [
          button(t('decision.implement', { responder }), vote('implement')),
          button(t('decision.continue'), vote('continue'), { class: 'primary' }),
        ])
      : null,
    acting && voted ? h('p', {}, t('decision.hasVoted', { side: nameOf(index, acting) })) : null,
  ])
}

/** The vote after a response: each human side chooses to implement without consent or to continue. */
export function renderDecision(view: GameView): View {
  return component(Decision, { view })
}
