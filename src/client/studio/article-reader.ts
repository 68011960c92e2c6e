/**
 * Reading one article of the scenario in the Sources panel: its text, which cannot be changed, in which a passage is
 * selected with the mouse, by touch or with the keyboard (Shift and the arrow keys), then quoted with "Use
 * selection"; and the quoted statements the studio finds in it, each to accept (it becomes an actor's
 * statement) or to ignore.
 */
import { useMemo, useRef, useState } from 'preact/hooks'
import { articleText } from '../../core/scenario/seed-title.ts'
import { findStatements } from '../../core/studio/quote-finder.ts'
import { button, component, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { asList, asRecord } from './forms/context.ts'
import type { Passage } from './passage.ts'
import { renderPassageForm } from './passage-form.ts'
import { scenarioLanguage } from './scenario-language.ts'
import type { SourcesProps } from './sources.ts'
import { acceptEdits, isAccepted, type Suggestion } from './suggestions.ts'

/** What the reader is given: the panel's props, the article read and how to read another. */
export interface ReaderProps extends SourcesProps {
  file: string
  files: string[]
  choose: (file: string) => void
}

const ARTICLE_ID = 'studio-article-text'

/**
 * The passage selected in the article: the text area's own selection (exact, whatever moved it), else the
 * page's selection when it lies inside the article. Spacing is made single: the quote check ignores it.
 */
export function selectedPassage(area: HTMLTextAreaElement | null): string {
  if (!area) return ''
  let text = area.value.slice(area.selectionStart, area.selectionEnd)
  if (!text) {
    const selection = window.getSelection()
    const node = selection?.anchorNode ?? null
    if (selection && node && area.parentElement?.contains(node)) text = selection.toString()
  }
  return text.replace(/\s+/g, ' ').trim()
}

function suggestionItem(
  s: Suggestion,
  lang: string,
  accepted: boolean,
  onAccept: () => void,
  onIgnore: () => void,
  key: string,
): View {
  const who = s.speaker
    ? [s.speaker.name, s.speaker.office].filter(Boolean).join(', ')
    : t('studio.suggest.noSpeaker')
  return h('li', { key, class: accepted ? 'suggestion accepted' : 'suggestion' }, [
    h('blockquote', {}, `“${s.quote}”`),
    // Who and when are the article's words, in the scenario's language (unless no speaker was found).
    h(
      'p',
      { class: 'meta', lang: s.speaker ? lang : null },
      s.date ? t('studio.suggest.whoWhen', { who, date: s.date }) : who,
    ),
    accepted
      ? h('p', { class: 'hint' }, t('studio.suggest.accepted'))
      : h('div', { class: 'actions' }, [
          button(t('studio.suggest.accept'), onAccept, {
            class: 'small primary',
            'aria-label': t('studio.suggest.acceptLabel', { who, quote: s.quote.slice(0, 60) }),
          }),
          button(t('studio.suggest.ignore'), onIgnore, {
            class: 'small',
            'aria-label': t('studio.suggest.ignoreLabel', { who, quote: s.quote.slice(0, 60) }),
          }),
        ]),
  ])
}

function Reader(props: ReaderProps): View {
  const { file, data } = props
  const area = useRef<HTMLTextAreaElement>(null)
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set())
  const [passage, setPassage] = useState<Passage | null>(null)
  const [nothing, setNothing] = useState(false)
  const seeds = asList(asRecord(data).seeds).map(asRecord)
  const text = articleText({ seeds: seeds as Array<{ file: string }> }, file, props.library) ?? ''
  const seed = seeds.find((s) => s.file === file)
  const title = typeof seed?.title === 'string' && seed.title ? seed.title : file
  const found = useMemo(() => (text ? (findStatements(text) as Suggestion[]) : []), [text])
  const shown = found.filter((s) => !ignored.has(`${file}:${s.start}`))

  const use = () => {
    const quote = selectedPassage(area.current)
    setNothing(!quote)
    setPassage(quote ? { seed: file, quote } : null)
  }
  const accept = (s: Suggestion) => {
    props.edit(acceptEdits(data, file, s, t('studio.suggest.unnamed')).edit)
    props.announce(t('studio.suggest.done', { who: s.speaker?.name ?? t('studio.suggest.unnamed') }))
  }

  return h('section', { class: 'article-reader', 'aria-labelledby': 'reader-heading' }, [
    h('h4', { id: 'reader-heading' }, t('studio.reader.heading', { title })),
    props.files.length > 1
      ? h('div', { class: 'field' }, [
          h('label', { for: 'reader-choice' }, t('studio.reader.choose')),
          h(
            'select',
            {
              id: 'reader-choice',
              value: file,
              onchange: (e: Event) => props.choose((e.currentTarget as HTMLSelectElement).value),
            },
            props.files.map((f) => h('option', { key: f, value: f }, f)),
          ),
        ])
      : null,
    text
      ? h('div', { class: 'field article-box' }, [
          h('label', { for: ARTICLE_ID }, t('studio.reader.text')),
          // Not `readonly`: Chromium's read-only text areas take no keyboard selection. Every change is
          // refused instead (and undone, should one slip through), so the text stays the article's.
          h('textarea', {
            id: ARTICLE_ID,
            ref: area,
            'aria-readonly': 'true',
            spellcheck: false,
            rows: 14,
            value: text,
            onbeforeinput: (e: InputEvent) => e.preventDefault(),
            oninput: (e: Event) => {
              const el = e.currentTarget as HTMLTextAreaElement
              if (el.value !== text) el.value = text
            },
            'aria-describedby': `${ARTICLE_ID}-hint`,
            class: 'article-text',
          }),
          h('p', { id: `${ARTICLE_ID}-hint`, class: 'hint' }, t('studio.reader.hint')),
          h('div', { class: 'actions' }, [button(t('studio.reader.use'), use, { class: 'primary' })]),
          nothing ? h('p', { class: 'studio-error', role: 'alert' }, t('studio.reader.nothing')) : null,
          passage
            ? renderPassageForm({ ...props, passage, done: () => setPassage(null), key: passage.quote })
            : null,
        ])
      : h('p', {}, t('studio.reader.noText', { file })),
    text
      ? h('section', { class: 'suggestions', 'aria-labelledby': 'suggestions-heading' }, [
          h('h5', { id: 'suggestions-heading' }, t('studio.suggest.heading', { count: shown.length })),
          h('p', { class: 'hint' }, t('studio.suggest.hint')),
          ignored.size
            ? h('p', { class: 'hint' }, [
                t('studio.suggest.ignoredCount', { count: ignored.size }),
                ' ',
                button(t('studio.suggest.showIgnored'), () => setIgnored(new Set()), { class: 'small link' }),
              ])
            : null,
          h(
            'ul',
            { class: 'plain suggestion-list' },
            shown.map((s) =>
              suggestionItem(
                s,
                scenarioLanguage(data),
                isAccepted(data, file, s.quote),
                () => accept(s),
                () => setIgnored((set) => new Set([...set, `${file}:${s.start}`])),
                `${file}:${s.start}`,
              ),
            ),
          ),
        ])
      : null,
  ])
}

/** The reader of one article, with its own state (the passage selected, the suggestions ignored). */
export function renderReader(props: ReaderProps): View {
  return component(Reader, { ...props, key: props.file } as ReaderProps)
}
