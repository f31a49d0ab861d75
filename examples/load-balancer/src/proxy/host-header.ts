// The Host a request asks for, read strictly: exactly one Host header holding
// host[:port] (RFC 9110 7.2, RFC 3986 3.2.2). A request that names its service
// ambiguously or malformed is refused 400 rather than guessed at.
import type { IncomingMessage } from 'node:http'
import { isIPv6 } from 'node:net'

/** The routing key of a valid Host, or why the request names none. */
export type HostReading = { kind: 'host'; host: string } | { kind: 'invalid'; reason: string }

// DNS-ish reg-name: dot-separated labels of letters, digits, '-' and '_' (Docker
// and Compose names use it), 1–63 each, 253 in all; an IPv4 address fits too.
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/
const MAX_NAME = 253
const PORT = /^\d{0,5}$/

/**
 * Reads the Host of `req`: lower-cased, without the port, an IPv6 address in brackets.
 *
 * @example
 *   declare const req: import('node:http').IncomingMessage
 *   readHost(req)
 *   // → { kind: 'host', host: 'shop.example' } for "Host: Shop.Example:8080"
 */
export function readHost(req: IncomingMessage): HostReading {
  const values: string[] = []
  const raw = req.rawHeaders
  for (let i = 0; i < raw.length; i += 2)
    if (raw[i]!.length === 4 && raw[i]!.toLowerCase() === 'host') values.push(raw[i + 1]!)
  if (values.length === 0) return invalid('the request has no Host header; send the Host of the service you want')
  if (values.length > 1) return invalid(`the request has ${values.length} Host headers; send exactly one`)
  return parseHost(values[0]!)
}

/**
 * Parses one Host header value into its routing key.
 *
 * @example
 *   parseHost('[::1')
 *   // → { kind: 'invalid', reason: 'Host "[::1" is not host[:port]: the IPv6 address has no closing "]"' }
 */
export function parseHost(value: string): HostReading {
  const text = value.trim().toLowerCase()
  const shown = `Host "${value.length > 80 ? `${value.slice(0, 80)}…` : value}" is not host[:port]`
  if (text === '') return invalid('the Host header is empty; send the Host of the service you want')
  let host: string
  let rest: string
  if (text.startsWith('[')) {
    const close = text.indexOf(']')
    if (close === -1) return invalid(`${shown}: the IPv6 address has no closing "]"`)
    host = text.slice(0, close + 1)
    rest = text.slice(close + 1)
    if (!isIPv6(host.slice(1, -1))) return invalid(`${shown}: "${host}" is not an IPv6 address`)
  } else {
    const colon = text.indexOf(':')
    host = colon === -1 ? text : text.slice(0, colon)
    rest = colon === -1 ? '' : text.slice(colon)
    const name = host.endsWith('.') ? host.slice(0, -1) : host
    if (name === '' || name.length > MAX_NAME || !name.split('.').every((label) => LABEL.test(label)))
      return invalid(
        `${shown}: a name is dot-separated labels of letters, digits, "-" and "_", ` +
          `each 1–63 characters, ${MAX_NAME} in all`,
      )
  }
  if (rest !== '') {
    const port = rest.slice(1)
    if (!rest.startsWith(':') || !PORT.test(port) || Number(port) > 65535)
      return invalid(`${shown}: the port must be digits from 0 to 65535`)
  }
  return { kind: 'host', host }
}

function invalid(reason: string): HostReading {
  return { kind: 'invalid', reason }
}
