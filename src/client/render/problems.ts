import { formatProblem } from '../../core/scenario/load/problems.ts'
import { h } from '../dom.ts'
import { t } from '../i18n/index.ts'
import type { ScenarioEntry } from '../scenarios.ts'

/**
 * Lists the errors of scenario files that could not be loaded, one line each in the form
 * `file:line:col  CODE  message. Fix: …`, so that an author can find and mend them. Null when none failed.
 */
export function renderProblems(entries: readonly ScenarioEntry[]): HTMLElement | null {
  const failed = entries.filter((e) => !e.index)
  if (failed.length === 0) return null
  return h('section', { class: 'problems', 'aria-labelledby': 'problems-heading' }, [
    h('h2', { id: 'problems-heading' }, t('problems.heading')),
    ...failed.map((entry) => {
      const errors = entry.problems.filter((p) => p.severity === 'error')
      return h('section', {}, [
        h('h3', {}, entry.file),
        h('p', {}, t('problems.count', { count: errors.length })),
        h(
          'ul',
          { class: 'problem-list' },
          errors.map((p) => h('li', {}, h('code', {}, formatProblem(p)))),
        ),
      ])
    }),
  ])
}
