import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameState } from '../../core/rules/state.ts'
import { flagName } from '../authoring/condition-text.ts'
import { type Child, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { instrumentName, nameOf } from '../view.ts'

/**
 * The backstage's section on the whole state of the game: round, phase, set-up, package, stances, meters and
 * flags, as the rules hold them.
 */
export function stateSection(index: ScenarioIndex, state: GameState): View {
  const stance = (side: string) => {
    const s = state.stances[side]
    if (!s) return t('backstage.stanceNone')
    return s.kind === 'endorse'
      ? t('backstage.stanceEndorse')
      : t('backstage.stanceObject', { reason: s.reason })
  }
  const flags = [...index.flags].map((id) => ({ name: flagName(index, id), set: state.flags.includes(id) }))
  const row = (label: string, value: Child) => h('div', {}, [h('dt', {}, label), h('dd', {}, value)])
  return h('section', { 'aria-labelledby': 'backstage-state' }, [
    h('h3', { id: 'backstage-state' }, t('backstage.state')),
    h('dl', { class: 'backstage-facts' }, [
      row(
        t('backstage.round'),
        t('backstage.roundValue', { round: state.round, rounds: index.scenario.rounds }),
      ),
      row(t('backstage.phase'), t(`backstage.phase.${state.phase}`)),
      row(
        t('backstage.setup'),
        t('backstage.setupValue', {
          seed: state.setup.seed,
          difficulty: t(`backstage.difficulty.${state.setup.difficulty}`),
        }),
      ),
      row(
        t('backstage.package'),
        state.package.length === 0
          ? t('backstage.packageEmpty')
          : h(
              'ul',
              { class: 'plain' },
              state.package.map((i) =>
                h(
                  'li',
                  {},
                  t('backstage.packageItem', {
                    instrument: instrumentName(index, i.instrument, i.variant),
                    side: nameOf(index, i.backedBy),
                  }),
                ),
              ),
            ),
      ),
      row(
        t('backstage.stances'),
        h(
          'ul',
          { class: 'plain' },
          index.proposers.map((side) => h('li', {}, `${nameOf(index, side)}: ${stance(side)}`)),
        ),
      ),
      row(
        t('backstage.meters'),
        h(
          'ul',
          { class: 'plain' },
          index.scenario.meters.map((m) =>
            h(
              'li',
              {},
              t('backstage.meter', {
                meter: m.name,
                value: state.meters[m.id] ?? m.start,
                min: m.min,
                max: m.max,
              }),
            ),
          ),
        ),
      ),
      row(
        t('backstage.flags'),
        h(
          'ul',
          { class: 'plain' },
          flags.map((f) =>
            h('li', {}, `${f.name}: ${f.set ? t('backstage.flagSet') : t('backstage.flagUnset')}`),
          ),
        ),
      ),
    ]),
  ])
}
