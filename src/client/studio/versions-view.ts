/**
 * "Earlier versions" of the draft: the texts kept a minute of editing apart and before each restore or import,
 * newest first, each to preview (read-only) and to restore. Restoring keeps the current text as a version
 * first, so a restore can itself be undone from this list.
 */
import { useEffect, useState } from 'preact/hooks'
import { button, component, h, type View } from '../dom.ts'
import { formatDate, type MessageKey, t } from '../i18n/index.ts'
import type { Version, VersionReason } from './drafts.ts'
import type { Editor } from './editor.ts'

/** What the list is given. */
export interface VersionsProps {
  editor: Editor
  announce: (text: string) => void
  /** Restoring failed: said on the screen. */
  failed: (error: unknown) => void
  close: () => void
}

const REASONS: Record<VersionReason, MessageKey> = {
  edit: 'studio.versions.edit',
  restore: 'studio.versions.restore',
  import: 'studio.versions.import',
}

const when = (ms: number) => formatDate(new Date(ms), { dateStyle: 'medium', timeStyle: 'medium' })

function Versions(props: VersionsProps): View {
  const [list, setList] = useState<Version[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<number | null>(null)
  const [round, setRound] = useState(0)
  useEffect(() => {
    props.editor.versions().then(setList, (e: unknown) => setError(String(e)))
  }, [round])
  const restore = (v: Version) =>
    props.editor.restore(v.at).then(() => {
      props.announce(t('studio.versions.restored', { when: when(v.at) }))
      setPreview(null)
      setRound((r) => r + 1)
    }, props.failed)
  const shown = list?.find((v) => v.at === preview)
  return h('section', { class: 'studio-versions', 'aria-labelledby': 'versions-heading' }, [
    h('h3', { id: 'versions-heading', tabindex: -1 }, t('studio.versions.heading')),
    h('p', { class: 'hint' }, t('studio.versions.hint')),
    error
      ? h('p', { class: 'studio-error', role: 'alert' }, t('studio.versions.failed', { error }))
      : list === null
        ? h('p', {}, t('studio.start.reading'))
        : list.length === 0
          ? h('p', {}, t('studio.versions.none'))
          : h(
              'ol',
              { class: 'plain version-list' },
              list.map((v) =>
                h('li', { key: v.at }, [
                  h('span', {}, `${when(v.at)} · ${t(REASONS[v.reason])}`),
                  ' ',
                  button(
                    preview === v.at ? t('studio.versions.hide') : t('studio.versions.preview'),
                    () => setPreview(preview === v.at ? null : v.at),
                    {
                      class: 'small',
                      'aria-expanded': preview === v.at ? 'true' : 'false',
                      'aria-label': t('studio.versions.previewLabel', { when: when(v.at) }),
                    },
                  ),
                  button(t('studio.versions.restoreButton'), () => void restore(v), {
                    class: 'small',
                    'aria-label': t('studio.versions.restoreLabel', { when: when(v.at) }),
                  }),
                ]),
              ),
            ),
    shown
      ? h('div', { class: 'field' }, [
          h('label', { for: 'version-preview' }, t('studio.versions.previewOf', { when: when(shown.at) })),
          h('textarea', {
            id: 'version-preview',
            readonly: true,
            rows: 14,
            value: shown.text,
            class: 'yaml-text',
          }),
        ])
      : null,
    h('div', { class: 'actions' }, [button(t('studio.versions.close'), props.close)]),
  ])
}

/** The list of earlier versions, with its own state. */
export function renderVersions(props: VersionsProps): View {
  return component(Versions, props)
}
