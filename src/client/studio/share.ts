import {
  decodeScriptText,
  type EmbeddedScenario,
  pageFrom,
  SCENARIO_ELEMENT_ID,
  SINGLE_PAGE_FILE,
  SINGLE_PAGE_MARKER,
} from '../single-page.ts'

/**
 * Sharing a scenario as one HTML page of the whole game with the scenario inside, which a colleague opens by
 * double-click, offline (the page's format: `src/client/single-page.ts`). The game opens an embedded scenario
 * at start (`src/client/boot.ts`), as it opens a file chosen with "Open scenario file…".
 */

export type { EmbeddedScenario } from '../single-page.ts'

/**
 * The scenario embedded in the page (`<script type="text/yaml" id="red-lines-scenario" data-file="…">`), with
 * its text decoded, or null when the page has none. The file name is `scenario.yaml` when missing, and gets
 * `.yaml` when it has no YAML extension.
 */
export function embeddedScenario(doc: Document = document): EmbeddedScenario | null {
  const element = doc.getElementById(SCENARIO_ELEMENT_ID)
  if (!element || element.textContent === null) return null
  const name = element.getAttribute('data-file')?.trim() || 'scenario'
  // The game opens YAML files only: a name without the extension gets it.
  const file = /\.ya?ml$/i.test(name) ? name : `${name}.yaml`
  return { file, text: decodeScriptText(element.textContent) }
}

/** Whether `doc` is the single-file page (it carries its own parts, see `src/client/single-page.ts`). */
const isSinglePage = (doc: Document) => doc.querySelector(`meta[name="${SINGLE_PAGE_MARKER}"]`) !== null

/**
 * The single-file page the copy is made from: this page when it is one (it holds its parts as the text of
 * elements the game never changes), else `red-lines.html` beside this page (the built site, and the
 * development server, which builds it on request), read and parsed, never run.
 */
async function template(): Promise<Pick<Document, 'getElementById'>> {
  if (isSinglePage(document)) return document
  const url = new URL(SINGLE_PAGE_FILE, location.href)
  const response = await fetch(url, { cache: 'no-cache' })
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status} ${response.statusText}`)
  const parsed = new DOMParser().parseFromString(await response.text(), 'text/html')
  if (!isSinglePage(parsed)) throw new Error(`${url.pathname} is not the single-file page of Red Lines`)
  return parsed
}

/**
 * The HTML of the single-file game with `scenario` embedded (in place of any scenario the page had), to be
 * saved as a `.html` file. Rejects with an Error saying why when no single-file page can be had (e.g. a page
 * served without `red-lines.html` beside it).
 */
export async function singlePage(scenario: EmbeddedScenario): Promise<string> {
  return pageFrom(await template(), scenario)
}
