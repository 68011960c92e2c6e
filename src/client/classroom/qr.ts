import qrcode from 'qrcode-generator'

const SVG = 'http://www.w3.org/2000/svg'

/**
 * A QR code of `text` as an inline SVG, made on this device (nothing is fetched): one path of dark squares
 * on a white square with the quiet zone the standard asks for (four modules), so phones read it off a
 * projector. `label` is its accessible name (it should include the link, which is also shown as text).
 * Error correction M survives a glare or a smudge on the screen.
 */
export function qrSvg(text: string, label: string, className = 'qr'): SVGSVGElement {
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
  const svg = document.createElementNS(SVG, 'svg')
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`)
  svg.setAttribute('class', className)
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-label', label)
  svg.setAttribute('shape-rendering', 'crispEdges')
  const back = document.createElementNS(SVG, 'rect')
  back.setAttribute('width', String(size))
  back.setAttribute('height', String(size))
  back.setAttribute('fill', '#fff')
  const dots = document.createElementNS(SVG, 'path')
  dots.setAttribute('d', d)
  dots.setAttribute('fill', '#000')
  svg.append(back, dots)
  return svg
}
