import type { EventEmitter } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { MAX_BODY_BYTES } from './api.ts'

/** The longest body of a matchmaking request (join options: a name or a token). */
const MAX_MATCHMAKE_BYTES = 16 * 1024

/**
 * Refuses request bodies over their limit before anything reads them: join requests are tiny; the API
 * reads at most MAX_BODY_BYTES. Then matchmaking goes to the gate, the rest to the server's request
 * listeners (Colyseus' router, then Express), which this wraps.
 */
/** `http`: the HTTP or HTTPS server. */
export function guardBodies(
  http: EventEmitter,
  gate: (req: IncomingMessage, res: ServerResponse) => boolean,
): void {
  const listeners = http.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>
  http.removeAllListeners('request')
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const limit = req.url?.startsWith('/matchmake/') ? MAX_MATCHMAKE_BYTES : MAX_BODY_BYTES
    const length = Number(req.headers['content-length'] ?? 0)
    if (
      length > limit ||
      (req.method === 'POST' && req.headers['transfer-encoding'] && req.url?.startsWith('/matchmake/'))
    ) {
      res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' })
      res.end(
        JSON.stringify({
          error: { code: 'MESSAGE_TOO_LARGE', message: `Requests here are at most ${limit} bytes.` },
        }),
      )
      req.resume()
      return
    }
    // Matchmaking goes through the gate alone: Colyseus' own routes are never reached.
    if (gate(req, res)) return
    for (const listener of listeners) listener.call(http, req, res)
  })
}
