import { useLayoutEffect, useRef } from 'preact/hooks'
import { component, h, type View } from '../../dom.ts'
import type { ControlAttrs } from './field.ts'

/**
 * The text and number boxes of the forms. What is typed belongs to the browser (the view never sets `value`
 * while the box has focus), so the caret and the typed text survive every update, however late the document
 * catches up with the keystrokes; a box without focus shows what the document holds (after an undo, a
 * citation pasted from the Sources panel, or an edit in another box).
 */

interface TextProps {
  attrs: ControlAttrs
  value: string
  multiline?: boolean
  onInput: (text: string) => void
}

/** Keeps an element's shown value in step with the document while it has no focus. */
function useShown<E extends HTMLInputElement | HTMLTextAreaElement>(
  shown: string,
  read: (el: E) => string = (el) => el.value,
) {
  const ref = useRef<E>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (el && el !== document.activeElement && read(el) !== shown) el.value = shown
  })
  return ref
}

function TextBox({ attrs, value, multiline, onInput }: TextProps): View {
  const ref = useShown<HTMLInputElement | HTMLTextAreaElement>(value)
  const oninput = (e: Event) => onInput((e.currentTarget as HTMLInputElement).value)
  if (multiline)
    return h('textarea', { ...attrs, ref, rows: value.length > 240 ? 6 : 3, oninput, class: 'studio-text' })
  return h('input', { ...attrs, ref, type: 'text', oninput, class: 'studio-text' })
}

/** A text box (a textarea for `multiline`) that reports every change. */
export function textBox(props: TextProps): View {
  return component(TextBox, props)
}

interface NumberProps {
  attrs: ControlAttrs
  value: number | undefined
  int?: boolean
  min?: number
  max?: number
  /** Shown in the empty box: the value the game takes when the field is left out. */
  placeholder?: number
  /** A number typed, or null when the box was emptied. */
  onInput: (value: number | null) => void
}

function NumberBox({ attrs, value, int, min, max, placeholder, onInput }: NumberProps): View {
  const shown = value === undefined ? '' : String(value)
  // Compared as numbers: "0.50" typed is the 0.5 the document holds, and must not be rewritten.
  const ref = useShown<HTMLInputElement>(shown, (el) =>
    el.value === '' || Number.isNaN(el.valueAsNumber) ? el.value : String(el.valueAsNumber),
  )
  const oninput = (e: Event) => {
    const el = e.currentTarget as HTMLInputElement
    // Half a number ("-", "1e") is left alone until it is one.
    if (el.validity.badInput) return
    onInput(el.value === '' ? null : el.valueAsNumber)
  }
  return h('input', {
    ...attrs,
    ref,
    type: 'number',
    inputmode: int ? 'numeric' : 'decimal',
    step: int ? 1 : 'any',
    ...(min === undefined ? {} : { min }),
    ...(placeholder === undefined ? {} : { placeholder: String(placeholder) }),
    ...(max === undefined ? {} : { max }),
    oninput,
    class: 'studio-number',
  })
}

/** A number box (with the format's limits and step) that reports every change. */
export function numberBox(props: NumberProps): View {
  return component(NumberBox, props)
}
