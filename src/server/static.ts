import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

/** Content types of the files a Vite build of the game holds (and a few more). */
export const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
}

type Next = () => void

/**
 * Serves the files of `root` (the game's `dist/`) for GET and HEAD, with their content type. The path is
 * decoded once and resolved inside `root`; anything that would leave it (`..`, encoded slashes or dots,
 * NUL bytes, absolute paths) is refused with 400 or 404, never read. A folder serves its `index.html`.
 * Files under `assets/` carry a content hash in their names (Vite), so they may be cached for good.
 */
export function serveStatic(root: string): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const base = resolve(root)
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const file = fileFor(base, req.url ?? '/')
    if (file === null) return send(res, 400, 'Bad request')
    let path = file
    let stats = statOf(path)
    if (stats?.isDirectory()) {
      path = join(path, 'index.html')
      stats = statOf(path)
    }
    if (!stats?.isFile()) return next()
    const type = MIME[extname(path).toLowerCase()] ?? 'application/octet-stream'
    const immutable = path.startsWith(join(base, 'assets') + sep)
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': stats.size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    if (req.method === 'HEAD') return void res.end()
    createReadStream(path)
      .on('error', () => res.destroy())
      .pipe(res)
  }
}

/** The file a URL names inside `base`, or null when the URL is malformed or would leave `base`. */
export function fileFor(base: string, url: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url, 'http://host').pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const file = resolve(base, `.${pathname}`)
  return file === base || file.startsWith(base + sep) ? file : null
}

function statOf(path: string) {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' })
  res.end(text)
}
