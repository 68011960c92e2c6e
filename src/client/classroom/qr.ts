import { h as svgH } from 'preact'
import qrcode from 'qrcode-generator'
import { h, type View } from '../dom.ts'

/**
 * A QR code of `text` as an inline SVG, made on this device (nothing is fetched): one path of dark squares
 * on a white square with the quiet zone the standard asks for (four modules), so phones read it off a
 * projector. `label` is its accessible name (it should include the link, which is also shown as text).
 * Error correction M survives a glare or a smudge on the screen.
 */
export function qrSvg(text: string, label: string, className = 'qr'): View {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const count = qr.getModuleCount()
  const quiet = 4
  const size = count + quiet * 2
  let d = ''
  for (let row = 0; row < count; row++)
    for (let col = 0; col < count; col++)
      if (qr.isDark(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`
  // Preact makes the children of an <svg> in the SVG namespace; dom.ts's `h` names only HTML tags and <svg>.
  return h(
    'svg',
    {
      viewBox: `0 0 ${size} ${size}`,
      class: className,
      role: 'img',
      'aria-label': label,
      'shape-rendering': 'crispEdges',
    },
    [svgH('rect', { width: size, height: size, fill: '#fff' }), svgH('path', { d, fill: '#000' })],
  )
}
