/**
 * The container's health check: is the classroom server on this machine answering `GET /api/health`? Plain
 * JavaScript, so that it starts fast. With TLS (CLASSROOM_TLS_CERT), it asks over HTTPS without checking the
 * certificate: it is a liveness probe of this very machine, not a decision to trust anything.
 */
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

const tls = Boolean(process.env.CLASSROOM_TLS_CERT)
const request = tls ? httpsRequest : httpRequest
const req = request(
  {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 2567),
    path: '/api/health',
    timeout: 2500,
    rejectUnauthorized: false,
  },
  (res) => {
    res.resume()
    process.exit(res.statusCode === 200 ? 0 : 1)
  },
)
req.on('timeout', () => req.destroy(new Error('timed out')))
req.on('error', (e) => {
  console.error(`unhealthy: ${e.message}`)
  process.exit(1)
})
req.end()
