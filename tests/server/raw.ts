import { request } from 'node:http'
import WebSocket from 'ws'

/**
 * A device as an attacker drives one: plain HTTP and WebSocket from a chosen loopback address (127.0.0.2,
 * 127.0.0.3…, all of which reach a server listening on 127.0.0.1), so that per-address limits can be
 * tried without touching the honest devices' address (127.0.0.1).
 */

export interface RawAnswer {
  status: number
  text: string
  headers: Record<string, string | string[] | undefined>
}

/** One HTTP request from `from`; the body is sent as JSON when given. */
export function raw(
  base: string,
  method: string,
  path: string,
  body: unknown,
  from: string,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? '' : JSON.stringify(body)
    const req = request(
      new URL(path, base),
      {
        method,
        localAddress: from,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(data),
          ...headers,
        },
        timeout: 5000,
      },
      (res) => {
        let text = ''
        res.on('data', (c) => {
          text += c
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.on('timeout', () => req.destroy(new Error('timed out')))
    req.end(data)
  })
}

export type RawJoin = { ok: true; ws: WebSocket } | { ok: false; status: number; error: string }

/** Joins a room as the SDK would (reservation, then WebSocket), from `from`. Refusals come back as `error`. */
export async function rawJoin(base: string, code: string, options: unknown, from: string): Promise<RawJoin> {
  const answer = await raw(base, 'POST', `/matchmake/joinById/${code}`, options, from)
  if (answer.status !== 200) return { ok: false, status: answer.status, error: JSON.parse(answer.text).error }
  const seat = JSON.parse(answer.text) as { processId: string; roomId: string; sessionId: string }
  const url = `${base.replace('http', 'ws')}/${seat.processId}/${seat.roomId}?sessionId=${seat.sessionId}`
  const ws = new WebSocket(url, { localAddress: from })
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, status: 0, error: 'TIMEOUT' }), 5000)
    // Colyseus' first message says it: JOIN_ROOM (10), or ERROR (11) with the refusal, before it closes.
    ws.once('message', (data: Buffer) => {
      clearTimeout(timer)
      if (data[0] === 10) return resolve({ ok: true, ws })
      const error = /[A-Z_]{4,}: [\p{L}\p{N}\p{P}\p{Zs}\p{S}]*/u.exec(data.toString('utf8'))?.[0] ?? 'ERROR'
      resolve({ ok: false, status: data[0] ?? 0, error })
    })
    ws.once('close', (status, reason) => {
      clearTimeout(timer)
      resolve({ ok: false, status, error: reason.toString() })
    })
    ws.once('error', () => undefined)
  })
}
