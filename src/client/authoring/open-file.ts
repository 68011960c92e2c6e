import { useEffect, useRef } from 'preact/hooks'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { MAX_FILE_BYTES } from '../../core/scenario/load/parse.ts'
import type { Problem } from '../../core/scenario/load/problems.ts'
import { button, component, h, type View } from '../dom.ts'
import { hiddenFileInput } from '../file-input.ts'
import { formatNumber, t } from '../i18n/index.ts'
import type { Notices } from '../notices.ts'
import { renderProblemList } from '../render/problems.ts'
import type { Library } from './library.ts'

/** What the last opened file gave, shown under the button until another file is opened or a game starts. */
export interface OpenReport {
  file: string
  /** The scenario's title when it loaded. */
  title: string | null
  problems: Problem[]
}

const REPORT_HEADING = 'open-report-heading'
const YAML = /\.ya?ml$/i

/** Options of createFileOpener. */
export interface FileOpenerOptions {
  library: Library
  notices: Notices
  /** A file loaded: the menu selects it on the set-up screen. */
  onLoaded: (index: ScenarioIndex) => void
  /** Shows the current screen again, with the report. */
  redraw: () => void
}

const count = (problems: Problem[], severity: Problem['severity']) =>
  problems.filter((p) => p.severity === severity).length

/**
 * Opens scenario files chosen with the button or dropped on the page: refuses what is not YAML or is over the
 * loader's size limit before reading it, loads the rest against the bundled seed articles, and keeps a
 * report of the problems for the page. Nothing is sent anywhere and the page never breaks on a bad file.
 */
export function createFileOpener(options: FileOpenerOptions) {
  const { library, notices } = options
  let report: OpenReport | null = null

  // The screen is drawn first and the notice shown after, since moving to another screen clears notices.
  const refuse = (lines: string[], fix: string) => {
    report = null
    options.redraw()
    notices.show({ kind: 'error', lines, fix })
  }

  async function read(file: File): Promise<void> {
    if (!YAML.test(file.name))
      return refuse([t('authoring.notYaml', { file: file.name })], t('authoring.notYamlFix'))
    // Checked before reading: a huge file is never read into memory.
    if (file.size > MAX_FILE_BYTES)
      return refuse(
        [t('authoring.tooLarge', { file: file.name, size: file.size, limit: MAX_FILE_BYTES })],
        t('authoring.tooLargeFix'),
      )
    const text = await file.text()
    const opened = library.open(file.name, text)
    report = { file: file.name, title: opened.index?.scenario.title ?? null, problems: opened.problems }
    const errors = count(opened.problems, 'error')
    const warnings = count(opened.problems, 'warning')
    if (opened.index) {
      options.onLoaded(opened.index)
      notices.show({
        kind: warnings ? 'warning' : 'info',
        lines: [
          t('authoring.loaded', { file: file.name, title: opened.index.scenario.title }),
          ...(warnings ? [t('authoring.loadedWarnings', { count: warnings })] : []),
        ],
      })
    } else {
      options.redraw()
      notices.show({
        kind: 'error',
        lines: [t('authoring.failed', { file: file.name, errors: t('authoring.errors', { count: errors }) })],
        fix: t('authoring.failedFix'),
      })
    }
  }

  /** Opens a file; never throws (a file that cannot be read is reported like a bad one). */
  const open = (file: File): void => {
    void read(file).catch((error: unknown) =>
      refuse(
        [t('authoring.unreadable', { file: file.name, detail: String(error) })],
        t('authoring.unreadableFix'),
      ),
    )
  }

  return {
    open,
    /** Forgets the report (a game starts). */
    clear: (): void => {
      report = null
    },
    /** The section of the title and set-up screens: the button, the hint and the last file's problems. */
    render: (): View => component(OpenFile, { report, onFile: open }),
  }
}

/** Reports whose heading took focus already: a report is announced once, not each time it is drawn again. */
const focused = new WeakSet<OpenReport>()

/** The "Open scenario file…" button with its hidden file input, and the report of the last file opened. */
function OpenFile({ report, onFile }: { report: OpenReport | null; onFile: (file: File) => void }): View {
  const input = useRef<HTMLInputElement>(null)
  return h('section', { class: 'open-file', 'aria-labelledby': 'open-file-heading' }, [
    h('h3', { id: 'open-file-heading' }, t('authoring.heading')),
    h('p', { class: 'hint' }, t('authoring.hint', { limit: formatNumber(MAX_FILE_BYTES / 1_000_000) })),
    h('div', { class: 'actions' }, [
      button(t('authoring.open'), () => input.current?.click()),
      hiddenFileInput(input, '.yaml,.yml,application/yaml,text/yaml', onFile),
    ]),
    report ? component(Report, { report }) : null,
  ])
}

/** What the last file gave; a new report takes focus, so that its heading and problems are read next. */
function Report({ report }: { report: OpenReport }): View {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focused.has(report)) return
    focused.add(report)
    heading.current?.focus()
  }, [report])
  const errors = count(report.problems, 'error')
  const warnings = count(report.problems, 'warning')
  const title = report.title
    ? t('authoring.reportLoaded', { file: report.file })
    : t('authoring.reportFailed', { file: report.file })
  const summary = report.title
    ? warnings
      ? t('authoring.reportWarnings', { count: warnings })
      : t('authoring.reportClean')
    : warnings
      ? t('authoring.reportErrors', {
          errors: t('authoring.errors', { count: errors }),
          warnings: t('authoring.warnings', { count: warnings }),
        })
      : t('authoring.reportErrorsOnly', { errors: t('authoring.errors', { count: errors }) })
  return h('section', { class: 'open-report', 'aria-labelledby': REPORT_HEADING }, [
    h('h4', { id: REPORT_HEADING, tabindex: -1, ref: heading }, title),
    h('p', {}, summary),
    report.problems.length ? renderProblemList(report.problems) : null,
  ])
}
