// Headers across the proxy: hop-by-hop ones stop here (RFC 9110 §7.6.1), and
// the backend learns who asked and how through X-Forwarded-*.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { RequestBody } from './buffer-body.ts'

const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])

/**
 * `headers` without hop-by-hop ones, including those the Connection header names.
 *
 * @example
 *   withoutHopByHop({ connection: 'close, x-trace', 'x-trace': '1', accept: '*' })
 *   // { accept: '*' }
 */
export function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = namedByConnection(headers.connection)
  const kept: IncomingHttpHeaders = {}
  // Runs once per proxied request: a plain loop, no intermediate arrays.
  for (const name in headers) {
    const value = headers[name]
    if (value === undefined || HOP_BY_HOP.has(name) || named?.includes(name) === true) continue
    kept[name] = value
  }
  return kept
}

/**
 * Raw headers (name, value, name, value…) without hop-by-hop ones, as strings for `res.writeHead`; names keep their
 * case.
 *
 * @example
 *   rawWithoutHopByHop([
 *     Buffer.from('Connection'),
 *     Buffer.from('keep-alive'),
 *     Buffer.from('Content-Length'),
 *     Buffer.from('2'),
 *   ])
 *   // ['Content-Length', '2']
 */
export function rawWithoutHopByHop(raw: readonly Buffer[]): string[] {
  const kept: string[] = []
  let named: string[] | undefined
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toString('latin1')
    const value = raw[i + 1]!.toString('latin1')
    const lower = name.toLowerCase()
    if (!HOP_BY_HOP.has(lower)) {
      kept.push(name, value)
    } else if (lower === 'connection') {
      const more = namedByConnection(value)
      if (more !== undefined) named = named === undefined ? more : [...named, ...more]
    }
  }
  if (named === undefined) return kept
  const rest: string[] = []
  for (let i = 0; i < kept.length; i += 2)
    if (!named.includes(kept[i]!.toLowerCase())) rest.push(kept[i]!, kept[i + 1]!)
  return rest
}

// The usual values name nothing beyond the hop-by-hop set; only others are split.
function namedByConnection(connection: string | undefined): string[] | undefined {
  if (connection === undefined || connection === '') return undefined
  const lower = connection.toLowerCase()
  if (lower === 'keep-alive' || lower === 'close') return undefined
  return lower.split(',').map((name) => name.trim())
}

/**
 * The headers to send a backend: the client's, minus hop-by-hop, plus X-Forwarded-For/-Proto/-Host.
 *
 * @example
 *   declare const req: IncomingMessage
 *   forwardedHeaders(req) // { host: 'shop:8080', 'x-forwarded-for': '10.0.0.1, 127.0.0.1',
 *   //   'x-forwarded-proto': 'http', 'x-forwarded-host': 'shop:8080', … }
 */
export function forwardedHeaders(req: IncomingMessage): IncomingHttpHeaders {
  const headers = withoutHopByHop(req.headers)
  // node:http has already answered a 100-continue itself, and undici refuses the header.
  delete headers.expect
  const client = req.socket.remoteAddress ?? 'unknown'
  const earlier = req.headers['x-forwarded-for']
  headers['x-forwarded-for'] = earlier === undefined || earlier === '' ? client : `${earlier}, ${client}`
  headers['x-forwarded-proto'] = 'encrypted' in req.socket && req.socket.encrypted === true ? 'https' : 'http'
  if (req.headers.host !== undefined) headers['x-forwarded-host'] = req.headers.host
  return headers
}

/**
 * Sets `headers`' Content-Length to a buffered body's size (it may have come chunked); a streamed body keeps the
 * client's.
 *
 * @example
 *   withBodyLength({ 'content-length': '3' }, { kind: 'buffered', body: Buffer.from('abcd') })
 *   // { 'content-length': '4' }
 */
export function withBodyLength(headers: IncomingHttpHeaders, body: RequestBody): IncomingHttpHeaders {
  if (body.kind !== 'buffered') return headers
  delete headers['transfer-encoding']
  if (body.body.length > 0 || headers['content-length'] !== undefined)
    headers['content-length'] = String(body.body.length)
  return headers
}
