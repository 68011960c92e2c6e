import { useState } from 'preact/hooks'
import type { Debrief } from '../../../core/debrief/debrief.ts'
import { type StoryEntry, type StoryGroup, storyGroup } from '../../../core/debrief/story.ts'
import type { ScenarioIndex } from '../../../core/rules/scenario-index.ts'
import { STORY_GROUP_KEYS, storyLine } from '../../../messages/story.ts'
import { component, h, useUid, type View } from '../../dom.ts'
import { t, words } from '../../i18n/index.ts'
import { ENGINE_LANGUAGE } from '../../i18n/scenario.ts'

/**
 * "How the negotiation went": the debrief's story (core/debrief/story.ts) as a timeline, one list per round
 * under its own heading, each entry with who (a student with their side, or the side) and what, the reasons
 * and messages quoted as written, and a filter by kind. A long story starts with every round folded, so
 * that the rest of the debrief stays in reach.
 */

/** More entries than this, and each round starts folded (the page would otherwise run for screens). */
const FOLD_OVER = 60

type Filter = 'all' | StoryGroup
const FILTERS: Filter[] = ['all', 'moves', 'messages', 'answers']

function entryView(index: ScenarioIndex, entry: StoryEntry, at: number, uid: string): View {
  const w = words()
  const line = storyLine(w, index, entry)
  const group = storyGroup(entry)
  const who = line.who ? [h('strong', { class: 'story-who' }, line.who), ' '] : []
  // A message shows its channel beside its author, then the message itself, as written.
  const head =
    entry.kind === 'message'
      ? h('p', { class: 'story-what' }, [...who, h('span', { class: 'story-channel' }, line.what)])
      : h('p', { class: 'story-what' }, [
          ...who,
          line.said === undefined ? t('story.line', { what: line.what }) : `${line.what}:`,
        ])
  // An answer (or an overrule) is marked by its verdict, as the rounds' cards are (the words say it too).
  const verdict = entry.kind === 'answer' || entry.kind === 'overrule' ? ` verdict-${entry.verdict}` : ''
  return h('li', { key: at, class: `story-entry story-${group} story-${entry.kind}${verdict}` }, [
    head,
    // What a side said, as written: a computer partner's words come from the engine, in English; a
    // student's are in whatever language they typed (not an article's quote, so no blockquote).
    line.said === undefined
      ? null
      : h('p', { class: 'story-said', lang: entry.by.computer ? ENGINE_LANGUAGE : undefined }, line.said),
    // An event's effects before its text, labelled and listed as on its card at the table.
    line.effects ? storyEffects(line.effects, `${uid}-effects-${at}`) : null,
    line.detail ? h('p', { class: 'story-detail' }, line.detail) : null,
  ])
}

function storyEffects(effects: readonly string[], id: string): View {
  return h('div', { class: 'story-effects' }, [
    h('span', { class: 'story-effects-label', id }, t('event.effects')),
    h(
      'ul',
      { class: 'story-effect-list', 'aria-labelledby': id },
      effects.map((text) => h('li', {}, text)),
    ),
  ])
}

/** The entries grouped by round, in order. */
function byRound(story: readonly StoryEntry[]): Array<{ round: number; entries: StoryEntry[] }> {
  const rounds: Array<{ round: number; entries: StoryEntry[] }> = []
  for (const entry of story) {
    const last = rounds.at(-1)
    if (last?.round === entry.round) last.entries.push(entry)
    else rounds.push({ round: entry.round, entries: [entry] })
  }
  return rounds
}

interface StoryProps {
  index: ScenarioIndex
  story: readonly StoryEntry[]
}

function Story({ index, story }: StoryProps): View {
  const [filter, setFilter] = useState<Filter>('all')
  const name = useUid('story-filter')
  const fold = story.length > FOLD_OVER
  const label = (f: Filter) => (f === 'all' ? t('story.filter.all') : t(STORY_GROUP_KEYS[f]))
  const position = new Map(story.map((e, i) => [e, i]))
  const filters = h('fieldset', { class: 'story-filter' }, [
    h('legend', {}, t('story.filter')),
    ...FILTERS.map((f) =>
      h('label', { key: f, class: 'story-filter-choice' }, [
        h('input', {
          type: 'radio',
          name,
          value: f,
          checked: filter === f,
          onchange: () => setFilter(f),
        }),
        ` ${label(f)}`,
      ]),
    ),
  ])
  const rounds = byRound(story).map(({ round, entries }) => {
    const shown = filter === 'all' ? entries : entries.filter((e) => storyGroup(e) === filter)
    const heading = `${name}-round-${round}`
    return h('li', { key: round, class: 'story-round' }, [
      h('details', { open: !fold }, [
        h('summary', {}, [
          h('h4', { id: heading }, t('common.round', { round })),
          h('span', { class: 'story-count' }, t('story.count', { count: shown.length })),
        ]),
        shown.length
          ? h(
              'ol',
              { class: 'plain story-entries', 'aria-labelledby': heading },
              shown.map((e) => entryView(index, e, position.get(e) ?? 0, name)),
            )
          : h('p', { class: 'hint' }, t('story.noneOfKind')),
      ]),
    ])
  })
  return h('section', { class: 'debrief-card debrief-story', 'aria-labelledby': 'debrief-story' }, [
    h('h3', { id: 'debrief-story' }, t('story.heading')),
    story.length
      ? [
          h('p', { class: 'hint' }, t('story.hint')),
          filters,
          h('ol', { class: 'plain story-rounds' }, rounds),
        ]
      : h('p', {}, t('story.empty')),
  ])
}

/** The debrief's story, "How the negotiation went", with names as `index` gives them (pass the localised one). */
export function renderStory(index: ScenarioIndex, debrief: Pick<Debrief, 'story'>): View {
  return component(Story, { index, story: debrief.story ?? [] })
}
