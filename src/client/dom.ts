/**
 * A tiny DOM helper. Text always goes in through text nodes, never through HTML parsing: scenario files are
 * untrusted, and nothing they contain may become markup.
 */

type AttrValue = string | number | boolean | null | undefined
type Listener = (event: Event) => void
/** Attributes to set; a function under a key starting with `on` (e.g. `onclick`) becomes an event listener. */
export type Attrs = Record<string, AttrValue | Listener>
/** A child: a node, a string (added as text) or nothing. */
export type Child = Node | string | number | null | undefined | false
export type Children = Child | Child[]

/** Creates an element with attributes, listeners and children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  children: Children = [],
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') {
      if (name.startsWith('on')) el.addEventListener(name.slice(2), value)
      continue
    }
    if (value === null || value === undefined || value === false) continue
    el.setAttribute(name, value === true ? '' : String(value))
  }
  append(el, children)
  return el
}

/** Appends children to a node; strings and numbers become text nodes. */
export function append(parent: Node, children: Children): void {
  for (const child of Array.isArray(children) ? children : [children]) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)))
  }
}

/** Removes every child of a node. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild)
}

let counter = 0
/** A fresh id for pairing labels with controls. */
export function uid(prefix = 'id'): string {
  counter += 1
  return `${prefix}-${counter}`
}

/** A button with a stable key, so that focus survives a re-render. */
export function button(label: string, onclick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', 'data-key': `button:${label}`, ...attrs, onclick: () => onclick() },
    label,
  )
}

/** A labelled text field; returns the wrapper and the input. */
export function textField(
  label: string,
  key: string,
  attrs: Attrs = {},
): { field: HTMLElement; input: HTMLInputElement } {
  const id = uid('field')
  const input = h('input', { type: 'text', id, 'data-key': key, maxlength: 500, ...attrs })
  return { field: h('div', { class: 'field' }, [h('label', { for: id }, label), input]), input }
}

const byKey = (root: ParentNode, key: string) =>
  root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)

/**
 * Re-renders `container` with `render`, keeping what a re-render would otherwise lose: which keyed element
 * had focus, which keyed <details> were open, what was typed in keyed text fields, and the scroll of keyed
 * scrolling boxes. When the focused element is gone (the screen changed), focus moves to `fallback`.
 */
export function rerender(
  container: HTMLElement,
  render: () => Node,
  fallback?: () => HTMLElement | null,
): void {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null
  const focusedKey = active && container.contains(active) ? active.dataset.key : undefined
  const hadFocus = !!active && container.contains(active)
  const open = new Set<string>()
  const typed = new Map<string, string>()
  const scrolled = new Map<string, number>()
  for (const el of container.querySelectorAll<HTMLElement>('[data-key]')) {
    const key = el.dataset.key as string
    if (el instanceof HTMLDetailsElement && el.open) open.add(key)
    if (el instanceof HTMLInputElement && el.type === 'text') typed.set(key, el.value)
    if (el.scrollTop) scrolled.set(key, el.scrollTop)
  }
  clear(container)
  container.appendChild(render())
  for (const key of open) {
    const el = byKey(container, key)
    if (el instanceof HTMLDetailsElement) el.open = true
  }
  for (const [key, value] of typed) {
    const el = byKey(container, key)
    if (el instanceof HTMLInputElement && !el.value) el.value = value
  }
  for (const [key, top] of scrolled) {
    const el = byKey(container, key)
    if (el) el.scrollTop = top
  }
  const again = focusedKey ? byKey(container, focusedKey) : null
  if (again && !(again as HTMLButtonElement).disabled) again.focus()
  else if (hadFocus) fallback?.()?.focus()
}
