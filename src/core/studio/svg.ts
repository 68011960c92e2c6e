import { checkSvgText, type SvgDanger } from '../scenario/load/svg-safety.ts'
import type { SvgToken } from '../scenario/load/svg-tokens.ts'

/**
 * Makes an SVG picture a teacher chooses in the studio safe to carry as the scenario's stage: it removes what
 * the loader's check refuses (`STAGE_IMAGE_UNSAFE`, see `scenario/load/svg-safety.ts`): scripts and the
 * elements that embed other documents with all they hold, event handlers, links and `url()`s that leave the
 * picture, DOCTYPE and entity declarations, stylesheets that import. It also drops comments and the XML
 * declaration, which a picture does not need. It works on the same tokens as the check, so what it keeps
 * passes the check; it never rewrites the text with patterns.
 *
 * Returns the safe text and what was removed (each as written, shortened, such as `<script>` or
 * `onload="…"`), or null when the text is not a well-formed SVG or cannot be made safe by removing parts
 * (entities it would need a DOCTYPE to read, text outside the picture).
 */
export function sanitiseSvg(svgText: string): { svg: string; removed: string[] } | null {
  const checked = checkSvgText(svgText)
  if (!checked.ok) return null
  const { tokens, dangers } = checked
  if (dangers.some((d) => d.remove === 'whole')) return null
  const dropTokens = new Set<number>()
  const dropAttributes = new Map<number, Set<string>>()
  for (const d of dangers) {
    if (d.remove === 'attribute' && d.attribute !== undefined) {
      const set = dropAttributes.get(d.token) ?? new Set<string>()
      set.add(d.attribute)
      dropAttributes.set(d.token, set)
    } else dropTokens.add(d.token)
  }
  const out: string[] = []
  let skipDepth = 0
  tokens.forEach((token, index) => {
    if (skipDepth > 0) {
      if (token.kind === 'start' && !token.selfClosing) skipDepth++
      else if (token.kind === 'end') skipDepth--
      return
    }
    if (dropTokens.has(index)) {
      if (token.kind === 'start' && !token.selfClosing) skipDepth = 1
      return
    }
    out.push(write(token, dropAttributes.get(index)))
  })
  const svg = out.join('').trim()
  // Whatever is left must pass the check the loader makes; if it would not, nothing is returned.
  const again = checkSvgText(svg)
  if (!again.ok || again.dangers.length) return null
  return { svg, removed: removedList(dangers) }
}

function write(token: SvgToken, drop: ReadonlySet<string> | undefined): string {
  switch (token.kind) {
    case 'text':
      return token.raw
    case 'cdata':
      return `<![CDATA[${token.raw}]]>`
    case 'start': {
      const attributes = token.attributes
        .filter((a) => !drop?.has(a.name))
        .map((a) => ` ${a.name}=${a.quote}${a.raw}${a.quote}`)
        .join('')
      return `<${token.name}${attributes}${token.selfClosing ? '/>' : '>'}`
    }
    case 'end':
      return `</${token.name}>`
    // Comments, the XML declaration, other processing instructions and declarations are left out.
    default:
      return ''
  }
}

/** What was removed, each thing once, in the order found. */
function removedList(dangers: readonly SvgDanger[]): string[] {
  return [...new Set(dangers.map((d) => d.what))]
}
