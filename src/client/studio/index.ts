/**
 * The studio's page: mounted instead of the game at `#studio` (see route.ts), it lists the drafts of this
 * device and the ways to start one, then shows the draft being edited (editor.ts, editor-view.ts).
 */
import './studio.css'
import { MAX_FILE_BYTES } from '../../core/scenario/load/parse.ts'
import { getAt, openDocument, setAt, toText } from '../../core/studio/yaml-doc.ts'
import { h, mount, type View } from '../dom.ts'
import { applyDocumentLanguage, onLanguageChange, t } from '../i18n/index.ts'
import { createLanguageSwitch } from '../i18n/switch.ts'
import { createNotices } from '../notices.ts'
import { loadCatalogue, scenarioTexts, templateText } from '../scenarios.ts'
import { blankScenario } from './blank.ts'
import { startChecker } from './checker.ts'
import { createDrafts, type Draft, memoryDraftStorage } from './drafts.ts'
import { indexedDbDraftStorage } from './drafts-idb.ts'
import { createEditor, type Editor } from './editor.ts'
import { renderEditor } from './editor-view.ts'
import { renderStart, type Start, titleOf } from './start.ts'

/** This tab's open draft, so that a reload or the way back from a play-test returns to it. */
const OPEN_KEY = 'red-lines:studio-draft'

const remember = (id: string | null) => {
  try {
    if (id) sessionStorage.setItem(OPEN_KEY, id)
    else sessionStorage.removeItem(OPEN_KEY)
  } catch {
    // Without sessionStorage a reload shows the list of drafts instead; nothing is lost.
  }
}
const remembered = (): string | null => {
  try {
    return sessionStorage.getItem(OPEN_KEY)
  } catch {
    return null
  }
}

/**
 * A shipped scenario's text as a new draft: its id gains `-copy`, so that the copy never takes the place of
 * the scenario it came from (saves and records name scenarios by id). Comments and layout stay.
 */
function copyOf(text: string): string {
  const opened = openDocument(text)
  if (!opened.ok) return text
  const id = getAt(opened.doc, ['id'])
  return typeof id === 'string' ? toText(setAt(opened.doc, ['id'], `${id}-copy`)) : text
}

/**
 * The scenario studio, mounted instead of the game at `#studio`: the list of drafts and the ways to start
 * one, then the draft being edited. Drafts are kept in IndexedDB; when it cannot be opened the studio keeps
 * them in memory and says, on every screen, that they will not outlive the tab.
 */
export function startStudio(root: HTMLElement): void {
  applyDocumentLanguage()
  // The title screen's shell written into the page (hidden at this address) gives way to the studio.
  root.replaceChildren()
  const notices = createNotices()
  const languageSwitch = createLanguageSwitch()
  const { seeds } = loadCatalogue({})
  const shipped = scenarioTexts()
  // Empty in the classroom build, which serves neither the shipped files nor the template made from them.
  const template = templateText()
  const persistent = typeof indexedDB !== 'undefined'
  const drafts = createDrafts(persistent ? indexedDbDraftStorage() : memoryDraftStorage())
  let editor: Editor | null = null
  let list: Draft[] | null = null
  let listError: string | null = null
  const checker = startChecker(seeds, {
    checked: (r) => editor?.checked(r.problems),
    dryRun: (r) => editor?.dryRun(r),
    failed: (message) => editor?.checkFailed(message),
  })

  const starts = (): Start[] => [
    { label: t('studio.start.blank'), name: t('studio.start.blankName'), text: blankScenario() },
    ...(template
      ? [{ label: t('studio.start.template'), name: titleOf(template) ?? 'template', text: template }]
      : []),
    ...Object.entries(shipped).map(([file, text]) => {
      const title = titleOf(text) ?? file
      return { label: t('studio.start.shipped', { title }), name: title, text: copyOf(text) }
    }),
  ]

  const failed = (e: unknown) => (e instanceof Error ? e.message : String(e))
  const storageError = (e: unknown) =>
    notices.show({
      kind: 'error',
      lines: [t('studio.storageFailed', { error: failed(e) })],
      fix: t('studio.storageFix'),
    })

  async function showList(): Promise<void> {
    editor = null
    remember(null)
    list = null
    draw()
    try {
      list = await drafts.list()
      listError = null
    } catch (e) {
      listError = failed(e)
    }
    draw()
  }

  function openDraft(draft: Draft): void {
    editor?.stop()
    remember(draft.id)
    editor = createEditor(draft, {
      drafts,
      checker,
      changed: draw,
      refused: (message) => notices.show({ kind: 'error', lines: [t('studio.editRefused', { message })] }),
    })
    notices.show(null)
    draw()
  }

  async function startFrom(name: string, text: string): Promise<void> {
    try {
      openDraft(await drafts.create(name, text))
    } catch (e) {
      storageError(e)
    }
  }

  async function openFile(file: File): Promise<void> {
    if (!/\.ya?ml$/i.test(file.name))
      return notices.show({
        kind: 'error',
        lines: [t('authoring.notYaml', { file: file.name })],
        fix: t('authoring.notYamlFix'),
      })
    if (file.size > MAX_FILE_BYTES)
      return notices.show({
        kind: 'error',
        lines: [t('authoring.tooLarge', { file: file.name, size: file.size, limit: MAX_FILE_BYTES })],
        fix: t('authoring.tooLargeFix'),
      })
    try {
      const text = await file.text()
      await startFrom(titleOf(text) ?? file.name, text)
    } catch (e) {
      notices.show({
        kind: 'error',
        lines: [t('authoring.unreadable', { file: file.name, detail: failed(e) })],
        fix: t('authoring.unreadableFix'),
      })
    }
  }

  async function closeDraft(): Promise<void> {
    await editor?.flush()
    editor?.stop()
    await showList()
  }

  let shown = ''
  function draw(): void {
    const screen: View = editor
      ? renderEditor({ editor, seeds, notices, onClose: () => void closeDraft() })
      : renderStart({
          drafts: list,
          error: listError,
          starts: starts(),
          onStart: (s) => void startFrom(s.name, s.text),
          onFile: (file) => void openFile(file),
          onOpen: openDraft,
          onRename: (d, name) => void drafts.rename(d.id, name).then(showList, storageError),
          onDelete: (d) => void drafts.remove(d.id).then(showList, storageError),
        })
    document.title = editor ? t('doc.studioDraft', { name: editor.state().draft.name }) : t('doc.studio')
    mount(root, [
      h('header', { class: 'site-head' }, [
        h('h1', {}, t('app.name')),
        h('p', { class: 'subtitle' }, t('studio.heading')),
        languageSwitch,
      ]),
      persistent ? null : h('p', { class: 'studio-error', role: 'alert' }, t('studio.noStorage')),
      notices.bar,
      notices.live,
      h('main', { id: 'screen', class: 'studio' }, screen),
    ])
    // A new screen starts at its top, with focus on its heading, as a new page would.
    const key = editor ? `draft:${editor.state().draft.id}` : 'start'
    if (key !== shown) {
      shown = key
      window.scrollTo(0, 0)
      document.getElementById('screen-heading')?.focus({ preventScroll: true })
    }
  }

  onLanguageChange(draw)
  // Nothing typed is lost when the tab closes: the last change is saved at once.
  window.addEventListener('pagehide', () => void editor?.flush())
  const id = remembered()
  if (id)
    void drafts.open(id).then(
      (draft) => (draft ? openDraft(draft) : showList()),
      () => showList(),
    )
  else void showList()
}
