// Headers across the proxy: hop-by-hop ones stop here (RFC 9110 §7.6.1), and
// the backend learns who asked and how through X-Forwarded-*.
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http'

const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]

/**
 * `headers` without hop-by-hop ones, including those the Connection header names.
 *
 * @example
 *   withoutHopByHop({ connection: 'close, x-trace', 'x-trace': '1', accept: '*' })
 *   // { accept: '*' }
 */
export function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '')
  const dropped = new Set([...HOP_BY_HOP, ...named])
  const kept: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !dropped.has(name)) kept[name] = value
  }
  return kept
}

/**
 * The headers to send a backend: the client's, minus hop-by-hop, plus X-Forwarded-For/-Proto/-Host.
 *
 * @example
 *   forwardedHeaders(req) // { host: 'shop:8080', 'x-forwarded-for': '10.0.0.1, 127.0.0.1',
 *   //   'x-forwarded-proto': 'http', 'x-forwarded-host': 'shop:8080', … }
 */
export function forwardedHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  const headers = withoutHopByHop(req.headers)
  const client = req.socket.remoteAddress ?? 'unknown'
  const earlier = req.headers['x-forwarded-for']
  headers['x-forwarded-for'] = earlier === undefined || earlier === '' ? client : `${earlier}, ${client}`
  headers['x-forwarded-proto'] = 'encrypted' in req.socket && req.socket.encrypted === true ? 'https' : 'http'
  if (req.headers.host !== undefined) headers['x-forwarded-host'] = req.headers.host
  return headers
}
