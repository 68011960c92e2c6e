import type { Problem } from '../../core/scenario/load/problems.ts'
import { h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import type { ScenarioEntry } from '../scenarios.ts'

/**
 * Lists the errors of shipped scenario files that could not be loaded, each with its line, column, message
 * and fix, so that an author can find and mend them. Null when none failed.
 */
export function renderProblems(entries: readonly ScenarioEntry[]): View | null {
  const failed = entries.filter((e) => !e.index)
  if (failed.length === 0) return null
  return h('section', { class: 'problems', 'aria-labelledby': 'problems-heading' }, [
    h('h2', { id: 'problems-heading' }, t('problems.heading')),
    ...failed.map((entry) => {
      const errors = entry.problems.filter((p) => p.severity === 'error')
      return h('section', { key: entry.file }, [
        h('h3', {}, entry.file),
        h('p', {}, t('problems.count', { count: errors.length })),
        renderProblemList(errors),
      ])
    }),
  ])
}

/**
 * Problems of one scenario file as a list: each says in words whether it is an error or a warning (colour
 * only repeats it), where it is (line and column, and the path in the document), what is wrong and the fix,
 * followed by `file:line:col  CODE` as the checker prints it, to find the line and look up the code.
 */
export function renderProblemList(problems: readonly Problem[]): View {
  return h(
    'ul',
    { class: 'problem-list' },
    problems.map((p) =>
      h('li', { class: `problem ${p.severity}` }, [
        h('p', {}, [
          h(
            'strong',
            { class: 'severity' },
            t(p.severity === 'error' ? 'problems.error' : 'problems.warning'),
          ),
          ' ',
          t('problems.place', { line: p.line, column: p.column }),
          p.path ? ` (${t('problems.path', { path: p.path })})` : '',
          ': ',
          p.message,
          '.',
        ]),
        h('p', {}, [h('strong', {}, t('problems.fix')), ' ', p.fix]),
        h('p', { class: 'hint' }, h('code', {}, `${p.file}:${p.line}:${p.column}  ${p.code}`)),
      ]),
    ),
  )
}
