import { h, later, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { printSideButton } from '../print/buttons.ts'
import { type GameView, nameOf } from '../view.ts'
import { actorGroups } from './actor-groups.ts'
import { ruleText } from './game-rule.ts'
import { renderStatement } from './response.ts'

/** Who is who: the actors, grouped by the side they speak for (analysts and observers last), with their words. */
function whoIsWho(view: GameView): View {
  const { index } = view
  const groups = actorGroups(index)
  return h('section', { class: 'who', 'aria-labelledby': 'who-heading' }, [
    h('h3', { id: 'who-heading' }, t('briefing.who')),
    ...groups.map((g) =>
      h('details', { key: g.side }, [
        h(
          'summary',
          {},
          g.side
            ? t('briefing.speakingFor', { side: nameOf(index, g.side), count: g.actors.length })
            : t('briefing.observers', { count: g.actors.length }),
        ),
        h(
          'ul',
          { class: 'plain actors' },
          g.actors.map((a) =>
            h('li', { class: 'actor' }, [
              h('h4', {}, a.name),
              h('p', { class: 'meta' }, a.office),
              ...a.statements.map((s) => renderStatement(view, { ...s, speakerName: a.name })),
            ]),
          ),
        ),
      ]),
    ),
  ])
}

/**
 * A human side's private briefing: who they represent and what they want, the constraints they must respect
 * (with the words behind them), and who is who in the articles. Shown before the first round, and again
 * on request; in hot-seat play it is shown only after the hand-over screen.
 */
export function renderBriefing(view: GameView, side: string, onDone: () => void, doneLabel: string): View {
  const { index } = view
  const s = index.sides.get(side)
  if (!s) return h('p', {}, t('briefing.unknownSide', { side }))
  return h('div', { class: 'briefing' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, t('briefing.heading', { side: s.name })),
    h('p', { class: 'lead' }, s.briefing),
    h('section', { 'aria-labelledby': 'interests-heading' }, [
      h('h3', { id: 'interests-heading' }, t('briefing.want')),
      h(
        'ul',
        {},
        s.interests.map((i) => h('li', {}, i)),
      ),
    ]),
    h('section', { 'aria-labelledby': 'constraints-heading' }, [
      h('h3', { id: 'constraints-heading' }, t('briefing.respect')),
      s.constraints.length === 0
        ? h('p', {}, t('common.noConstraints'))
        : h(
            'ul',
            { class: 'plain constraints-brief' },
            s.constraints.map((c) =>
              h('li', {}, [
                h('p', {}, ruleText(c, `brief:${c.id}`)),
                ...c.source.map((q) => renderStatement(view, q)),
              ]),
            ),
          ),
      h('p', { class: 'hint' }, t('briefing.penalty', { count: index.scenario.constraintPenalty })),
    ]),
    // Below the first view: drawn a moment after the briefing appears.
    later(whoIsWho(view)),
    h('div', { class: 'actions' }, [
      h('button', { type: 'button', class: 'primary', onclick: onDone }, doneLabel),
      printSideButton(index, side),
    ]),
  ])
}
