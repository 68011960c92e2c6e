/**
 * The format of `red-lines.html`, the whole game in one HTML file that opens from a double-click (`file://`),
 * offline. `npm run build` writes it (`src/node/single-page.ts`); the studio writes copies of it with a scenario
 * inside (`src/client/studio/share.ts`); the stage reads its frame's page from it (`src/client/stage/index.ts`).
 *
 * The page carries the parts of itself as the text of elements the game never changes: its style sheet, its
 * script (run by a small classic script, see moduleRunner), the stage's page, and the page's own skeleton (the page with each part's text replaced by a token).
 * A copy is the skeleton with the parts put back, so a page can write a copy of itself at any time, whatever
 * its screens have done to the document since it loaded. Texts kept in `<script>` elements that are not run
 * (the code, the stage's page, the skeleton, a scenario) are escaped so that they cannot end their element.
 *
 * Pure string work: imported by the browser and by the build in Node alike.
 */

/** The `<meta name>` that marks the single-file page. */
export const SINGLE_PAGE_MARKER = 'red-lines-single'

/** The file name of the single-file page, beside `index.html` in `dist/`. */
export const SINGLE_PAGE_FILE = 'red-lines.html'

/** The ids of the elements that hold the page's parts. */
export const PART_IDS = {
  /** `<style>`: every style sheet, fonts and images inlined as data: URLs. */
  css: 'red-lines-css',
  /** `<script type="text/plain">`: the game's whole script, escaped, which moduleRunner runs. */
  main: 'red-lines-main',
  /** `<script type="text/html">`: the stage frame's page, escaped (see encodeScriptText). */
  stage: 'red-lines-stage',
  /** `<script type="text/html">`: the page's skeleton, escaped. */
  page: 'red-lines-page',
} as const

/** The id of the `<script type="text/yaml">` that holds a scenario embedded in the page. */
export const SCENARIO_ELEMENT_ID = 'red-lines-scenario'

/** Where the skeleton puts an embedded scenario's element (nothing when there is none). */
export const SCENARIO_SLOT = '{{red-lines:scenario}}'

/** The token the skeleton holds in place of a part's text. */
export const partToken = (id: string): string => `{{red-lines:part:${id}}}`

const TOKEN = /\{\{red-lines:(?:part:([a-z-]+)|scenario)\}\}/g

/**
 * Escapes a text to sit inside a `<script>` element that is not run (`type="text/yaml"`, `"text/html"`): every
 * `</` becomes `<\/` (so that nothing closes the element) and every `<!` becomes `<\!` (so that no `<!--` puts
 * the parser in the state where `</script>` stops closing it). A `<` already followed by backslashes and then
 * `/` or `!` gets one backslash more, so that decoding gives back exactly the text.
 */
export function encodeScriptText(text: string): string {
  return text.replace(/<(\\*)([/!])/g, '<$1\\$2')
}

/** The text encodeScriptText escaped: one backslash less after each `<` followed by backslashes and `/` or `!`. */
export function decodeScriptText(text: string): string {
  return text.replace(/<(\\*)\\([/!])/g, '<$1$2')
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * A classic script that runs, as a module script, the code kept escaped as the text of the element `id`. Code
 * cannot sit in a `<script>` element as it is: a `</script` or `<!--` in one of its strings would end the element
 * early or stop it ending at all. Like a module script of the page, it runs once the page is parsed.
 */
export function moduleRunner(id: string): string {
  return `(function () {
  function run() {
    var code = document.getElementById(${JSON.stringify(id)}).textContent
    var script = document.createElement('script')
    script.type = 'module'
    script.textContent = code.replace(/<(\\\\*)\\\\([/!])/g, '<$1$2')
    document.body.appendChild(script)
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run)
  else run()
})()`
}

/** A scenario file as the page embeds it. */
export interface EmbeddedScenario {
  /** Its file name, e.g. `dam-dispute.yaml`. */
  file: string
  /** The file's YAML text. */
  text: string
}

/** The element that embeds a scenario in the page. */
export function scenarioElement(scenario: EmbeddedScenario): string {
  return `<script type="text/yaml" id="${SCENARIO_ELEMENT_ID}" data-file="${escapeAttribute(scenario.file)}">${encodeScriptText(scenario.text)}</script>`
}

/**
 * The page: the skeleton with each part's text and the scenario's element (or nothing) in place of their
 * tokens. `parts` holds each part's text as it stands in the page (the stage's page and the skeleton escaped).
 * Throws when the skeleton names a part that `parts` lacks.
 */
export function assemblePage(
  skeleton: string,
  parts: Readonly<Record<string, string>>,
  scenario: EmbeddedScenario | null,
): string {
  return skeleton.replace(TOKEN, (_, id: string | undefined) => {
    if (id === undefined) return scenario ? scenarioElement(scenario) : ''
    const part = parts[id]
    if (part === undefined) throw new Error(`the single-file page has no part "${id}"`)
    return part
  })
}

/** What `pageFrom` needs of a document: the single-file page loaded, or parsed from its text. */
export interface PageSource {
  getElementById(id: string): { textContent: string | null } | null
}

/**
 * A copy of the single-file page `source` (the page itself, or its text parsed) with `scenario` embedded, in
 * place of any it had. Throws when `source` is not the single-file page.
 */
export function pageFrom(source: PageSource, scenario: EmbeddedScenario | null): string {
  const parts: Record<string, string> = {}
  for (const id of Object.values(PART_IDS)) {
    const text = source.getElementById(id)?.textContent
    if (text == null) throw new Error(`this is not the single-file page of Red Lines (no #${id})`)
    parts[id] = text
  }
  return assemblePage(decodeScriptText(parts[PART_IDS.page] ?? ''), parts, scenario)
}
