import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { Citation, Side, Statement } from '../../core/scenario/schema/scenario.ts'
import { seedEntry } from '../../core/scenario/seed-title.ts'
import { responderName } from '../../core/text/side-name.ts'
import { type Child, h, type View } from '../dom.ts'
import { formatList, t } from '../i18n/index.ts'
import { langAttr, withForeignPart } from '../i18n/scenario.ts'
import { actorGroups } from '../render/actor-groups.ts'
import { statementCredit } from '../render/response.ts'
import { instrumentName, nameOf } from '../view.ts'

/**
 * A side's role sheet on paper: the same facts as its briefing screen (render/briefing.ts), from the same data
 * functions, laid out to be read without a screen. What the screen folds away (a game rule's rationale, who is
 * who) is printed open, and every quote carries its whole source (the article's title, outlet and date where
 * the scenario gives them, and the article's file), since a sheet cannot open the article.
 */

/** "Source: title, outlet, date (file)" for a passage of article `seed`. */
function sourceLine(index: ScenarioIndex, seed: string): View {
  const entry = seedEntry(index.scenario, seed)
  const title = entry?.title ?? seed
  const article = [title, entry?.outlet, entry?.date].filter(Boolean).join(', ')
  // The article's title is in the article's language, inside a sentence in the interface's.
  return h(
    'p',
    { class: 'print-source' },
    withForeignPart(t('print.source', { article, seed }), title, index.scenario.language),
  )
}

/**
 * A quote with its credit (who said it and when, its setting, how it commits them) and its source; kept whole
 * on one page by print.css. Under an actor's own name (who is who, `speakerName` given) the credit gives the
 * date alone; elsewhere it names the speaker when the statement has one ("Name (office), date").
 */
function quote(index: ScenarioIndex, s: Citation & Partial<Statement>, speakerName?: string): View {
  const credit = speakerName || s.speaker ? statementCredit(index, { ...s, speakerName }) : null
  const who = speakerName ? s.date : credit?.who
  const modality = credit?.modality ?? null
  const said = [who, s.context].filter(Boolean).join(' — ')
  const caption = modality ? `${said} (${modality})`.trim() : said
  return h('figure', { class: 'print-quote' }, [
    h('blockquote', langAttr(index.scenario.language), h('p', {}, s.quote)),
    h('figcaption', {}, [caption ? h('p', {}, caption) : null, sourceLine(index, s.seed)]),
  ])
}

const quotes = (index: ScenarioIndex, list: readonly Citation[]): View[] => list.map((c) => quote(index, c))

/** A section with its heading, or null when it would have nothing under it. */
function section(heading: string, children: Child[] | null): View | null {
  if (!children) return null
  return h('section', { class: 'print-section' }, [h('h3', {}, heading), ...children])
}

/** The constraints, each marked "Game rule" where it is the game's choice, with its rationale printed open. */
function constraints(index: ScenarioIndex, side: Side) {
  if (side.constraints.length === 0) return [h('p', {}, t('common.noConstraints'))]
  return [
    h(
      'ul',
      { class: 'plain print-rules' },
      side.constraints.map((c) =>
        h('li', { key: c.id }, [
          h('p', {}, [
            c.gameRule ? h('span', { class: 'game-rule' }, t('rule.gameRule')) : null,
            c.gameRule ? ' ' : null,
            c.text,
          ]),
          c.gameRule && c.rationale
            ? h('p', { class: 'print-why' }, [h('strong', {}, t('rule.why')), ': ', c.rationale])
            : null,
          ...quotes(index, c.source),
        ]),
      ),
    ),
    h('p', { class: 'print-note' }, t('briefing.penalty', { count: index.scenario.constraintPenalty })),
  ]
}

/** What the side argues about some instruments, with the words behind each position. */
function positions(index: ScenarioIndex, side: Side) {
  if (side.positions.length === 0) return null
  const tagName = (id: string) => index.scenario.tags.find((tag) => tag.id === id)?.name ?? id
  return [
    h(
      'ul',
      { class: 'plain print-rules' },
      side.positions.map((p, i) => {
        const about = formatList([
          ...p.instruments.map((id) => instrumentName(index, id)),
          ...p.tags.map(tagName),
        ])
        return h('li', { key: i }, [
          h('p', {}, [
            h('strong', {}, t(p.stance === 'want' ? 'print.wants' : 'print.resists', { about })),
            ' ',
            p.text,
          ]),
          ...quotes(index, p.source),
        ])
      }),
    ),
  ]
}

/** The side's named roles (a lead negotiator, advisers), for the students who share it; null when none. */
function roles(side: Side) {
  if (!side.roles?.length) return null
  return [
    h(
      'ul',
      { class: 'plain print-rules' },
      side.roles.map((r) =>
        h('li', { key: r.id }, [h('strong', {}, r.name), r.brief ? ': ' : null, r.brief ?? null]),
      ),
    ),
  ]
}

/**
 * The questions for reflection the side will be asked after the game, so that students can keep them in mind
 * while they play (the teacher's rubric stays off the students' sheet); null when the side has none.
 */
function questions(side: Side) {
  if (!side.reflection?.length) return null
  return [
    h('p', { class: 'print-note' }, t('print.questionsLead')),
    h(
      'ol',
      {},
      side.reflection.map((q) => h('li', { key: q.id }, q.question)),
    ),
  ]
}

/** Who is who, printed open: each group of actors with their offices and their words. */
function whoIsWho(index: ScenarioIndex): View[] {
  return actorGroups(index).map((g) =>
    h('div', { class: 'print-group', key: g.side }, [
      h(
        'h4',
        {},
        g.side
          ? t('briefing.speakingFor', { side: nameOf(index, g.side), count: g.actors.length })
          : t('briefing.observers', { count: g.actors.length }),
      ),
      ...g.actors.map((a) =>
        h('div', { class: 'print-actor', key: a.id }, [
          h('p', { class: 'print-actor-name' }, [h('strong', {}, a.name), ', ', a.office]),
          ...a.statements.map((s) => quote(index, s, a.name)),
        ]),
      ),
    ]),
  )
}

/**
 * The role sheet of `side` in `index` (the scenario as this device has it, in the interface's language), or
 * null when this device does not hold that side's private texts (a student's device holds only its own side).
 */
export function renderRoleSheet(index: ScenarioIndex, sideId: string): View | null {
  const side = index.sides.get(sideId)
  if (!side?.briefing) return null
  const { scenario } = index
  const id = `print-side-${sideId}`
  return h('article', { class: 'print-sheet', key: sideId, 'aria-labelledby': id }, [
    h('p', { class: 'print-kicker' }, [scenario.title, ' · ', t('print.private', { side: side.name })]),
    h('h2', { id }, t('print.roleHeading', { side: side.name })),
    h('p', { class: 'lead' }, side.briefing),
    section(t('briefing.want'), [
      h(
        'ul',
        {},
        side.interests.map((i) => h('li', {}, i)),
      ),
    ]),
    section(t('briefing.respect'), constraints(index, side)),
    side.outlook
      ? section(t('print.outlook', { responder: responderName(index) }), [
          h('p', {}, side.outlook.text ?? ''),
          ...quotes(index, side.outlook.source),
        ])
      : null,
    section(t('print.positions'), positions(index, side)),
    section(t('print.roles'), roles(side)),
    section(t('briefing.who'), [h('div', { class: 'print-who' }, whoIsWho(index))]),
    section(t('print.questions'), questions(side)),
  ])
}

/** The role sheets of `sides` this device holds, in the order given (see `renderRoleSheet`). */
export function renderRoleSheets(index: ScenarioIndex, sides: readonly string[]): View[] {
  return sides.flatMap((side) => renderRoleSheet(index, side) ?? [])
}
