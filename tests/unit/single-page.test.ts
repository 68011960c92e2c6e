import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  assemblePage,
  decodeScriptText,
  encodeScriptText,
  moduleRunner,
  PART_IDS,
  pageFrom,
  partToken,
  SCENARIO_ELEMENT_ID,
  SCENARIO_SLOT,
  scenarioElement,
} from '../../src/client/single-page.ts'

/** Strings rich in the characters the escaping is about. */
const tricky = fc.string({
  unit: fc.constantFrom('<', '/', '!', '\\', '-', 's', 'c', 'r', 'i', 'p', 't', '>', 'é'),
})

/** Runs moduleRunner's script against a document holding `text` and returns the module script it adds. */
function runModuleRunner(text: string): { type: string; textContent: string } {
  const added: Array<{ type: string; textContent: string }> = []
  const document = {
    readyState: 'complete',
    getElementById: (id: string) => (id === 'code' ? { textContent: text } : null),
    createElement: () => ({ type: '', textContent: '' }),
    body: { appendChild: (element: { type: string; textContent: string }) => added.push(element) },
  }
  new Function('document', moduleRunner('code'))(document)
  expect(added).toHaveLength(1)
  return added[0] as { type: string; textContent: string }
}

describe('text inside a <script> element', () => {
  it('can neither close the element nor open a comment, and decodes to exactly the text', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        const encoded = encodeScriptText(text)
        expect(encoded).not.toMatch(/<[/!]/)
        expect(decodeScriptText(encoded)).toBe(text)
      }),
    )
  })

  it('escapes as `<\\/` and `<\\!`, and keeps a backslash written after `<`', () => {
    expect(encodeScriptText('a </script> <!-- b')).toBe('a <\\/script> <\\!-- b')
    expect(encodeScriptText('<\\/x')).toBe('<\\\\/x')
    expect(decodeScriptText('<\\/script>')).toBe('</script>')
  })

  it('runs the code the page keeps as a module script, decoded the same way', () => {
    fc.assert(
      fc.property(tricky, (code) => {
        const script = runModuleRunner(encodeScriptText(code))
        expect(script).toEqual({ type: 'module', textContent: code })
      }),
    )
  })
})

describe('the single page', () => {
  const skeleton = [
    '<html><head><style id="red-lines-css">',
    partToken(PART_IDS.css),
    '</style></head><body><script type="text/plain" id="red-lines-main">',
    partToken(PART_IDS.main),
    '</script><script type="text/html" id="red-lines-stage">',
    partToken(PART_IDS.stage),
    `</script>${SCENARIO_SLOT}<script type="text/html" id="red-lines-page">`,
    partToken(PART_IDS.page),
    '</script></body></html>',
  ].join('')
  const parts = {
    [PART_IDS.css]: 'body { color: red }',
    [PART_IDS.main]: encodeScriptText('console.log("</script>")'),
    [PART_IDS.stage]: encodeScriptText('<p>stage</p>'),
    [PART_IDS.page]: encodeScriptText(skeleton),
  }
  const source = (extra: Record<string, string> = {}) => {
    const texts: Record<string, string> = { ...parts, ...extra }
    return { getElementById: (id: string) => (id in texts ? { textContent: texts[id] ?? null } : null) }
  }
  const scenario = { file: 'dam "talks".yaml', text: 'title: Dam </script> <!-- talks\n' }

  it('puts the parts back into the skeleton, with the scenario at its place', () => {
    const page = pageFrom(source(), scenario)
    expect(page).toBe(
      assemblePage(skeleton, parts, null).replace(
        '</script><script type="text/html" id="red-lines-page">',
        () => `</script>${scenarioElement(scenario)}<script type="text/html" id="red-lines-page">`,
      ),
    )
    expect(page).toContain(`id="${SCENARIO_ELEMENT_ID}" data-file="dam &quot;talks&quot;.yaml">`)
    expect(page).toContain('title: Dam <\\/script> <\\!-- talks')
    // The page's own part is its skeleton, so that a copy of a copy is the same page.
    expect(page).toContain(`<script type="text/html" id="red-lines-page">${parts[PART_IDS.page]}</script>`)
  })

  it('replaces the scenario a page had', () => {
    const withOne = pageFrom(source(), scenario)
    const other = { file: 'other.yaml', text: 'id: other' }
    expect(pageFrom(source(), other)).not.toContain('Dam')
    expect(pageFrom(source(), other)).toBe(withOne.replace(scenarioElement(scenario), scenarioElement(other)))
  })

  it('says when a page is not the single page', () => {
    const missing = {
      getElementById: (id: string) => (id === PART_IDS.main ? null : source().getElementById(id)),
    }
    expect(() => pageFrom(missing, null)).toThrow(/not the single-file page.*#red-lines-main/)
  })
})
