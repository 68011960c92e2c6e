/**
 * Copies `text` to the clipboard. The Clipboard API exists only on secure pages (https, localhost), and a
 * classroom server on the local network is plain http: there the text is copied through a selected,
 * off-screen text box instead. Resolves whether it worked (if not, the text is on screen to copy by hand).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Refused (no permission): try the other way.
  }
  const box = document.createElement('textarea')
  box.value = text
  box.setAttribute('readonly', '')
  box.setAttribute('aria-hidden', 'true')
  box.style.position = 'fixed'
  box.style.left = '-9999px'
  document.body.append(box)
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null
  box.select()
  let copied = false
  try {
    copied = document.execCommand('copy')
  } catch {
    copied = false
  }
  box.remove()
  focused?.focus()
  return copied
}
