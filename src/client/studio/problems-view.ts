/**
 * The summary of the checker's problems beside the forms: how many errors and warnings, and each problem as
 * the checker words it (its message and its fix), with a button that opens the section of its field and
 * moves focus to the field. The forms show the same problems at their fields.
 */
import type { Problem } from '../../core/scenario/load/problems.ts'
import { button, h, type View } from '../dom.ts'
import { getLanguage, t } from '../i18n/index.ts'
import { SECTIONS } from './edits.ts'
import { sectionOf } from './sections.ts'

/** What the summary shows. */
export interface ProblemsProps {
  /** The problems of the newest text checked, or null before the first answer. */
  problems: readonly Problem[] | null
  checking: boolean
  checkFailed: string | null
  onGo: (problem: Problem) => void
}

/** The one-line state of the check, for the toolbar and the summary's heading. */
export function checkLine(props: Pick<ProblemsProps, 'problems' | 'checking' | 'checkFailed'>): string {
  if (props.checkFailed) return t('studio.check.failed', { error: props.checkFailed })
  if (!props.problems) return t('studio.check.checking')
  const errors = props.problems.filter((p) => p.severity === 'error').length
  const warnings = props.problems.length - errors
  const found =
    errors === 0 && warnings === 0
      ? t('studio.check.clean')
      : errors === 0
        ? t('studio.check.warnings', { count: warnings })
        : warnings === 0
          ? t('studio.check.errors', { count: errors })
          : t('studio.check.both', {
              errors: t('studio.check.errors', { count: errors }),
              warnings: t('studio.check.warnings', { count: warnings }),
            })
  return props.checking ? t('studio.check.rechecking', { found }) : found
}

/** The checker words its problems in English: in another interface language, they say so. */
const english = () => (getLanguage() === 'en' ? {} : { lang: 'en' })

const sectionName = (problem: Problem): string => {
  const id = sectionOf(problem.path)
  const section = SECTIONS.find((s) => s.id === id)
  return section ? t(section.label) : id
}

function problemItem(p: Problem, key: string, onGo: (p: Problem) => void): View {
  return h('li', { key, class: `problem ${p.severity}` }, [
    h('p', {}, [
      h('strong', { class: 'severity' }, t(p.severity === 'error' ? 'problems.error' : 'problems.warning')),
      ' ',
      h('span', english(), `${p.message}.`),
    ]),
    h('p', {}, [h('strong', {}, t('problems.fix')), ' ', h('span', english(), p.fix)]),
    button(t('studio.problems.go', { section: sectionName(p) }), () => onGo(p), {
      class: 'small link',
      'aria-label': t('studio.problems.goLabel', { section: sectionName(p), message: p.message }),
    }),
  ])
}

/** The summary of problems. */
export function renderProblems(props: ProblemsProps): View {
  const list = props.problems ?? []
  return h('section', { class: 'studio-summary', 'aria-labelledby': 'studio-problems-heading' }, [
    h('h3', { id: 'studio-problems-heading' }, t('studio.problems.heading')),
    h('p', { class: props.checkFailed ? 'studio-error' : 'check-line' }, checkLine(props)),
    list.length
      ? h(
          'ul',
          { class: 'problem-list' },
          list.map((p, i) => problemItem(p, `${p.code}-${p.path}-${i}`, props.onGo)),
        )
      : null,
  ])
}
