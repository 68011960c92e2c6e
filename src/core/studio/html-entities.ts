/**
 * Decodes HTML character references ("&amp;", "&#8217;", "&rsquo;") as a browser shows them, for pasted HTML
 * and Markdown. Only the names that occur in running text are known; an unknown one is kept as written, so
 * that no word of the article is lost.
 */

/** The Latin-1 entity names, in code-point order from U+00A0. */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
/** The other names HTML pages use in running text, as name:code point in hexadecimal. */
const OTHER_ENTITIES =
  'amp:26 lt:3c gt:3e quot:22 apos:27 OElig:152 oelig:153 Scaron:160 scaron:161 Yuml:178 fnof:192 circ:2c6 tilde:2dc ensp:2002 emsp:2003 thinsp:2009 zwnj:200c zwj:200d lrm:200e rlm:200f ndash:2013 mdash:2014 lsquo:2018 rsquo:2019 sbquo:201a ldquo:201c rdquo:201d bdquo:201e dagger:2020 Dagger:2021 bull:2022 hellip:2026 permil:2030 prime:2032 Prime:2033 lsaquo:2039 rsaquo:203a euro:20ac trade:2122 minus:2212 nbhy:2011 hyphen:2010'
const ENTITIES = new Map<string, number>(
  OTHER_ENTITIES.split(' ').map((pair) => {
    const [name, hex] = pair.split(':') as [string, string]
    return [name, Number.parseInt(hex, 16)]
  }),
)
LATIN1.split(' ').forEach((name, i) => {
  ENTITIES.set(name, 0xa0 + i)
})
/** Names a browser reads even without the closing semicolon. */
const BARE = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp'])
/** What browsers make of character references 0x80–0x9F: Windows-1252, as old pages mean them. */
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
]
const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z][A-Za-z0-9]{1,31}))(;?)/g

/** Decodes named and numeric character references the way a browser shows them. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string, semi?: string) => {
    if (name !== undefined) {
      const code = ENTITIES.get(name)
      return code !== undefined && (semi || BARE.has(name)) ? String.fromCodePoint(code) : whole
    }
    let code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16)
    if (code >= 0x80 && code <= 0x9f) code = CP1252[code - 0x80] ?? code
    const bad = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)
    return String.fromCodePoint(bad ? 0xfffd : code)
  })
}
