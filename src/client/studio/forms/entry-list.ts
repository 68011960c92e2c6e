import { useRef, useState } from 'preact/hooks'
import { type Children, component, h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import { type DocPath, fieldId } from '../edits.ts'
import { nameKeyOf } from './blank.ts'
import { asList, type FormCtx, valueAt } from './context.ts'
import { group } from './field.ts'
import { focusSoon } from './focus.ts'
import { addLabel, fieldLabel } from './labels.ts'
import type { Shape } from './schema-walk.ts'

/**
 * A list of elements (sides, instruments, red lines, a side's constraints…) as folded entries: each shows its
 * name and how many problems it has, and opens to its fields, with buttons to move it up or down or remove it.
 * New entries are added by name, and get their id from it. Each entry keeps a key of its own while the list
 * changes, so that editing an entry (even its id) never draws its fields anew, and the caret stays put.
 */

export interface EntryListProps {
  ctx: FormCtx
  path: DocPath
  /** The list's field name (`sides`, `constraints`): its label and the words of its Add button. */
  listKey: string
  shape: Shape & { kind: 'list' }
  description?: string
  /** The fields of the entry at `path`. */
  renderEntry: (path: DocPath, index: number) => Children
  /** The entry's name in its summary line. */
  summary: (entry: unknown, index: number) => string
  /** A new entry, from the name typed for it (when the entries have a name). */
  makeEntry: (name: string) => unknown
}

let counter = 0
const freshKey = () => `entry-${++counter}`

function EntryList(props: EntryListProps): View {
  const { ctx, path, listKey, shape } = props
  const entries = asList(valueAt(ctx.data, path))
  // Stable keys, moved along with the entries by the buttons below; the list's length is all that is
  // matched with the document otherwise (an undo, an entry added from the Sources panel).
  const keys = useRef<string[]>([])
  while (keys.current.length < entries.length) keys.current.push(freshKey())
  // Keys past the end stay until an edit here: one just added waits for the document to catch up.
  const settle = () => {
    keys.current.length = Math.min(keys.current.length, entries.length)
    return keys.current
  }
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const toggle = (key: string, on: boolean) =>
    setOpen((was) => {
      if (was.has(key) === on) return was
      const next = new Set(was)
      if (on) next.add(key)
      else next.delete(key)
      return next
    })
  const entryId = (i: number) => fieldId([...path, i])

  const move = (from: number, to: number, button: 'up' | 'down') => {
    const list = settle()
    ;[list[from], list[to]] = [list[to] as string, list[from] as string]
    ctx.edit({ op: 'move', path, from, to })
    // At either end the button pressed is disabled: its neighbour takes the focus.
    const end = button === 'up' ? to === 0 : to === entries.length - 1
    void focusSoon(`${entryId(to)}-${end ? (button === 'up' ? 'down' : 'up') : button}`)
  }
  const remove = (i: number) => {
    settle().splice(i, 1)
    ctx.edit({ op: 'remove', path: [...path, i] })
    const next = i < entries.length - 1 ? i : i - 1
    void focusSoon(next >= 0 ? entryId(next) : `${fieldId(path)}-add`)
  }
  const add = (name: string) => {
    const key = freshKey()
    settle().push(key)
    toggle(key, true)
    ctx.edit({ op: 'append', path, value: props.makeEntry(name) })
    void focusSoon(entryId(entries.length))
  }

  const label = fieldLabel(listKey)
  return group({
    ctx,
    path,
    legend: label,
    description: props.description,
    drawn: entries.map((_, i) => i),
    class: 'studio-entries',
    children: [
      entries.length === 0 ? h('p', { class: 'hint' }, t('studio.form.empty')) : null,
      ...entries.map((entry, i) => {
        const key = keys.current[i] as string
        const isOpen = open.has(key)
        const entryPath = [...path, i]
        const name = props.summary(entry, i) || t('studio.form.unnamed', { n: i + 1 })
        const { errors, warnings } = ctx.problems.count(entryPath)
        return h(
          'details',
          {
            key,
            class: 'studio-entry',
            open: isOpen,
            ontoggle: (e: Event) => toggle(key, (e.currentTarget as HTMLDetailsElement).open),
          },
          [
            h('summary', { id: entryId(i) }, [
              h('span', { class: 'studio-entry-name' }, name),
              errors
                ? h('span', { class: 'studio-badge error' }, t('studio.form.errors', { count: errors }))
                : null,
              warnings
                ? h('span', { class: 'studio-badge warning' }, t('studio.form.warnings', { count: warnings }))
                : null,
            ]),
            // Only an open entry draws its fields: a long list stays quick to draw at every keystroke.
            isOpen
              ? h('div', { class: 'studio-entry-body' }, [
                  h('div', { class: 'actions studio-entry-actions' }, [
                    entryButton(
                      `${entryId(i)}-up`,
                      t('studio.form.moveUp'),
                      t('studio.form.moveUpNamed', { name }),
                      i === 0,
                      () => move(i, i - 1, 'up'),
                    ),
                    entryButton(
                      `${entryId(i)}-down`,
                      t('studio.form.moveDown'),
                      t('studio.form.moveDownNamed', { name }),
                      i === entries.length - 1,
                      () => move(i, i + 1, 'down'),
                    ),
                    entryButton(
                      `${entryId(i)}-remove`,
                      t('studio.form.remove'),
                      t('studio.form.removeNamed', { name }),
                      false,
                      () => remove(i),
                    ),
                  ]),
                  props.renderEntry(entryPath, i),
                ])
              : null,
          ],
        )
      }),
      shape.max !== undefined && entries.length >= shape.max
        ? h('p', { class: 'hint' }, t('studio.form.listFull', { count: shape.max }))
        : component(AddEntry, { id: `${fieldId(path)}-add`, listKey, named: nameKeyOf(shape.item), add }),
    ],
  })
}

function entryButton(id: string, text: string, label: string, disabled: boolean, onclick: () => void): View {
  return h('button', { type: 'button', class: 'small', id, 'aria-label': label, disabled, onclick }, text)
}

interface AddProps {
  id: string
  listKey: string
  /** The field that names an entry, asked for before it is added; none for entries without a name. */
  named: string | undefined
  add: (name: string) => void
}

/** The Add button, with a box for the new entry's name when entries have one (Enter adds too). */
function AddEntry({ id, listKey, named, add }: AddProps): View {
  const [name, setName] = useState('')
  // Not a form: the studio may well draw the sections inside one, and forms do not nest.
  const submit = () => {
    add(name.trim())
    setName('')
  }
  const button = h(
    'button',
    { type: 'button', class: 'small', id: named ? undefined : id, onclick: submit },
    addLabel(listKey),
  )
  if (!named) return h('div', { class: 'studio-add' }, button)
  return h('div', { class: 'studio-add object-row' }, [
    h('div', { class: 'field' }, [
      h('label', { for: id }, t('studio.form.newNamed', { field: fieldLabel(named) })),
      h('input', {
        type: 'text',
        id,
        value: name,
        maxlength: 200,
        oninput: (e: Event) => setName((e.currentTarget as HTMLInputElement).value),
        onkeydown: (e: KeyboardEvent) => {
          if (e.key !== 'Enter') return
          e.preventDefault()
          submit()
        },
      }),
    ]),
    button,
  ])
}

/** A list of entries with folded fields, Move up/down, Remove, and Add by name. */
export function entryList(props: EntryListProps): View {
  return component(EntryList, props)
}
