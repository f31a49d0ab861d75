import { request as httpRequest, type Agent, type ClientRequest } from 'node:http'
import type { Socket } from 'node:net'
import type { ResponseRecord } from './traffic-record.ts'

/**
 * Where one request goes and how long it may take.
 *
 * @example
 *   import { Agent } from 'node:http'
 *   const sockets = new Set<Socket>()
 *   const target: RequestTarget = {
 *     hostname: '127.0.0.1',
 *     port: 8080,
 *     host: 'shop',
 *     path: '/',
 *     method: 'GET',
 *     timeoutMs: 10_000,
 *     agent: new Agent(),
 *   }
 *   sendRequest(target, (socket) => sockets.add(socket))
 */
export interface RequestTarget {
  hostname: string
  port: number
  host: string
  path: string
  method: string
  timeoutMs: number
  agent: Agent
}

/**
 * What one request came to, without its place in the run.
 *
 * @example
 *   const outcome: RequestOutcome = { latencyMs: 4, status: 200, replica: 'web-1', body: '{"container":"web-1"}' }
 *   outcome.error // undefined: a whole answer
 */
export type RequestOutcome = Omit<ResponseRecord, 'index' | 'sentAtMs' | 'lateByMs'>

/**
 * A request on its way. `outcome` always resolves, never rejects: an error is part of the outcome.
 *
 * @example
 *   declare const target: RequestTarget
 *   const request = sendRequest(target, (socket) => {})
 *   request.abort('aborted'); (await request.outcome).error // 'aborted'
 */
export interface InFlightRequest {
  readonly outcome: Promise<RequestOutcome>
  /** Ends the request now, with this as its error, unless it already has an outcome. */
  abort(error: string): void
}

const BODY_KEPT = 500
// Enough to read a backend's JSON answer whole; a longer body is kept only in part.
const BODY_READ = 64 * 1024

/**
 * Sends one request on the run's agent and records its outcome: status, replica, Retry-After, body, or the error code.
 *
 * @example
 *   declare const target: RequestTarget
 *   const { outcome } = sendRequest(target, (socket) => {})
 *   const { replica } = await outcome // 'web-2'
 */
export function sendRequest(target: RequestTarget, onSocket: (socket: Socket) => void): InFlightRequest {
  const started = performance.now()
  let resolve!: (outcome: RequestOutcome) => void
  const outcome = new Promise<RequestOutcome>((settle) => (resolve = settle))
  let settled = false
  let status: number | undefined
  let retryAfter: string | undefined
  let text = ''
  let request: ClientRequest | undefined
  const finish = (error?: string): void => {
    if (settled) return
    settled = true
    clearTimeout(timer)
    const replica = error === undefined ? replicaIn(text) : undefined
    resolve({
      latencyMs: performance.now() - started,
      status,
      replica,
      error,
      retryAfter,
      body: text.slice(0, BODY_KEPT),
    })
  }
  const abort = (error: string): void => {
    finish(error)
    request?.destroy()
  }
  const timer = setTimeout(() => abort(`timeout after ${target.timeoutMs} ms`), target.timeoutMs)
  try {
    request = httpRequest({
      hostname: target.hostname,
      port: target.port,
      path: target.path,
      method: target.method,
      agent: target.agent,
      headers: { host: target.host },
    })
  } catch (error) {
    finish(codeOf(error))
    return { outcome, abort }
  }
  request.on('socket', onSocket)
  request.on('error', (error) => finish(codeOf(error)))
  // Once an answer has begun, its own events decide the outcome; 'close' is only a backstop for a request that got
  // none.
  request.on('close', () => status === undefined && finish('connection closed without an answer'))
  request.on('response', (response) => {
    status = response.statusCode
    const header = response.headers['retry-after']
    if (header !== undefined) retryAfter = header
    response.setEncoding('utf8')
    response.on('data', (chunk: string) => {
      if (text.length < BODY_READ) text += chunk
    })
    response.on('end', () => finish())
    response.on('error', (error) => finish(codeOf(error)))
    response.on('close', () => finish(response.complete ? undefined : 'ECONNRESET'))
  })
  request.end()
  return { outcome, abort }
}

function codeOf(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message
  return String(error)
}

function replicaIn(body: string): string | undefined {
  if (!body.trimStart().startsWith('{')) return undefined
  try {
    const parsed: unknown = JSON.parse(body)
    if (typeof parsed === 'object' && parsed !== null && 'container' in parsed && typeof parsed.container === 'string')
      return parsed.container
  } catch {
    // Not JSON after all: the answer names no replica.
  }
  return undefined
}
