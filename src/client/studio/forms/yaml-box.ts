import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import { parseDocument, stringify } from 'yaml'
import { component, h, type View } from '../../dom.ts'
import { getLanguage, t } from '../../i18n/index.ts'
import type { DocPath } from '../edits.ts'
import { type FormCtx, valueAt } from './context.ts'
import { field } from './field.ts'

/**
 * One value written as YAML, for what the forms have no form for (a condition that counts instruments or
 * compares shares, an effect of an unusual shape). Only this value is typed, never the file; it is read with
 * the `yaml` package at every change, and a text that does not read is reported at the box and left out of
 * the document until it does.
 */

/** The YAML of a value as the box shows it (block style, no document marker). */
export function yamlOf(value: unknown): string {
  return value === undefined ? '' : stringify(value, { lineWidth: 0 }).trimEnd()
}

/** Reads a value typed as YAML: the value, or the first error in the reader's words (English). */
export function readYaml(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: false, error: '' }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  const error = doc.errors[0]
  if (error) return { ok: false, error: error.message.split('\n')[0] ?? error.code }
  try {
    // No aliases: a value of one condition never needs them, and they could expand without end.
    return { ok: true, value: doc.toJS({ maxAliasCount: 0 }) }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}

interface YamlProps {
  ctx: FormCtx
  path: DocPath
  label: string
  description?: string
}

function YamlBox({ ctx, path, label, description }: YamlProps): View {
  const value = valueAt(ctx.data, path)
  const [error, setError] = useState<string | null>(null)
  const ref = useRef<HTMLTextAreaElement>(null)
  // Like the text boxes: what is typed stays while the box has focus, and while it does not read (so that
  // nothing typed is lost); otherwise the box shows the document.
  useLayoutEffect(() => {
    const el = ref.current
    if (!el || el === document.activeElement || error !== null) return
    const typed = readYaml(el.value)
    if (!typed.ok || yamlOf(typed.value) !== yamlOf(value)) el.value = yamlOf(value)
  })
  const oninput = (e: Event) => {
    const read = readYaml((e.currentTarget as HTMLTextAreaElement).value)
    if (read.ok) {
      setError(null)
      ctx.edit({ op: 'set', path, value: read.value })
    } else setError(read.error)
  }
  const lines = yamlOf(value).split('\n').length
  return field({
    ctx,
    path,
    label,
    description,
    control: (attrs) => {
      const errorId = `${attrs.id}-yaml`
      const describedBy = [attrs['aria-describedby'], error === null ? '' : errorId].filter(Boolean).join(' ')
      return h('div', { class: 'studio-yaml' }, [
        h('textarea', {
          ...attrs,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(error === null ? {} : { 'aria-invalid': 'true' }),
          ref,
          rows: Math.min(12, Math.max(3, lines + 1)),
          spellcheck: false,
          autocapitalize: 'off',
          class: 'studio-code',
          oninput,
        }),
        error === null
          ? null
          : h('p', { id: errorId, class: 'studio-problem error' }, [
              h('strong', {}, `${t('problems.error')}:`),
              ' ',
              error === ''
                ? t('studio.form.yamlEmpty')
                : [
                    t('studio.form.yamlError'),
                    ' ',
                    h('span', getLanguage() === 'en' ? {} : { lang: 'en' }, error),
                  ],
            ]),
        h(
          'p',
          { class: 'hint' },
          t('studio.form.yamlHint', { example: 'hasTag: troops', all: 'all:', dash: '- ' }),
        ),
      ])
    },
  })
}

/** A box for the value at `path`, written as YAML. */
export function yamlBox(props: YamlProps): View {
  return component(YamlBox, props)
}
