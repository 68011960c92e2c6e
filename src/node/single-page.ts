import { writeFile } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import { build, type Plugin, type PluginOption, type ResolvedConfig, type Rolldown } from 'vite'
import {
  assemblePage,
  encodeScriptText,
  moduleRunner,
  PART_IDS,
  partToken,
  SCENARIO_SLOT,
  SINGLE_PAGE_FILE,
  SINGLE_PAGE_MARKER,
} from '../client/single-page.ts'

/**
 * `red-lines.html`: the whole game in one HTML file that opens from a double-click (`file://`), offline, where
 * the browser runs no module script file and fetches nothing. After `vite build` has written `dist/`, a second
 * pass builds each page again (`index.html`, then the stage frame's `stage.html`) into memory with no code
 * splitting and every asset inlined (fonts, images: data: URLs), then puts each page's script and style sheet
 * into the page itself and the stage's page into the game's page, in the format of
 * `src/client/single-page.ts`. The Vite development server builds the file on request, so that the studio's
 * "single page" export works under `npm start` too. The classroom build has no single page (its rooms need
 * the server).
 */

/** One page built for the single file: its HTML and the text of every file the build emitted beside it. */
interface BuiltPage {
  html: string
  files: Map<string, string>
}

/** What the single file is built with: the project's root, the game page's plugins, the JavaScript target. */
export interface SinglePageOptions {
  root: string
  /** The plugins the game's `index.html` needs (e.g. the first screen), without this one. */
  plugins: PluginOption[]
  target?: string | string[] | false
  mode?: string
}

const textOf = (output: Rolldown.OutputChunk | Rolldown.OutputAsset): string =>
  output.type === 'chunk'
    ? output.code
    : typeof output.source === 'string'
      ? output.source
      : Buffer.from(output.source).toString('utf8')

/** Builds one page into memory: one script (dynamic imports inlined), one style sheet, every asset inlined. */
async function buildPage(
  page: string,
  plugins: PluginOption[],
  options: SinglePageOptions,
): Promise<BuiltPage> {
  const result = await build({
    configFile: false,
    root: options.root,
    mode: options.mode ?? 'production',
    base: './',
    logLevel: 'warn',
    plugins,
    publicDir: false,
    // A worker imported with `?worker&inline` starts from a blob: URL; from file:// Chromium runs such a
    // worker only as a classic script, never as a module.
    worker: { format: 'iife' },
    build: {
      target: options.target ?? 'es2022',
      write: false,
      emptyOutDir: false,
      copyPublicDir: false,
      // Every file an import names becomes a data: URL: nothing is left to fetch.
      assetsInlineLimit: () => true,
      cssCodeSplit: false,
      modulePreload: false,
      chunkSizeWarningLimit: 100_000,
      reportCompressedSize: false,
      rolldownOptions: { input: resolve(options.root, page), output: { codeSplitting: false } },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []))
  const html = outputs.find((o) => o.fileName === page)
  if (!html) throw new Error(`single page: the build of ${page} wrote no ${page}`)
  const files = new Map(outputs.filter((o) => o !== html).map((o) => [o.fileName, textOf(o)]))
  return { html: textOf(html), files }
}

/** The id of the element that holds the stage page's script, escaped. */
const STAGE_SCRIPT_ID = 'red-lines-stage-script'

/** The elements that keep a module script (`text`, escaped) and run it (see moduleRunner). */
const runScript = (id: string, text: string) =>
  `<script type="text/plain" id="${id}">${text}</script>\n    <script>${moduleRunner(id)}</script>`

function inlineStyle(css: string, file: string): string {
  if (/<\/style/i.test(css))
    throw new Error(`single page: ${file} holds "</style", which would end its element`)
  return css
}

/**
 * Puts a built page's script and style sheet into the page: `script(code)` and `style(css)` give each one's
 * element. Fails when the build emitted any file that is not so inlined (a worker built as a file of its own,
 * say): the single page could not load it.
 */
function inlinePage(
  page: BuiltPage,
  name: string,
  script: (code: string) => string,
  style: (css: string) => string,
): string {
  const used = new Set<string>()
  const take = (url: string) => {
    const file = url.replace(/^\.\//, '')
    const text = page.files.get(file)
    if (text === undefined) throw new Error(`single page: ${name} names ${url}, which its build did not emit`)
    used.add(file)
    return { file, text }
  }
  const html = page.html
    .replace(/<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g, (_, url: string) => script(take(url).text))
    .replace(/<link\b[^>]*>/g, (tag) => {
      const href = /\bhref="([^"]+)"/.exec(tag)?.[1]
      if (!href || !/\brel="stylesheet"/.test(tag)) return tag
      const { file, text } = take(href)
      return style(inlineStyle(text, file))
    })
  const left = [...page.files.keys()].filter((f) => !used.has(f))
  if (left.length)
    throw new Error(
      `single page: the build of ${name} emitted ${left.join(', ')}, which the single page cannot load; import such files so that Vite inlines them (e.g. a worker as \`./worker.ts?worker&inline\`)`,
    )
  return html
}

/**
 * The skeleton of the game's page (see `src/client/single-page.ts`): its marker, and a token for each part
 * and for the scenario.
 */
function skeletonOf(page: BuiltPage): { skeleton: string; main: string; css: string } {
  const found: { main?: string; css?: string } = {}
  const html = inlinePage(
    page,
    'index.html',
    (code) => {
      if (found.main !== undefined) throw new Error('single page: index.html should build to one script')
      found.main = code
      return runScript(PART_IDS.main, partToken(PART_IDS.main))
    },
    (css) => {
      if (found.css !== undefined) throw new Error('single page: index.html should build to one style sheet')
      found.css = css
      return `<style id="${PART_IDS.css}">${partToken(PART_IDS.css)}</style>`
    },
  )
  const marked = html.replace(
    /<meta charset="utf-8" \/>/,
    (meta) => `${meta}\n    <meta name="${SINGLE_PAGE_MARKER}" />`,
  )
  const skeleton = marked.replace(
    '</body>',
    `  <script type="text/html" id="${PART_IDS.stage}">${partToken(PART_IDS.stage)}</script>
    ${SCENARIO_SLOT}
    <script type="text/html" id="${PART_IDS.page}">${partToken(PART_IDS.page)}</script>
  </body>`,
  )
  if (found.main === undefined || found.css === undefined || marked === html || skeleton === marked)
    throw new Error(
      'single page: index.html should build to one script and one style sheet, with <meta charset="utf-8" /> and </body>',
    )
  return { skeleton, main: found.main, css: found.css }
}

/** Builds `red-lines.html` and returns its text. */
export async function buildSinglePage(options: SinglePageOptions): Promise<string> {
  // One after the other: two builds at once would only compete for the same cores.
  const index = await buildPage('index.html', options.plugins, options)
  const stage = await buildPage('stage.html', [], options)
  const stageHtml = inlinePage(
    stage,
    'stage.html',
    (code) => runScript(STAGE_SCRIPT_ID, encodeScriptText(code)),
    (css) => `<style>${css}</style>`,
  )
  const { skeleton, main, css } = skeletonOf(index)
  return assemblePage(
    skeleton,
    {
      [PART_IDS.main]: encodeScriptText(main),
      [PART_IDS.css]: css,
      [PART_IDS.stage]: encodeScriptText(stageHtml),
      [PART_IDS.page]: encodeScriptText(skeleton),
    },
    null,
  )
}

/**
 * The Vite plugin: `vite build` writes `red-lines.html` beside `index.html`, and the development server
 * builds it when it is asked for (again after a source file changed). `pagePlugins` gives the plugins of the
 * game's page (new instances for each build).
 */
export function singlePage(pagePlugins: () => PluginOption[]): Plugin {
  let config: ResolvedConfig | null = null
  const options = (): SinglePageOptions => {
    if (!config) throw new Error('single page: the Vite configuration is not resolved yet')
    return { root: config.root, plugins: pagePlugins(), target: config.build.target, mode: config.mode }
  }
  let served: Promise<string> | null = null
  return {
    name: 'red-lines:single-page',
    configResolved(resolved) {
      config = resolved
    },
    async writeBundle() {
      if (!config || this.environment.name !== 'client') return
      const started = performance.now()
      const html = await buildSinglePage(options())
      const file = resolve(config.root, config.build.outDir, SINGLE_PAGE_FILE)
      await writeFile(file, html)
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const size = (Buffer.byteLength(html) / 1_000_000).toFixed(2)
      const shown = file.startsWith(config.root) ? relative(config.root, file) : file
      config.logger.info(`single page: ${shown}  ${size} MB, built in ${seconds} s`)
    },
    configureServer(server) {
      const forget = () => {
        served = null
      }
      for (const event of ['change', 'add', 'unlink'] as const) server.watcher.on(event, forget)
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://host').pathname
        if (path !== `/${SINGLE_PAGE_FILE}`) return next()
        served ??= buildSinglePage(options())
        served.then(
          (html) => {
            res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' })
            res.end(html)
          },
          (error: unknown) => {
            served = null
            res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
            res.end(
              `Could not build ${SINGLE_PAGE_FILE}: ${error instanceof Error ? error.message : String(error)}`,
            )
          },
        )
      })
    },
  }
}
