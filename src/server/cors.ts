import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Cross-origin requests from the session's own pages. With several server processes, a page loaded from
 * one process takes its seat back through another when its own stops answering (see net/client.ts); the
 * browser allows that request only when this process names the page's origin. Only the origins of the
 * session's processes are named (never `*`), and no cookie is ever involved: keys travel in the body or
 * the Authorization header, which another site's page does not have.
 */
export function allowOrigin(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): void {
  const origin = req.headers.origin
  if (!origin || !origins.includes(origin)) return
  res.setHeader('Access-Control-Allow-Origin', origin)
  res.setHeader('Vary', 'Origin')
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type')
  res.setHeader('Access-Control-Max-Age', '600')
}

/** The origin (scheme, host, port) of each address, for allowOrigin. */
export function originsOf(addresses: readonly string[]): string[] {
  return addresses.flatMap((a) => {
    try {
      return [new URL(a).origin]
    } catch {
      return []
    }
  })
}
