import { useMemo } from 'preact/hooks'
import type { Problem } from '../../../core/scenario/load/problems.ts'
import { ScenarioSchema } from '../../../core/scenario/schema/scenario.ts'
import { component, h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import type { SectionFormProps, StudioSection } from '../edits.ts'
import './forms.css'
import { asList, type FormCtx } from './context.ts'
import { group } from './field.ts'
import { generalForm } from './general.ts'
import { anyField, type Hide } from './object-form.ts'
import { ProblemIndex } from './problem-paths.ts'
import { responseForm } from './response.ts'
import { fieldOf, shapeOf } from './schema-walk.ts'
import { scoringForm } from './scoring.ts'

/**
 * The studio's section forms, drawn from the scenario format: every field with its label, the format's help
 * and the checker's problems at it. The studio places one under each section's heading and applies the edits
 * it asks for to the YAML document; the Sources section (the articles) is the studio's own.
 */

export { SECTIONS } from '../edits.ts'
export { revealField } from './focus.ts'

/**
 * A proposing side's outlook and positions: the responding side may have neither (the checker says so), so
 * they are not offered there unless the file already has them.
 */
const hideOnResponder: Hide = (key, entry) =>
  (key === 'outlook' || key === 'positions') &&
  entry.role === 'responder' &&
  (entry[key] === undefined || asList(entry[key]).length === 0)

function SectionForm({ section, data, problems, edit }: SectionFormProps): View {
  const index = useMemo(() => new ProblemIndex(problems), [problems])
  const ctx: FormCtx = { data, problems: index, edit }
  return h('div', { class: 'studio-fields' }, body(ctx, section, problems))
}

function body(ctx: FormCtx, section: StudioSection, problems: readonly Problem[]): View | View[] | null {
  const scenario = shapeOf(ScenarioSchema)
  const list = (key: string, hide?: Hide) => {
    const spec = fieldOf(scenario, key)
    return spec ? anyField(ctx, key, spec.shape, [key], hide) : null
  }
  switch (section) {
    case 'general':
      return generalForm(ctx, problems)
    case 'response':
      return responseForm(ctx)
    case 'scoring':
      return scoringForm(ctx)
    case 'sides':
      return list('sides', hideOnResponder)
    case 'sources':
      // The articles are the studio's own panel, with their details; their problems are shown here, below it.
      return ctx.problems.under(['seeds']).length
        ? group({ ctx, path: ['seeds'], legend: t('studio.form.sourceProblems'), drawn: [], children: null })
        : null
    default:
      return list(section)
  }
}

/**
 * The form of one section of the scenario (every section but Sources): `data` is the whole document as plain
 * data, `problems` every problem the checker found (each is shown at its field), and `edit` is called with each
 * change, as it is typed.
 */
export function sectionForm(props: SectionFormProps): View {
  // Keyed by section: another section's form starts afresh, never with this one's open entries.
  return h('div', { key: props.section, 'data-section': props.section }, component(SectionForm, props))
}
