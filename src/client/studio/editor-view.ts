/**
 * The studio's editing screen for one draft: a bar with the draft's state (saved, checked) and what can be
 * done with it (play-test, download, earlier versions), the sections in a side navigation, the chosen
 * section's form, and beside it the summary of problems and the dry run, both kept up to date while typing.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Problem } from '../../core/scenario/load/problems.ts'
import { button, component, h, type View } from '../dom.ts'
import { getLanguage, t } from '../i18n/index.ts'
import type { Notices } from '../notices.ts'
import { renderDryRun } from './dry-run-view.ts'
import { type Editor, scenarioFileName } from './editor.ts'
import { SECTIONS, type StudioSection } from './edits.ts'
import { downloadScenario, downloadSinglePage } from './export.ts'
import { revealField } from './forms/focus.ts'
import { sectionForm } from './forms/index.ts'
import { requestPlayTest } from './play-test.ts'
import { checkLine, renderProblems } from './problems-view.ts'
import { sectionOf } from './sections.ts'
import { renderSources } from './sources.ts'
import { renderTextView } from './text-view.ts'
import { renderVersions } from './versions-view.ts'

/** What the editing screen is given. */
export interface EditorViewProps {
  editor: Editor
  /** The game's library of articles. */
  seeds: Readonly<Record<string, string>>
  notices: Notices
  onClose: () => void
}

/** A section of the navigation: a form's, or the text of the file. */
type Shown = StudioSection | 'text'

const SECTION_HEADING = 'studio-section-heading'
const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

function saveLine(editor: Editor): View {
  const save = editor.state().save
  if (save.kind === 'failed')
    return h('div', { class: 'studio-error', role: 'alert' }, [
      h('p', {}, t('studio.save.failed', { error: save.error })),
      button(t('studio.save.retry'), () => void editor.flush(), { class: 'small' }),
    ])
  return h('p', { class: 'hint' }, t(save.kind === 'saving' ? 'studio.save.saving' : 'studio.save.saved'))
}

/** What the side panel shows: the problems and the dry run, with the way from a problem to its field. */
interface SidePanelProps {
  state: Pick<ReturnType<Editor['state']>, 'problems' | 'checking' | 'checkFailed' | 'dryRun' | 'dryRunStale'>
  blocked: boolean
  onGo: (problem: Problem) => void
}

function SidePanel({ state, blocked, onGo }: SidePanelProps): View {
  // Focusable: on a wide screen it scrolls on its own, which the keyboard must reach too.
  return h('aside', { class: 'studio-side', 'aria-label': t('studio.side'), tabindex: 0 }, [
    renderProblems({
      problems: state.problems,
      checking: state.checking,
      checkFailed: state.checkFailed,
      onGo,
    }),
    renderDryRun({ dryRun: state.dryRun, stale: state.dryRunStale, blocked }),
  ])
}

function EditorScreen(props: EditorViewProps): View {
  const { editor, notices } = props
  const state = editor.state()
  const [shown, setShown] = useState<Shown>('general')
  const [versions, setVersions] = useState(false)
  const moved = useRef(false)
  // A section chosen in the navigation takes focus at its heading, as a new page would.
  useEffect(() => {
    if (!moved.current) return
    moved.current = false
    document.getElementById(SECTION_HEADING)?.focus()
  }, [shown])
  const problems: readonly Problem[] = state.problems ?? []
  const errors = problems.filter((p) => p.severity === 'error').length
  const file = scenarioFileName(state.data)
  const choose = (next: Shown) => {
    moved.current = true
    setShown(next)
  }
  const reveal = (path: string | Array<string | number>) => {
    setShown(sectionOf(path))
    void revealField(path).then((found) => {
      if (!found) document.getElementById(SECTION_HEADING)?.focus()
    })
  }
  const failed = (key: 'studio.export.failed' | 'studio.storageFailed') => (e: unknown) =>
    notices.show({ kind: 'error', lines: [t(key, { error: message(e) })] })

  const playTest = async () => {
    await editor.flush()
    if (errors > 0)
      return notices.show({
        kind: 'error',
        lines: [t('studio.playTest.hasErrors', { count: errors })],
        fix: t('studio.playTest.hasErrorsFix'),
      })
    if (!requestPlayTest({ file, text: editor.text() }))
      return notices.show({ kind: 'error', lines: [t('studio.playTest.noStorage')] })
    location.hash = '#play-test'
  }
  const downloadFile = () => {
    try {
      const embedded = downloadScenario(file, editor.text(), props.seeds)
      notices.announce(t('studio.export.done', { file, count: embedded.length }))
    } catch (e) {
      failed('studio.export.failed')(e)
    }
  }
  const downloadPage = () =>
    downloadSinglePage(file, editor.text(), props.seeds).then(
      () => notices.announce(t('studio.export.pageDone')),
      failed('studio.export.failed'),
    )

  const blocked = errors > 0 || state.unreadable !== null
  const { problems: found, checking, checkFailed, dryRun, dryRunStale } = state
  // The same view while none of this changes, which Preact then leaves alone: a keystroke draws the form
  // again, not the whole list of problems and the dry run's report beside it.
  const side = useMemo(
    () =>
      component(SidePanel, {
        state: { problems: found, checking, checkFailed, dryRun, dryRunStale },
        blocked,
        onGo: (p) => reveal(p.path),
      }),
    // `reveal` only sets state and moves focus: the first one serves as well as any later one.
    [found, checking, checkFailed, dryRun, dryRunStale, blocked, getLanguage()],
  )

  const count = (section: StudioSection) => problems.filter((p) => sectionOf(p.path) === section).length
  const nav = h('nav', { class: 'studio-nav', 'aria-label': t('studio.sections') }, [
    h('ul', { class: 'plain' }, [
      ...SECTIONS.map((s) => {
        const n = count(s.id)
        return h('li', { key: s.id }, [
          button(t(s.label), () => choose(s.id), {
            'aria-current': shown === s.id ? 'true' : null,
            'aria-describedby': n ? `nav-count-${s.id}` : null,
          }),
          n
            ? h(
                'span',
                { id: `nav-count-${s.id}`, class: 'nav-count' },
                t('studio.nav.problems', { count: n }),
              )
            : null,
        ])
      }),
      h(
        'li',
        { key: 'text' },
        button(t('studio.section.text'), () => choose('text'), {
          'aria-current': shown === 'text' ? 'true' : null,
        }),
      ),
    ]),
  ])

  const sectionLabel =
    shown === 'text'
      ? t('studio.section.text')
      : t(SECTIONS.find((s) => s.id === shown)?.label ?? 'studio.section.general')
  const edit = editor.edit
  const body: View | null =
    shown === 'text'
      ? renderTextView(editor)
      : state.unreadable !== null
        ? h('div', { class: 'studio-error', role: 'alert' }, [
            h('p', {}, t('studio.unreadable', { problem: state.unreadable })),
            button(t('studio.unreadableFix'), () => choose('text')),
          ])
        : shown === 'sources'
          ? renderSources({
              data: state.data,
              problems,
              edit,
              library: props.seeds,
              announce: notices.announce,
              reveal,
            })
          : sectionForm({ section: shown, data: state.data, problems, edit })

  return h('div', { class: 'studio-editor', key: `editor-${state.draft.id}` }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, t('studio.editing', { name: state.draft.name })),
    h('div', { class: 'studio-bar' }, [
      h('div', { class: 'studio-status' }, [
        saveLine(editor),
        h('p', { class: errors ? 'check-line has-errors' : 'check-line' }, checkLine(state)),
      ]),
      h('div', { class: 'actions' }, [
        button(t('studio.playTest.button'), () => void playTest(), { class: 'primary' }),
        button(t('studio.export.file'), downloadFile),
        button(t('studio.export.page'), () => void downloadPage()),
        button(t('studio.versions.open'), () => setVersions(!versions), {
          'aria-expanded': versions ? 'true' : 'false',
        }),
        button(t('studio.close'), props.onClose),
      ]),
    ]),
    versions
      ? renderVersions({
          editor,
          announce: notices.announce,
          failed: failed('studio.storageFailed'),
          close: () => setVersions(false),
        })
      : null,
    h('div', { class: 'studio-layout' }, [
      nav,
      h('section', { class: 'studio-panel', 'aria-labelledby': SECTION_HEADING }, [
        h('h3', { id: SECTION_HEADING, tabindex: -1 }, sectionLabel),
        body,
      ]),
      side,
    ]),
  ])
}

/** The editing screen of a draft. */
export function renderEditor(props: EditorViewProps): View {
  return component(EditorScreen, props)
}
