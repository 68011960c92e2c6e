/**
 * The draft as the YAML text it is saved as, for the teacher who wants to see or mend the file itself (a file
 * written by hand that does not parse can only be mended here). Changes apply with "Apply the text", as an
 * edit like any other, saved and kept in the versions.
 */
import { useState } from 'preact/hooks'
import { button, component, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import type { Editor } from './editor.ts'

function TextView({ editor, text }: { editor: Editor; text: string }): View {
  // The text as typed here, until applied; the draft's text when nothing is typed.
  const [typed, setTyped] = useState<string | null>(null)
  const shown = typed ?? text
  return h('div', { class: 'studio-text-view' }, [
    h('p', { class: 'hint', id: 'yaml-text-hint' }, t('studio.text.hint')),
    h('div', { class: 'field' }, [
      h('label', { for: 'yaml-text' }, t('studio.text.label')),
      h('textarea', {
        id: 'yaml-text',
        rows: 24,
        value: shown,
        spellcheck: false,
        class: 'yaml-text',
        'aria-describedby': 'yaml-text-hint',
        oninput: (e: Event) => setTyped((e.currentTarget as HTMLTextAreaElement).value),
      }),
    ]),
    h('div', { class: 'actions' }, [
      button(
        t('studio.text.apply'),
        () => {
          if (typed !== null && typed !== text) editor.editText(typed)
          setTyped(null)
        },
        { class: 'primary' },
      ),
      button(t('studio.text.reset'), () => setTyped(null)),
    ]),
  ])
}

/** The text view of the draft. */
export function renderTextView(editor: Editor): View {
  return component(TextView, { editor, text: editor.text() })
}
