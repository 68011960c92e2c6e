import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../src/core/scenario/limits.ts'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { checkStageImage } from '../../src/core/scenario/load/stage-image.ts'
import { sanitiseSvg } from '../../src/core/studio/svg.ts'
import { FIXTURE_SEEDS, FIXTURES } from './helpers.ts'

const base64 = (bytes: Uint8Array | string) =>
  Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64')
const dataUrl = (type: string, bytes: Uint8Array | string) => `data:${type};base64,${base64(bytes)}`
const svgUrl = (svg: string) => dataUrl('image/svg+xml', svg)

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
])
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0])
const WEBP = Uint8Array.from([...Buffer.from('RIFF'), 26, 0, 0, 0, ...Buffer.from('WEBPVP8 ')])
const NS = 'xmlns="http://www.w3.org/2000/svg"'
const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'
const svg = (body: string, attributes = '') => `<svg ${NS} ${XLINK}${attributes}>${body}</svg>`

/** A picture as Inkscape saves one: metadata in other namespaces, a gradient, an embedded PNG, a local link. */
const SAFE_SVG = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape -->
<svg ${NS} ${XLINK} xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 100 50" inkscape:version="1.3">
  <metadata><rdf:RDF><rdf:Description rdf:about=""/></rdf:RDF></metadata>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#3af"/></linearGradient></defs>
  <style>.river { fill: url(#g); stroke: #123 } /* banks */</style>
  <rect class="river" width="100" height="50" fill="url('#g')" style="opacity: 0.9"/>
  <image href="data:image/png;base64,${base64(PNG)}" width="10" height="10"/>
  <a xlink:href="#dam"><circle id="dam" cx="50" cy="25" r="5"/></a>
  <text x="5" y="45">Dam &amp; river &#8212; &lt;south&gt;</text>
</svg>`

/** SVG attacks, after the OWASP filter-evasion lists: each must be refused, and sanitised away. */
const HOSTILE: Array<[string, string]> = [
  ['a script element', svg('<script>alert(1)</script><rect width="1" height="1"/>')],
  ['a script element in upper case', svg('<SCRIPT>alert(1)</SCRIPT>')],
  ['a script tag with whitespace before ">"', svg('<script\n\t>alert(1)</script\n>')],
  [
    'a script in the SVG namespace by prefix',
    svg('<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>'),
  ],
  ['an XHTML script', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>')],
  [
    'an XHTML element of another name',
    svg('<h:div xmlns:h="http://www.w3.org/1999/xhtml"><h:p>hi</h:p></h:div>'),
  ],
  ['a CDATA script', svg('<script><![CDATA[alert(1)]]></script>')],
  ['onload on the root', svg('<rect width="1" height="1"/>', ' onload="alert(1)"')],
  ['ONLOAD in upper case with spaces round "="', svg("<g ONLOAD = 'alert(1)'/>")],
  ['onclick on a nested element', svg('<g><rect onclick="alert(1)" width="1" height="1"/></g>')],
  ['an event handler in another namespace', svg('<rect xlink:onmouseover="alert(1)" width="1" height="1"/>')],
  ['javascript: in href', svg('<a href="javascript:alert(1)"><rect width="1" height="1"/></a>')],
  ['javascript: in xlink:href', svg('<a xlink:href="javascript:alert(1)"><rect width="1" height="1"/></a>')],
  ['javascript: in mixed case with leading space', svg('<a href=" JaVaScRiPt:alert(1)"><text>x</text></a>')],
  [
    'javascript: spelt with a character reference',
    svg('<a href="&#106;avascript:alert(1)"><text>x</text></a>'),
  ],
  ['javascript: split by an encoded tab', svg('<a href="java&#x09;script:alert(1)"><text>x</text></a>')],
  ['javascript: split by a newline', svg('<a href="java\nscript:alert(1)"><text>x</text></a>')],
  [
    'an HTML data: link',
    svg('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="><text>x</text></a>'),
  ],
  [
    'an animation that sets a link',
    svg('<a href="#a"><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
  ],
  [
    'an animation of xlink:href',
    svg('<a><animate attributeName="xlink:href" values="https://evil.example/"/></a>'),
  ],
  [
    'foreignObject with HTML inside',
    svg(
      '<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example/"/></body></foreignObject>',
    ),
  ],
  ['foreignObject in mixed case', svg('<ForeignObject width="1" height="1"><p>x</p></ForeignObject>')],
  ['an iframe', svg('<iframe src="https://evil.example/"></iframe>')],
  ['an embed', svg('<embed src="https://evil.example/x.swf"/>')],
  ['an object', svg('<object data="https://evil.example/x.html"></object>')],
  ['an SVG 1.2 handler', svg('<handler type="application/ecmascript">alert(1)</handler>')],
  ['an external image', svg('<image href="https://evil.example/track.png" width="1" height="1"/>')],
  ['a protocol-relative image', svg('<image xlink:href="//evil.example/track.png" width="1" height="1"/>')],
  ['a nested SVG as a data: image', svg(`<image href="${svgUrl(svg('<script>alert(1)</script>'))}"/>`)],
  ['an external use', svg('<use xlink:href="https://evil.example/sprite.svg#a"/>')],
  ['a relative use of another file', svg('<use href="sprite.svg#a"/>')],
  [
    'feImage of an external picture',
    svg('<filter id="f"><feImage xlink:href="http://evil.example/a.png"/></filter>'),
  ],
  [
    'an external url() in a presentation attribute',
    svg('<rect fill="url(https://evil.example/p.svg#g)" width="1" height="1"/>'),
  ],
  [
    'an external url() in a style attribute',
    svg('<rect style="fill: URL( \'http://evil.example/x\' )" width="1" height="1"/>'),
  ],
  ['a style element that imports', svg('<style>@import url(https://evil.example/x.css);</style>')],
  [
    'a style element with an external url()',
    svg("<style>rect { fill: url('http://evil.example/x.svg#p') }</style>"),
  ],
  ['an import split by CDATA', svg("<style>@im<![CDATA[port 'https://evil.example/x.css';]]></style>")],
  ['an import split by a comment', svg("<style>@im<!-- -->port 'https://evil.example/x.css';</style>")],
  ['an import spelt with a CSS escape', svg("<style>@\\69mport 'https://evil.example/x.css';</style>")],
  ['an import hidden by a CSS comment', svg("<style>@import/**/'https://evil.example/x.css';</style>")],
  [
    'an image-set without url()',
    svg('<style>rect { fill: image-set("https://evil.example/a.png" 1x) }</style>'),
  ],
  ['an external stylesheet instruction', `<?xml-stylesheet href="https://evil.example/x.css"?>${svg('')}`],
  [
    'a DOCTYPE with an external entity',
    `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg('<text>&x;</text>')}`,
  ],
  [
    'a billion laughs',
    `<!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>${svg('<text>&lol2;</text>')}`,
  ],
  [
    'a DOCTYPE alone',
    `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">${svg('')}`,
  ],
  [
    'an entity in an attribute',
    `<!DOCTYPE svg [<!ENTITY js "javascript:alert(1)">]>${svg('<a href="&js;"><text>x</text></a>')}`,
  ],
  ['UTF-7', `<?xml version="1.0" encoding="UTF-7"?>${svg('+ADw-script+AD4-alert(1)+ADw-/script+AD4-')}`],
]

describe('checkStageImage', () => {
  it('accepts PNG, JPEG and WebP pictures whose bytes are what they say', () => {
    expect(checkStageImage(dataUrl('image/png', PNG))).toEqual({
      ok: true,
      type: 'image/png',
      bytes: PNG.length,
    })
    expect(checkStageImage(dataUrl('image/jpeg', JPEG))).toMatchObject({ ok: true, type: 'image/jpeg' })
    expect(checkStageImage(dataUrl('image/webp', WEBP))).toMatchObject({ ok: true, type: 'image/webp' })
  })

  it('reads base64 as browsers do: whitespace skipped, padding optional, the type in any case', () => {
    const text = base64(PNG)
    const folded = `data:IMAGE/PNG;BASE64,${text.slice(0, 8)}\n  ${text.slice(8).replace(/=+$/, '')}`
    expect(checkStageImage(folded)).toMatchObject({ ok: true, type: 'image/png' })
  })

  it('refuses bytes that do not match the type, naming what they are', () => {
    expect(checkStageImage(dataUrl('image/png', JPEG))).toEqual({
      ok: false,
      code: 'STAGE_IMAGE_TYPE',
      message: 'The data: address says PNG, but the picture is a JPEG',
    })
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00')
    expect(checkStageImage(dataUrl('image/jpeg', gif))).toMatchObject({
      code: 'STAGE_IMAGE_TYPE',
      message: "The picture's bytes are not a JPEG picture",
    })
    expect(checkStageImage(dataUrl('image/webp', Buffer.from('RIFF\0\0\0\0WAVEfmt ')))).toMatchObject({
      code: 'STAGE_IMAGE_TYPE',
    })
    expect(checkStageImage(dataUrl('image/svg+xml', PNG))).toMatchObject({ code: 'STAGE_IMAGE_TYPE' })
  })

  it('refuses types the game does not draw, malformed addresses and invalid base64', () => {
    for (const address of [
      dataUrl('image/gif', Buffer.from('GIF89a')),
      dataUrl('text/html', '<script>alert(1)</script>'),
      'data:image/png;base64',
      'data:image/png;base64,iVBORw0KGgo$$$$',
      'data:image/png;base64,iVBORw0KG',
      'data:image/svg+xml,%3Csvg%ZZ',
      'https://example.org/picture.png',
    ])
      expect(checkStageImage(address), address).toMatchObject({ ok: false, code: 'STAGE_IMAGE_TYPE' })
  })

  it('refuses a picture over the limit, before and after decoding', () => {
    const big = new Uint8Array(LIMITS.stageImageBytes + 1)
    big.set(PNG)
    expect(checkStageImage(dataUrl('image/png', big))).toMatchObject({
      ok: false,
      code: 'STAGE_IMAGE_TOO_LARGE',
    })
    const svgText = svg(`<desc>${'x'.repeat(LIMITS.stageImageBytes)}</desc>`)
    expect(checkStageImage(`data:image/svg+xml,${encodeURIComponent(svgText)}`)).toMatchObject({
      code: 'STAGE_IMAGE_TOO_LARGE',
    })
    const fits = new Uint8Array(LIMITS.stageImageBytes)
    fits.set(PNG)
    expect(checkStageImage(dataUrl('image/png', fits))).toMatchObject({ ok: true })
  })

  it('accepts a safe SVG, as base64 or %-escaped', () => {
    expect(checkStageImage(svgUrl(SAFE_SVG))).toMatchObject({ ok: true, type: 'image/svg+xml' })
    expect(checkStageImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(SAFE_SVG)}`)).toMatchObject(
      {
        ok: true,
      },
    )
  })

  it('refuses an SVG that is not well-formed or not an SVG', () => {
    for (const text of [
      '<svg><g></svg>',
      `<svg ${NS}><rect width=1/></svg>`,
      `<svg ${NS}>< script>alert(1)</script></svg>`,
      `<html ${NS}/>`,
      `<svg ${NS}/><svg ${NS}/>`,
      'just text',
      `<svg ${NS}><!-- unclosed </svg>`,
    ])
      expect(checkStageImage(svgUrl(text)), text).toMatchObject({ ok: false })
    expect(checkStageImage(svgUrl('<svg><g></svg>'))).toMatchObject({ code: 'STAGE_IMAGE_TYPE' })
  })

  it.each(HOSTILE)('refuses an SVG with %s', (_, text) => {
    const check = checkStageImage(svgUrl(text))
    expect(check.ok).toBe(false)
    if (!check.ok) expect(check.code).toBe('STAGE_IMAGE_UNSAFE')
  })

  it('names what it found in the message', () => {
    expect(checkStageImage(svgUrl(svg('<script>x</script>', ' onload="x"')))).toEqual({
      ok: false,
      code: 'STAGE_IMAGE_UNSAFE',
      message: 'The SVG picture holds onload="x", <script>',
    })
  })

  // Speed is the bench's business; here each hostile text must simply be read to an answer (a hang would
  // exceed the test's time-out).
  it('reads long hostile texts to an answer', () => {
    for (const text of [
      `<svg ${NS}>${'<'.repeat(200_000)}</svg>`,
      `<svg ${NS} a="${'&'.repeat(200_000)}"/>`,
      `<svg ${NS}><style>${'url('.repeat(60_000)}</style></svg>`,
      `<svg ${NS}>${'<g>'.repeat(60_000)}${'</g>'.repeat(60_000)}</svg>`,
      `<!DOCTYPE ${'['.repeat(200_000)}`,
      `<svg ${NS} ${'a="1" '.repeat(50_000)}/>`,
      `<svg ${NS} ${Array.from({ length: 5_000 }, (_, i) => `xmlns:p${i}="u"`).join(' ')}>${'<g>'.repeat(20_000)}${'</g>'.repeat(20_000)}</svg>`,
      `<svg ${NS}><text>${'&'.repeat(200_000)}</text></svg>`,
    ]) {
      expect(checkStageImage(`data:image/svg+xml,${encodeURIComponent(text)}`)).toBeDefined()
      sanitiseSvg(text)
    }
  })
})

describe('sanitiseSvg', () => {
  it('keeps a safe SVG as it is, but for the comments and the XML declaration', () => {
    const result = sanitiseSvg(SAFE_SVG)
    expect(result?.removed).toEqual([])
    expect(result?.svg.startsWith('<svg ')).toBe(true)
    expect(result?.svg).toContain('fill="url(\'#g\')"')
    expect(result?.svg).toContain('Dam &amp; river &#8212; &lt;south&gt;')
    expect(result?.svg).not.toContain('Inkscape -->')
  })

  it.each(HOSTILE)('makes an SVG with %s safe, or gives up', (name, text) => {
    const result = sanitiseSvg(text)
    if (result === null) {
      // Only what cannot be cut out: entities a DOCTYPE would have to define.
      expect(name).toMatch(/entity|billion/)
      return
    }
    expect(result.removed.length).toBeGreaterThan(0)
    expect(checkStageImage(svgUrl(result.svg))).toMatchObject({ ok: true })
    expect(result.svg).not.toMatch(
      /<[\w:]*script|javascript|evil\.example|@import|<!DOCTYPE|<!ENTITY|\son\w+\s*=/i,
    )
  })

  it('removes an element with all it holds and an attribute alone, and says what went', () => {
    const result = sanitiseSvg(
      svg('<g onclick="steal()" fill="red"><script>alert(1)</script><rect width="4" height="2"/></g>'),
    )
    expect(result).toEqual({
      svg: `<svg ${NS} ${XLINK}><g fill="red"><rect width="4" height="2"/></g></svg>`,
      removed: ['onclick="steal()"', '<script>'],
    })
  })

  it('keeps local links and embedded raster pictures', () => {
    const text = svg(`<use href="#a"/><image xlink:href="data:image/jpeg;base64,${base64(JPEG)}"/>`)
    expect(sanitiseSvg(text)).toEqual({ svg: text, removed: [] })
  })

  it('gives up on what is not a well-formed SVG', () => {
    for (const text of ['', 'not svg', '<html><body/></html>', '<svg><g></svg>', `<svg ${NS}>&nbsp;</svg>`])
      expect(sanitiseSvg(text), text).toBeNull()
  })
})

describe('the loader', () => {
  const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8')
  const withStage = (stage: string) => `${minimal.trimEnd()}\nstage:\n${stage}\n`

  it('loads a scenario whose stage is a safe picture', () => {
    const image = svgUrl(SAFE_SVG)
    const result = loadScenario(
      withStage(`  kind: image\n  image: "${image}"\n  alt: A river and its dam.`),
      {
        seeds: FIXTURE_SEEDS,
      },
    )
    expect(result.problems).toEqual([])
    expect(result.scenario?.stage).toEqual({ kind: 'image', image, alt: 'A river and its dam.' })
  })

  it('refuses an unsafe picture at stage.image, with its line', () => {
    const image = svgUrl(svg('<script>alert(1)</script>'))
    const text = withStage(`  kind: image\n  alt: A river.\n  image: "${image}"`)
    const result = loadScenario(text, { seeds: FIXTURE_SEEDS })
    expect(result.scenario).toBeNull()
    expect(result.problems).toMatchObject([
      {
        code: 'STAGE_IMAGE_UNSAFE',
        path: 'stage.image',
        line: text.split('\n').findIndex((l) => l.includes('image: "data:')) + 1,
      },
    ])
  })
})
