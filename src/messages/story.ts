import type { StoryBy, StoryEntry, StoryGroup, StoryRequest } from '../core/debrief/story.ts'
import { sideName } from '../core/rules/apply.ts'
import { INSTRUCTOR } from '../core/rules/commands.ts'
import { type PackageItem, resolveItem } from '../core/rules/package.ts'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import type { ResponseKind } from '../core/scenario/schema/conditions.ts'
import { DECISION_KEYS } from './debrief.ts'
import { eventEffects } from './event-effects.ts'
import type { MessageKey, Words } from './index.ts'

/**
 * The debrief's story in words (see core/debrief/story.ts), from its entries' codes and ids with the names
 * a scenario index gives: for the browser's debrief (pass the localised index, so names read as the screen
 * shows them) and the classroom's exports.
 */

/** An entry in words: who, what they did, and the words they wrote, kept apart for a screen to lay out. */
export interface StoryLine {
  /** "Olena (Europe)", "Europe (computer)", "The instructor", "Russia"; null for what the game itself does. */
  who: string | null
  /** What happened, without a final stop: a predicate after `who`, or a sentence when `who` is null. */
  what: string
  /** The words someone wrote: a reason (objection, refusal, overrule) or a message. */
  said?: string
  /** More: an answer's red lines and demands, an event's text, a trade, what a year after brought. */
  detail?: string
  /** An event's effects, one each, worded as its card at the table words them: "Escalation +5". */
  effects?: string[]
}

const ANSWER_KEYS = {
  accept: 'story.answer.accept',
  demandRemoval: 'story.answer.demandRemoval',
  reject: 'story.answer.reject',
} as const satisfies Record<ResponseKind, MessageKey>

const VERDICT_KIND_KEYS = {
  accept: 'verdictKind.accept',
  demandRemoval: 'verdictKind.demandRemoval',
  reject: 'verdictKind.reject',
} as const satisfies Record<ResponseKind, MessageKey>

/** The label of each group of entries, for a filter. */
export const STORY_GROUP_KEYS = {
  moves: 'story.filter.moves',
  messages: 'story.filter.messages',
  answers: 'story.filter.answers',
} as const satisfies Record<StoryGroup, MessageKey>

const AFTERMATH_KEYS = {
  test: ['aftermath.test.yes', 'aftermath.test.no'],
  respond: ['aftermath.respond.yes', 'aftermath.respond.no'],
  confront: ['aftermath.confront.yes', 'aftermath.confront.no'],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>

function itemName(index: ScenarioIndex, instrument: string, variant?: string): string {
  const item: PackageItem = { instrument, backedBy: '' }
  if (variant) item.variant = variant
  return resolveItem(index, item)?.name ?? instrument
}

/** Who an entry is by, e.g. "Olena (Europe)", "Europe (computer)", "The instructor"; null for the game. */
export function storyWho(words: Words, index: ScenarioIndex, by: StoryBy): string | null {
  const { t } = words
  if (by.side === null) return null
  const { author } = by
  if (by.side === INSTRUCTOR || author?.kind === 'instructor') return t('story.who.instructor')
  const side = sideName(index, by.side)
  if (author?.kind === 'timer') return t('story.who.timer', { side })
  if (by.computer) return t('seat.named', { side, seat: t('seat.computer') })
  if (author?.name) {
    const { name } = author
    // A named role is the scenario's (sides.ID.roles), named as the index has it.
    const role =
      author.role && (index.sides.get(by.side)?.roles?.find((r) => r.id === author.role)?.name ?? author.role)
    return role ? t('story.who.studentRole', { name, role, side }) : t('story.who.student', { name, side })
  }
  return side
}

/** A request in a phrase, e.g. "Europe asks Ukraine to add Air policing". */
function requestPhrase(words: Words, index: ScenarioIndex, r: StoryRequest): string {
  return words.t(r.action === 'withdraw' ? 'requests.describeWithdraw' : 'requests.describeAdd', {
    from: sideName(index, r.from),
    to: sideName(index, r.to),
    instrument: itemName(index, r.instrument, r.variant),
  })
}

/** The words of an entry: who, what, and what was written or follows, in the language of `words`. */
export function storyLine(words: Words, index: ScenarioIndex, entry: StoryEntry): StoryLine {
  const { t, list } = words
  const who = storyWho(words, index, entry.by)
  const responder = sideName(index, index.responder)
  const line = (what: string, more: Omit<StoryLine, 'who' | 'what'> = {}): StoryLine => ({
    who,
    what,
    ...more,
  })
  const numbers = (ns: readonly number[]) => list(ns.map((n) => words.number(n + 1)))
  switch (entry.kind) {
    case 'add':
    case 'withdraw': {
      const instrument = itemName(index, entry.instrument, entry.variant)
      if (entry.grants.length === 0) return line(t(`story.${entry.kind}`, { instrument }))
      const granting = entry.kind === 'add' ? 'story.addGranting' : 'story.withdrawGranting'
      return line(t(granting, { instrument, count: entry.grants.length, numbers: numbers(entry.grants) }))
    }
    case 'request': {
      const r = entry.request
      const params = {
        to: sideName(index, r.to),
        instrument: itemName(index, r.instrument, r.variant),
        number: r.number + 1,
      }
      const what = t(r.action === 'withdraw' ? 'story.request.withdraw' : 'story.request.add', params)
      const back = entry.inReturnFor
      if (!back) return line(what)
      const request = requestPhrase(words, index, back)
      return line(what, { detail: t('story.inReturn', { number: back.number + 1, request }) })
    }
    case 'decline': {
      const r = entry.request
      const key = r.action === 'withdraw' ? 'story.decline.withdraw' : 'story.decline.add'
      const params = {
        number: r.number + 1,
        from: sideName(index, r.from),
        instrument: itemName(index, r.instrument, r.variant),
      }
      return line(t(key, params), { said: entry.reason })
    }
    case 'endorse':
      return line(t('story.endorse'))
    case 'object':
      return line(t('story.object'), { said: entry.reason })
    case 'flag': {
      const flag = index.scenario.flags.find((f) => f.id === entry.flag)?.name ?? entry.flag
      return line(t(entry.value ? 'story.flagSet' : 'story.flagCleared', { flag }))
    }
    case 'table': {
      const items = entry.items.map((i) =>
        t('csv.item', { item: itemName(index, i.instrument, i.variant), side: sideName(index, i.backedBy) }),
      )
      return line(t('story.table', { items: list(items) }))
    }
    case 'endRound':
      return line(t('story.endRound'))
    case 'answer': {
      const title = (id: string) => index.scenario.redLines.find((r) => r.id === id)?.title ?? id
      const lines = entry.redLines.map((id) =>
        entry.yielded.includes(id) ? t('story.yielded', { title: title(id) }) : title(id),
      )
      const demands = entry.demands.map((d) => itemName(index, d.instrument, d.variant))
      const detail = [
        lines.length
          ? t('story.crossed', { count: lines.length, titles: list(lines) })
          : t('story.noneCrossed'),
        demands.length ? t('story.demands', { items: list(demands) }) : '',
      ]
      return line(t(ANSWER_KEYS[entry.verdict]), { detail: detail.filter(Boolean).join(' ') })
    }
    case 'overrule':
      return line(
        t('story.overrule', {
          responder,
          verdict: t(VERDICT_KIND_KEYS[entry.verdict]),
          rules: t(VERDICT_KIND_KEYS[entry.rulesVerdict]),
        }),
        { said: entry.reason },
      )
    case 'event': {
      const event = index.scenario.events.find((e) => e.id === entry.event)
      const title = event?.title ?? entry.event
      const what = t(entry.injected ? 'story.inject' : 'story.event', { title })
      // What it changed, as its card said when it happened (a spread is told as such, not as drawn).
      const effects = eventEffects(words, index, entry.event)
      return line(what, {
        ...(event?.text ? { detail: event.text } : {}),
        ...(effects.length ? { effects } : {}),
      })
    }
    case 'vote':
      return line(
        t(entry.choice === 'implement' ? 'story.vote.implement' : 'story.vote.continue', { responder }),
      )
    case 'decision':
      return line(t('story.decision', { decision: t(DECISION_KEYS[entry.decision]) }))
    case 'ending': {
      const title = index.scenario.endings.find((e) => e.id === entry.ending)?.title ?? entry.ending
      return line(t('story.ending', { title }))
    }
    case 'aftermathYear': {
      const heading =
        entry.year === 0 ? t('aftermath.answer', { responder }) : t('story.year', { year: entry.year })
      const happened = entry.events.map((e) => {
        const keys =
          entry.year === 0
            ? (['aftermath.imposed.yes', 'aftermath.imposed.no'] as const)
            : AFTERMATH_KEYS[e.what]
        return t(keys[e.happened ? 0 : 1], { responder })
      })
      return line(heading, { detail: happened.join(' ') })
    }
    case 'aftermathOutcome': {
      const title = index.scenario.aftermath?.outcomes[entry.outcome]?.title ?? entry.outcome
      return line(t('aftermath.outcome', { title }))
    }
    case 'message': {
      const to = entry.to ? sideName(index, entry.to) : ''
      const key = entry.channel === 'private' ? 'story.say.private' : (`story.say.${entry.channel}` as const)
      return line(t(key, { side: to }), { said: entry.text })
    }
  }
}

/** An entry's `what` with what was written, as one sentence: "objects to the package: “Too weak”". */
export function storyWhat(words: Words, line: Pick<StoryLine, 'what' | 'said'>): string {
  return line.said === undefined
    ? words.t('story.line', { what: line.what })
    : words.t('story.lineSaid', { what: line.what, said: line.said })
}

/**
 * An entry as one line of text without its author (for a table's column), the detail after it, then an
 * event's effects: "… It changes: Escalation +5 and Cohesion −2."
 */
export function storyText(words: Words, index: ScenarioIndex, entry: StoryEntry): string {
  const line = storyLine(words, index, entry)
  const effects = line.effects && words.t('event.newsEffects', { effects: words.list(line.effects) })
  return [storyWhat(words, line), line.detail, effects].filter(Boolean).join(' ')
}
