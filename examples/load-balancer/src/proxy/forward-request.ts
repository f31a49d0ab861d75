// One attempt to send a request to one replica, through its undici pool. The
// attempt is the undici handler itself: no per-request closures, streams or
// IncomingMessage. The listener decides what an event means: retry, 502, 504
// or stream back.
import type { IncomingHttpHeaders } from 'node:http'
import { Readable } from 'node:stream'
import type { Dispatcher, Pool } from 'undici'
import type { RequestBody } from './buffer-body.ts'
import type { SocketErrorWithBytesRead } from './upstream-pools.ts'

/** Connection errors that, before any response byte, mean "try another replica". */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE'])

/** Why an attempt got no response headers. */
export type ForwardFailure =
  | { kind: 'connection-failed'; code: string; error: Error; reusedSocket: boolean }
  | { kind: 'timed-out' }

/** What an attempt tells the exchange; nothing more once it is cancelled. */
export interface ForwardListener {
  /** The response headers, raw as the backend sent them; `resume` restarts a body paused by `onResponseData`. */
  onResponseStart(status: number, statusText: string, rawHeaders: Buffer[], resume: () => void): void
  /** A body chunk; false pauses the backend until `resume`. */
  onResponseData(chunk: Buffer): boolean
  onResponseEnd(): void
  /** The backend failed after the response started: the client's response must be cut. */
  onResponseCut(): void
  /** No response headers came: the connection failed or the headers timeout ran out. */
  onForwardFailed(failure: ForwardFailure): void
}

/** What `forwardRequest` sends, and where; the pool's own headers timeout bounds the wait for an answer. */
export interface ForwardOptions {
  pool: Pool
  method: string
  path: string
  /** Sent as they are: `withBodyLength` has matched them to `body`. */
  headers: IncomingHttpHeaders
  body: RequestBody
}

/**
 * Sends the request; `listener` hears the response or why there is none.
 * Returns the attempt, for the caller to cancel when the client goes away.
 *
 * @example
 *   import { NO_BODY } from './buffer-body.ts'
 *   declare const pool: Pool, exchange: ForwardListener
 *   const attempt = forwardRequest(
 *     {
 *       pool,
 *       method: 'GET',
 *       path: '/',
 *       headers: { host: 'shop' },
 *       body: NO_BODY,
 *     },
 *     exchange,
 *   )
 *   attempt.cancel() // the client went away
 */
export function forwardRequest(options: ForwardOptions, listener: ForwardListener): ForwardAttempt {
  const { pool, method, path, headers, body } = options
  const attempt = new ForwardAttempt(listener)
  pool.dispatch({ method: method as Dispatcher.HttpMethod, path, headers, body: bodyToSend(body) }, attempt)
  return attempt
}

function bodyToSend(body: RequestBody): Buffer | Readable | null {
  if (body.kind === 'buffered') return body.body.length === 0 ? null : body.body
  const { head, source } = body
  return Readable.from(
    (async function* () {
      yield* head
      yield* source as AsyncIterable<Buffer>
    })(),
    { objectMode: false },
  )
}

/** One request in flight to a backend: the undici handler that relays to a `ForwardListener`. */
export class ForwardAttempt implements Dispatcher.DispatchHandler {
  readonly #listener: ForwardListener
  #abort: ((reason?: Error) => void) | undefined
  #responded = false
  /** Cancelled or timed out: undici's later events are not the listener's business. */
  #over = false

  constructor(listener: ForwardListener) {
    this.#listener = listener
  }

  /** Stops the backend request, queued, waiting or streaming; the listener hears nothing more. */
  cancel(): void {
    if (this.#over) return
    this.#over = true
    this.#abort?.(new Error('the client went away'))
  }

  onConnect(abort: (reason?: Error) => void): void {
    // Cancelled while still queued for a connection: stop before anything is sent.
    if (this.#over) abort(new Error('the client went away'))
    else this.#abort = abort
  }

  onHeaders(status: number, rawHeaders: Buffer[], resume: () => void, statusText: string): boolean {
    if (this.#over) return false
    // 1xx informational responses are not relayed; the final one follows.
    if (status < 200) return true
    this.#responded = true
    this.#listener.onResponseStart(status, statusText, rawHeaders, resume)
    return true
  }

  onData(chunk: Buffer): boolean {
    return this.#over || this.#listener.onResponseData(chunk)
  }

  onComplete(): void {
    if (this.#over) return
    this.#over = true
    this.#listener.onResponseEnd()
  }

  onError(error: Error): void {
    if (this.#over) return
    this.#over = true
    if (this.#responded) return this.#listener.onResponseCut()
    this.#listener.onForwardFailed(connectionFailed(error))
  }
}

type UndiciError = SocketErrorWithBytesRead & { socket?: { bytesRead?: number } | null }

// undici reports a connection the backend closed before answering as
// UND_ERR_SOCKET ("other side closed"), where node:http said ECONNRESET. A
// socket that had already read a response was a kept-alive one, closed while
// idle: the replica is not at fault and the request can go again.
// The pool's headers timeout ends the attempt as undici's HeadersTimeoutError.
function connectionFailed(error: UndiciError): ForwardFailure {
  if (error.code === 'UND_ERR_HEADERS_TIMEOUT') return { kind: 'timed-out' }
  const reusedSocket = (error.socket?.bytesRead ?? error.bytesRead ?? 0) > 0
  const code = error.code ?? error.name
  return { kind: 'connection-failed', code: code === 'UND_ERR_SOCKET' ? 'ECONNRESET' : code, error, reusedSocket }
}
