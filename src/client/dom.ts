/**
 * The view layer's few helpers, on Preact. Screens are functions of the state that return a description of
 * the page (`View`); `mount` hands it to Preact, which changes only what differs from what is on the page, so
 * focus, scroll, open `<details>` and typed text survive every update by themselves. Text always goes in as
 * text, never through HTML parsing: scenario files are untrusted, and nothing they contain may become markup.
 */
import {
  type ComponentChild,
  type ComponentChildren,
  Fragment,
  type FunctionComponent,
  h as preactH,
  render,
  type VNode,
} from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { markQuotedParts } from './i18n/parts.ts'

/** What a screen, or a part of one, renders to. */
export type View = VNode
/** A child: a view, a string or number (shown as text), nothing, or a list of these. */
export type Child = ComponentChild
export type Children = ComponentChildren
type AttrValue = string | number | boolean | null | undefined
/**
 * Attributes and listeners, spelled as in HTML (`class`, `for`, `aria-label`); a function under a key starting
 * with `on` (e.g. `onclick`) is an event listener; `key` tells Preact which item of a list is which, and `ref`
 * gives the element itself to code that must call it (focus, a dialog's showModal).
 */
export type Attrs = Record<string, unknown> & { [name: string]: AttrValue | unknown }

/** Elements whose content is text only: no part of it can be an element. */
const PLAIN_TEXT = new Set(['option', 'textarea', 'title', 'style', 'script'])

/**
 * An element with attributes, listeners and children; strings become text (in an interface not in English,
 * with their English quotations marked as such: see i18n/parts.ts).
 */
export function h(
  tag: keyof HTMLElementTagNameMap | 'svg',
  attrs: Attrs = {},
  children: Children = [],
): View {
  // Not inside an element that already says its language (a quote, an article): its text is all one language.
  const marked = attrs.lang === undefined && !PLAIN_TEXT.has(tag) ? markQuotedParts(children) : children
  return preactH(tag, attrs as Record<string, unknown>, marked)
}

/** A component (a function of its props that may keep state with Preact's hooks) placed in a view. */
export function component<P extends object>(fn: FunctionComponent<P>, props: P): View {
  return preactH(fn as FunctionComponent<object>, props)
}

/** Draws `view` into `container`, changing only what differs from what is there. */
export function mount(container: Element, view: Child): void {
  render(view, container)
}

let counter = 0
/** A fresh id for pairing labels with controls. */
export function uid(prefix = 'id'): string {
  counter += 1
  return `${prefix}-${counter}`
}

/** A button that calls `onclick` when pressed. */
export function button(label: string, onclick: () => void, attrs: Attrs = {}): View {
  return h('button', { type: 'button', ...attrs, onclick: () => onclick() }, label)
}

/**
 * A labelled text field, its label tied to it by `id`. Its text is the browser's own (the view never sets
 * `value` unless asked), so what is typed survives every update; `oninput` hands each change to the caller.
 */
export function textField(label: string, id: string, attrs: Attrs = {}): View {
  return h('div', { class: 'field' }, [
    h('label', { for: id }, label),
    h('input', { type: 'text', id, maxlength: 500, ...attrs }),
  ])
}

/** The text typed into the form control with `id`, or '' (for a press that submits what was typed). */
export function typedValue(id: string): string {
  const el = document.getElementById(id)
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : ''
}

/**
 * A fresh id for pairing a label with its control, made once and kept for the component's life. Not
 * Preact's `useId`: its counter starts again at every `mount` of a page (each update makes a new root), so a
 * component that first draws in a later update would get an id another component already has.
 */
export function useUid(prefix = 'id'): string {
  const [id] = useState(() => uid(prefix))
  return id
}

/**
 * The parts of a long screen below its first view, drawn in the browser's next task after the screen
 * appears: a new screen (the table, the debrief) is then two short pieces of work rather than one long one,
 * and the page answers in between. Once drawn, they update with the rest of the screen.
 */
function Later({ parts }: { parts: Children }): View | null {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    if (ready) return
    const timer = setTimeout(() => setReady(true))
    return () => clearTimeout(timer)
  }, [ready])
  return ready ? preactH(Fragment, null, parts) : null
}

/** `parts`, drawn a moment after the screen they belong to appears (see `Later`). */
export function later(parts: Children): View {
  return component(Later, { parts })
}
