// One attempt to send a request to one replica, up to its response headers.
// The handler decides what an outcome means: retry, 502, 504 or stream back.
import { request } from 'node:http'
import type { Agent, ClientRequest, IncomingMessage, OutgoingHttpHeaders } from 'node:http'
import type { BackendAddress, Clock } from '../discovery/index.ts'
import type { RequestBody } from './buffer-body.ts'

/** Connection errors that, before any response byte, mean "try another replica". */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE'])

/** What one attempt came to. */
export type ForwardOutcome =
  | { kind: 'response'; response: IncomingMessage; upstream: ClientRequest }
  | { kind: 'connection-failed'; code: string; error: Error; reusedSocket: boolean }
  | { kind: 'timed-out' }

/** What `forwardRequest` sends, where, and how long it waits for response headers. */
export interface ForwardOptions {
  agent: Agent
  address: BackendAddress
  method: string
  path: string
  /** Sent as they are: `withBodyLength` has matched them to `body`. */
  headers: OutgoingHttpHeaders
  body: RequestBody
  headersTimeoutMs: number
  clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>
}

/**
 * Sends the request and calls `onOutcome` once: on response headers, a connection error or the timeout.
 * Returns the request, for the caller to destroy when the client goes away.
 *
 * @example
 *   const upstream = forwardRequest({ agent, address, method: 'GET', path: '/', headers, body, headersTimeoutMs: 30_000, clock },
 *     (outcome) => { if (outcome.kind === 'response') outcome.response.pipe(res) })
 */
export function forwardRequest(options: ForwardOptions, onOutcome: (outcome: ForwardOutcome) => void): ClientRequest {
  const { agent, address, method, path, headers, body, headersTimeoutMs, clock } = options
  // No AbortSignal: its listeners and abort errors cost more per request than
  // the caller destroying the request itself.
  const upstream = request({ agent, host: address.host, port: address.port, method, path, headers })
  let settled = false
  const settle = (outcome: ForwardOutcome) => {
    if (settled) return
    settled = true
    clock.clearTimeout(timer)
    onOutcome(outcome)
  }
  const timer = clock.setTimeout(() => {
    upstream.destroy()
    settle({ kind: 'timed-out' })
  }, headersTimeoutMs)
  upstream.on('response', (response) => settle({ kind: 'response', response, upstream }))
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    // A kept-alive socket the backend closed while idle fails the same way a
    // dead backend does; `reusedSocket` lets the handler tell the two apart.
    settle({ kind: 'connection-failed', code: error.code ?? error.name, error, reusedSocket: upstream.reusedSocket })
  })
  if (body.kind === 'buffered') {
    upstream.end(body.body)
  } else {
    for (const chunk of body.head) upstream.write(chunk)
    body.source.pipe(upstream)
  }
  return upstream
}
