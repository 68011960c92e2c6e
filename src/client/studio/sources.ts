/**
 * The Sources panel: adding an article to the scenario (pasted as plain text, HTML or Markdown, or opened
 * from a file), reading an article to accept the statements the studio finds in it or to quote a selected
 * passage, and, below, the form of the articles' details. An article is written into `seeds:` with its text,
 * so that it travels with the scenario.
 */

import { useRef, useState } from 'preact/hooks'
import { LIMITS } from '../../core/scenario/limits.ts'
import type { Problem } from '../../core/scenario/load/problems.ts'
import { articleFromPaste, type PastedArticle } from '../../core/studio/article-text.ts'
import { button, component, h, type View } from '../dom.ts'
import { hiddenFileInput } from '../file-input.ts'
import { t } from '../i18n/index.ts'
import { renderReader } from './article-reader.ts'
import type { StudioEdit } from './edits.ts'
import { asList, asRecord } from './forms/context.ts'
import { slugify } from './forms/ids.ts'
import { renderSeedsList } from './seeds-list.ts'

/** What the panel needs from the studio. */
export interface SourcesProps {
  data: unknown
  problems: readonly Problem[]
  edit: (e: StudioEdit) => void
  /** The game's library of articles, which a scenario may cite without carrying their text. */
  library: Readonly<Record<string, string>>
  /** Says something to screen readers (a statement accepted, an article added). */
  announce: (text: string) => void
  /** Opens the section of the element at `path` and moves focus to it. */
  reveal: (path: Array<string | number>) => void
}

/** The article files a pasted article may come from; anything else is read as plain text anyway. */
const ARTICLE_FILES = '.txt,.text,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown'

/** A name for a new article, from its title, that no article of the scenario has (`dam-talks.txt`). */
export function articleName(title: string | undefined, taken: readonly string[]): string {
  const base = slugify(title ?? '') || 'article'
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.txt` : `${base}-${n}.txt`
    if (!taken.includes(name)) return name
  }
}

const seedFiles = (data: unknown): string[] =>
  asList(asRecord(data).seeds).flatMap((s) => {
    const file = asRecord(s).file
    return typeof file === 'string' ? [file] : []
  })

interface Details {
  file: string
  title: string
  outlet: string
  date: string
  url: string
}

/** One labelled text box of the article's details. */
function detail(id: string, label: string, value: string, set: (v: string) => void, hint?: string): View {
  return h('div', { class: 'field' }, [
    h('label', { for: id }, label),
    h('input', {
      id,
      type: 'text',
      value,
      maxlength: 2000,
      ...(hint ? { 'aria-describedby': `${id}-hint` } : {}),
      oninput: (e: Event) => set((e.currentTarget as HTMLInputElement).value),
    }),
    hint ? h('p', { id: `${id}-hint`, class: 'hint' }, hint) : null,
  ])
}

/** Pasting or opening an article, reading it, checking its details, and adding it to the scenario. */
function AddArticle(props: SourcesProps & { added: (file: string) => void }): View {
  const [source, setSource] = useState('')
  const [read, setRead] = useState<PastedArticle | null>(null)
  const [details, setDetails] = useState<Details | null>(null)
  const [error, setError] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  const readArticle = (input: string) => {
    const article = articleFromPaste(input)
    if (!article.text.trim()) return setError(t('studio.sources.empty'))
    if (article.text.length > LIMITS.articleText)
      return setError(t('studio.sources.tooLong', { limit: LIMITS.articleText }))
    setError(null)
    setRead(article)
    setDetails({
      file: articleName(article.title, seedFiles(props.data)),
      title: article.title ?? '',
      outlet: article.outlet ?? '',
      date: article.date ?? '',
      url: article.url ?? '',
    })
  }
  const openFile = async (file: File) => {
    // A file several times the longest article is refused before it is read into memory.
    if (file.size > LIMITS.articleText * 8)
      return setError(t('studio.sources.fileTooLarge', { file: file.name }))
    try {
      const text = await file.text()
      setSource(text)
      readArticle(text)
    } catch (e) {
      setError(t('studio.sources.unreadable', { file: file.name, error: String(e) }))
    }
  }
  const add = () => {
    if (!read || !details) return
    const file = details.file.trim()
    if (!file) return setError(t('studio.sources.noName'))
    if (seedFiles(props.data).includes(file)) return setError(t('studio.sources.nameTaken', { file }))
    const seed = {
      file,
      ...(details.title.trim() ? { title: details.title.trim() } : {}),
      ...(details.outlet.trim() ? { outlet: details.outlet.trim() } : {}),
      ...(details.date.trim() ? { date: details.date.trim() } : {}),
      ...(details.url.trim() ? { url: details.url.trim() } : {}),
      text: read.text,
    }
    props.edit({ op: 'append', path: ['seeds'], value: seed })
    props.announce(t('studio.sources.added'))
    setSource('')
    setRead(null)
    setDetails(null)
    setError(null)
    props.added(file)
  }
  const set = (key: keyof Details) => (value: string) => setDetails((d) => (d ? { ...d, [key]: value } : d))

  return h('section', { class: 'add-article', 'aria-labelledby': 'add-article-heading' }, [
    h('h4', { id: 'add-article-heading' }, t('studio.sources.addHeading')),
    h('div', { class: 'field' }, [
      h('label', { for: 'article-paste' }, t('studio.sources.paste')),
      h('textarea', {
        id: 'article-paste',
        rows: 6,
        value: source,
        'aria-describedby': 'article-paste-hint',
        oninput: (e: Event) => setSource((e.currentTarget as HTMLTextAreaElement).value),
      }),
      h('p', { id: 'article-paste-hint', class: 'hint' }, t('studio.sources.pasteHint')),
    ]),
    h('div', { class: 'actions' }, [
      button(t('studio.sources.read'), () => readArticle(source), { class: 'primary' }),
      button(t('studio.sources.openFile'), () => fileInput.current?.click()),
      hiddenFileInput(fileInput, ARTICLE_FILES, (file) => void openFile(file)),
    ]),
    error ? h('p', { class: 'studio-error', role: 'alert' }, error) : null,
    read && details
      ? h('div', { class: 'article-details' }, [
          h(
            'p',
            {},
            t('studio.sources.readAs', {
              kind: t(`studio.sources.kind.${read.kind}`),
              count: read.text.length,
            }),
          ),
          detail(
            'article-file',
            t('studio.sources.name'),
            details.file,
            set('file'),
            t('studio.sources.nameHint'),
          ),
          detail('article-title', t('studio.sources.title'), details.title, set('title')),
          detail('article-outlet', t('studio.sources.outlet'), details.outlet, set('outlet')),
          detail('article-date', t('studio.sources.date'), details.date, set('date')),
          detail('article-url', t('studio.sources.url'), details.url, set('url')),
          h('div', { class: 'actions' }, [button(t('studio.sources.add'), add, { class: 'primary' })]),
        ])
      : null,
  ])
}

/** The Sources panel. */
function Sources(props: SourcesProps): View {
  const [chosen, setChosen] = useState<string | null>(null)
  const files = seedFiles(props.data)
  const current = chosen && files.includes(chosen) ? chosen : (files[0] ?? null)
  return h('div', { class: 'studio-sources' }, [
    component(AddArticle, { ...props, added: setChosen }),
    current
      ? renderReader({ ...props, file: current, files, choose: setChosen })
      : h('p', {}, t('studio.sources.none')),
    files.length
      ? renderSeedsList({
          data: props.data,
          problems: props.problems,
          edit: props.edit,
          reading: current,
          read: (file) => {
            setChosen(file)
            document.getElementById('reader-heading')?.scrollIntoView?.({ block: 'start' })
          },
        })
      : null,
  ])
}

/** The Sources panel, with its own state (the article being read, the paste being added). */
export function renderSources(props: SourcesProps): View {
  return component(Sources, props)
}
