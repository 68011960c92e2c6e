import type { RefObject } from 'preact'
import { h, type View } from './dom.ts'

/**
 * A file input that hands over the file chosen and is emptied at once, so that the same file can be chosen
 * again (after it is mended, say). `attrs` go on the input: an `id` for a visible input with its own label,
 * or `ref`, `hidden` and `tabindex: -1` for one that a visible button opens with `ref.current?.click()`.
 */
export function fileInput(
  accept: string,
  onFile: (file: File) => void,
  attrs: { id?: string; ref?: RefObject<HTMLInputElement | null>; hidden?: boolean; tabindex?: number } = {},
): View {
  return h('input', {
    ...attrs,
    type: 'file',
    accept,
    onchange: (e: Event) => {
      const input = e.currentTarget as HTMLInputElement
      const file = input.files?.[0]
      input.value = ''
      if (file) onFile(file)
    },
  })
}

/** A hidden file input opened by a visible button through `ref` (see fileInput). */
export const hiddenFileInput = (
  ref: RefObject<HTMLInputElement | null>,
  accept: string,
  onFile: (file: File) => void,
): View => fileInput(accept, onFile, { ref, hidden: true, tabindex: -1 })
