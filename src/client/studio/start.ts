/**
 * The studio's first screen: the drafts kept on this device (open, rename, delete), and the ways to start a
 * new one: from nothing, from the template, from a shipped scenario, or from a scenario file.
 */

import { useRef, useState } from 'preact/hooks'
import { parse } from 'yaml'
import { MAX_FILE_BYTES } from '../../core/scenario/load/parse.ts'
import { button, component, h, type View } from '../dom.ts'
import { hiddenFileInput } from '../file-input.ts'
import { formatDate, formatNumber, t } from '../i18n/index.ts'
import type { Draft } from './drafts.ts'

/** A scenario to start from: what the button says, the draft's first name and text. */
export interface Start {
  label: string
  name: string
  text: string
}

/** What the start screen shows and offers. */
export interface StartProps {
  /** The drafts of this device, or null while they are read. */
  drafts: Draft[] | null
  /** Why the drafts could not be read, if they could not. */
  error: string | null
  starts: Start[]
  onStart: (start: Start) => void
  onFile: (file: File) => void
  onOpen: (draft: Draft) => void
  onRename: (draft: Draft, name: string) => void
  onDelete: (draft: Draft) => void
}

/** The title a scenario text gives on its `title:` line at the left margin, if it has one. */
export function titleOf(text: string): string | null {
  const line = /^title:.*$/m.exec(text)?.[0]
  if (!line) return null
  try {
    const title = (parse(line) as { title?: unknown } | null)?.title
    return typeof title === 'string' && title.trim() ? title.trim() : null
  } catch {
    return null
  }
}

const when = (ms: number) => formatDate(new Date(ms), { dateStyle: 'medium', timeStyle: 'short' })

/** One draft in the list, with its rename form when asked for and a second press to delete. */
function DraftLine({ draft, props }: { draft: Draft; props: StartProps; key: string }): View {
  const [renaming, setRenaming] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const field = `rename-${draft.id}`
  return h('li', { class: 'draft' }, [
    h('h4', {}, draft.name),
    h('p', { class: 'meta' }, t('studio.start.changed', { when: when(draft.updated) })),
    renaming
      ? h(
          'form',
          {
            class: 'rename',
            onsubmit: (e: Event) => {
              e.preventDefault()
              const input = (e.currentTarget as HTMLFormElement).elements.namedItem(field)
              const name = input instanceof HTMLInputElement ? input.value.trim() : ''
              if (name) props.onRename(draft, name)
              setRenaming(false)
            },
          },
          [
            h('label', { for: field }, t('studio.start.newName')),
            h('input', {
              id: field,
              name: field,
              type: 'text',
              value: draft.name,
              maxlength: 200,
              required: true,
            }),
            h('button', { type: 'submit', class: 'small' }, t('studio.start.saveName')),
            button(t('studio.cancel'), () => setRenaming(false), { class: 'small' }),
          ],
        )
      : null,
    h('div', { class: 'actions' }, [
      button(t('studio.start.open'), () => props.onOpen(draft), {
        class: 'primary small',
        'aria-label': t('studio.start.openLabel', { name: draft.name }),
      }),
      renaming
        ? null
        : button(t('studio.start.rename'), () => setRenaming(true), {
            class: 'small',
            'aria-label': t('studio.start.renameLabel', { name: draft.name }),
          }),
      deleting
        ? button(t('studio.start.deleteSure', { name: draft.name }), () => props.onDelete(draft), {
            class: 'small danger',
          })
        : button(t('studio.start.delete'), () => setDeleting(true), {
            class: 'small',
            'aria-label': t('studio.start.deleteLabel', { name: draft.name }),
          }),
    ]),
  ])
}

function drafts(props: StartProps): View {
  const list = props.drafts
  return h('section', { 'aria-labelledby': 'drafts-heading' }, [
    h('h3', { id: 'drafts-heading' }, t('studio.start.drafts')),
    props.error
      ? h(
          'p',
          { class: 'studio-error', role: 'alert' },
          t('studio.start.draftsFailed', { error: props.error }),
        )
      : list === null
        ? h('p', {}, t('studio.start.reading'))
        : list.length === 0
          ? h('p', {}, t('studio.start.noDrafts'))
          : h(
              'ul',
              { class: 'plain drafts' },
              list.map((d) => component(DraftLine, { draft: d, props, key: d.id })),
            ),
  ])
}

/** The scenario file chooser: a YAML file within the loader's size limit opens as a new draft. */
function FileStart({ onFile }: { onFile: (file: File) => void }): View {
  const input = useRef<HTMLInputElement>(null)
  return h('div', { class: 'field' }, [
    h('div', { class: 'actions' }, [
      button(t('studio.start.file'), () => input.current?.click(), {
        'aria-describedby': 'studio-file-hint',
      }),
      hiddenFileInput(input, '.yaml,.yml,application/yaml,text/yaml', onFile),
    ]),
    h('p', { class: 'hint', id: 'studio-file-hint' }, [
      t('studio.start.fileHint', { limit: formatNumber(MAX_FILE_BYTES / 1_000_000) }),
    ]),
  ])
}

/** The start screen. */
export function renderStart(props: StartProps): View {
  return h('div', { class: 'studio-start', key: 'start' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, t('studio.heading')),
    h('p', { class: 'lead' }, t('studio.start.lead')),
    drafts(props),
    h('section', { 'aria-labelledby': 'new-heading' }, [
      h('h3', { id: 'new-heading' }, t('studio.start.new')),
      h(
        'ul',
        { class: 'plain starts' },
        props.starts.map((s) =>
          h(
            'li',
            { key: s.label },
            button(s.label, () => props.onStart(s), { class: 'start-choice' }),
          ),
        ),
      ),
      component(FileStart, { onFile: props.onFile }),
    ]),
    h('p', {}, h('a', { href: '#' }, t('studio.backToGame'))),
  ])
}
