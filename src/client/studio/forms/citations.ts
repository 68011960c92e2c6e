import { useState } from 'preact/hooks'
import { component, h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import { type DocPath, fieldId } from '../edits.ts'
import { asList, asRecord, type FormCtx, valueAt } from './context.ts'
import { group, problemNotes } from './field.ts'
import { leafField } from './fields.ts'
import { excerpt, fieldLabel } from './labels.ts'
import { refName } from './refs.ts'
import { keysOf, type Shape } from './schema-walk.ts'

/**
 * Citations (`source`, `stated`, an actor's `statements`): each quote with the title of its article, the fields
 * a statement has beside its words (speaker, date, context, modality), and Remove. Quotes are never typed here:
 * they are selected in the article, in the Sources panel, so that they are the article's words; a statement an
 * actor made (accepted there already) can also be copied in.
 */

/** The fields drawn as the citation itself rather than as fields. */
const QUOTED = new Set(['seed', 'quote'])

interface CitationsProps {
  ctx: FormCtx
  path: DocPath
  listKey: string
  shape: Shape & { kind: 'list' }
}

/** A list of citations, with the way to add one. */
export function citations(props: CitationsProps): View {
  const { ctx, path, listKey, shape } = props
  const list = asList(valueAt(ctx.data, path))
  const extra = keysOf(shape.item).filter((k) => !QUOTED.has(k))
  return group({
    ctx,
    path,
    legend: fieldLabel(listKey),
    description: shape.description,
    drawn: list.map((_, i) => i),
    class: 'studio-citations',
    children: [
      list.length === 0 ? h('p', { class: 'hint' }, t('studio.form.noQuotes')) : null,
      h(
        'ul',
        { class: 'plain' },
        list.map((entry, i) => citation(ctx, shape, [...path, i], asRecord(entry), extra)),
      ),
      h('p', { class: 'hint' }, t('studio.form.quoteHint')),
      // An actor's own statements are where copies come from, not where they go.
      listKey === 'statements' ? null : component(CopyStatement, { ctx, path, keys: keysOf(shape.item) }),
    ],
  })
}

function citation(
  ctx: FormCtx,
  shape: Shape & { kind: 'list' },
  path: DocPath,
  entry: Record<string, unknown>,
  extra: string[],
): View {
  const seed = typeof entry.seed === 'string' ? entry.seed : ''
  const quote = typeof entry.quote === 'string' ? entry.quote : ''
  const fields = shape.item.kind === 'object' ? shape.item.fields : []
  const index = path[path.length - 1] as number
  return h('li', { key: `${index}`, class: 'studio-citation', id: fieldId(path), tabindex: -1 }, [
    h('blockquote', { id: fieldId([...path, 'quote']), tabindex: -1 }, t('common.quoted', { text: quote })),
    h('p', { class: 'hint' }, t('studio.form.quoteFrom', { title: refName(ctx.data, 'seed', seed) || seed })),
    problemNotes(ctx.problems.unclaimed(path, extra), `${fieldId(path)}-problems`),
    ...fields
      .filter((f) => extra.includes(f.key))
      .map((f) => h('div', { key: f.key }, leafField(ctx, f.key, f.shape, [...path, f.key]))),
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        'aria-label': t('studio.form.removeQuote', { quote: excerpt(quote, 60) }),
        onclick: () => ctx.edit({ op: 'remove', path }),
      },
      t('studio.form.remove'),
    ),
  ])
}

interface CopyProps {
  ctx: FormCtx
  path: DocPath
  /** The fields an entry of this list may have: what is copied of the statement. */
  keys: readonly string[]
}

/** A choice of the actors' statements, to copy one in as a citation (with its speaker where the list takes one). */
function CopyStatement({ ctx, path, keys }: CopyProps): View | null {
  const [chosen, setChosen] = useState('')
  const actors = asList(asRecord(ctx.data).actors).map(asRecord)
  const options = actors.flatMap((actor, a) =>
    asList(actor.statements).map((s, i) => {
      const statement = asRecord(s)
      return {
        value: `${a}.${i}`,
        label: t('studio.form.statementChoice', {
          speaker: String(actor.name ?? actor.id ?? ''),
          quote: excerpt(String(statement.quote ?? ''), 70),
        }),
        copy: () => {
          const out: Record<string, unknown> = {}
          for (const key of keys) {
            if (key === 'speaker') out.speaker = actor.id
            else if (statement[key] !== undefined) out[key] = statement[key]
          }
          return out
        },
      }
    }),
  )
  if (options.length === 0) return null
  const id = `${fieldId(path)}-copy`
  const picked = options.find((o) => o.value === chosen)
  return h('div', { class: 'studio-add object-row' }, [
    h('div', { class: 'field' }, [
      h('label', { for: id }, t('studio.form.copyStatement')),
      h(
        'select',
        {
          id,
          value: chosen,
          onchange: (e: Event) => setChosen((e.currentTarget as HTMLSelectElement).value),
        },
        [
          h('option', { value: '' }, t('studio.form.choose')),
          ...options.map((o) => h('option', { key: o.value, value: o.value }, o.label)),
        ],
      ),
    ]),
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        disabled: !picked,
        onclick: () => {
          if (!picked) return
          ctx.edit({ op: 'append', path, value: picked.copy() })
          setChosen('')
        },
      },
      t('studio.form.copyStatementButton'),
    ),
  ])
}
