// One client request's way through the proxy: pick a replica, forward, retry
// or answer on failure, stream the response back. The exchange listens to its
// upstream attempt itself, rather than through callbacks, an async chain,
// AbortController or stream.pipeline: per request those cost more CPU than
// the proxying itself.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { Balancer, DownMarks, InFlightCounter, PickOptions } from '../balancing/index.ts'
import type { BackendRegistry, Replica } from '../discovery/index.ts'
import { bufferBody, hasNoBody, NO_BODY } from './buffer-body.ts'
import type { RequestBody } from './buffer-body.ts'
import { forwardedHeaders, rawWithoutHopByHop, withBodyLength } from './forwarded-headers.ts'
import { forwardRequest, RETRYABLE_CODES } from './forward-request.ts'
import type { ForwardAttempt, ForwardFailure, ForwardListener } from './forward-request.ts'
import { proxyMessages } from './proxy-errors.ts'
import type { ProxyMetrics } from './proxy-metrics.ts'
import type { UpstreamPools } from './upstream-pools.ts'

/** How many times one request is resent after a kept-alive socket turned out closed. */
const STALE_SOCKET_RETRIES = 3

const ANY_REPLICA: PickOptions = {}

/** What every exchange of one handler shares. */
export interface ProxyContext {
  registry: BackendRegistry
  pools: UpstreamPools
  metrics: ProxyMetrics
  inFlight: InFlightCounter
  downMarks: DownMarks
  headersTimeoutMs: number
  bodyLimit: number
  /** Counts and sends one of the proxy's own plain-text answers. */
  answer(res: ServerResponse, host: string, status: number, message: string, headers?: Record<string, string>): void
}

/**
 * One request to a known Host, from the replica pick to the last response byte.
 *
 * @example
 *   declare const context: ProxyContext, req: IncomingMessage, res: ServerResponse, balancer: Balancer
 *   // → the Host's balancer
 *   new ProxyExchange(context, req, res, 'shop', balancer).start()
 *   // res: the backend's answer, or 503/502/504 saying why not
 */
export class ProxyExchange implements ForwardListener {
  readonly #context: ProxyContext
  readonly #req: IncomingMessage
  readonly #res: ServerResponse
  readonly #host: string
  readonly #balancer: Balancer
  /** Replicas that refused or reset; made only when a retry needs it. */
  #tried: Set<string> | undefined
  #body: RequestBody | undefined
  #headers: IncomingHttpHeaders | undefined
  #staleSockets = 0
  #replica: Replica | undefined
  #attempt: ForwardAttempt | undefined
  /** Restarts a backend body paused because the client read slower. */
  #resume: (() => void) | undefined
  /** Uncounts the current attempt's in-flight request. */
  #done: (() => void) | undefined
  #clientGone = false

  constructor(context: ProxyContext, req: IncomingMessage, res: ServerResponse, host: string, balancer: Balancer) {
    this.#context = context
    this.#req = req
    this.#res = res
    this.#host = host
    this.#balancer = balancer
    res.on('close', () => this.#onClientClose())
  }

  /** Picks a replica and sends the request on. */
  start(): void {
    const { registry, answer } = this.#context
    const tried = this.#tried
    const replica = this.#balancer.pick(
      registry.replicasServing(this.#host),
      tried === undefined ? ANY_REPLICA : { exclude: tried },
    )
    if (replica === undefined) {
      if (tried === undefined || tried.size === 0) {
        return answer(this.#res, this.#host, 503, proxyMessages.noHealthyReplica(this.#host), { 'retry-after': '1' })
      }
      // Every replica refused: the service has none that can answer now, which
      // is what 503 says (a crashed service is unavailable, not a bad gateway).
      return answer(this.#res, this.#host, 503, proxyMessages.allRefused(this.#host, tried.size), {
        'retry-after': '1',
      })
    }
    if (this.#body !== undefined) return this.#forwardTo(replica, this.#body)
    if (hasNoBody(this.#req.headers)) return this.#forwardTo(replica, NO_BODY)
    // Read the body only once a replica exists, so 503s do not wait for it.
    bufferBody(this.#req, this.#context.bodyLimit).then(
      (body) => {
        if (!this.#clientGone) this.#forwardTo(replica, body)
      },
      // The client went away while its body was read; nothing is left to answer.
      () => this.#res.destroy(),
    )
  }

  #forwardTo(replica: Replica, body: RequestBody): void {
    const { pools, inFlight, metrics } = this.#context
    this.#body = body
    this.#replica = replica
    this.#headers ??= withBodyLength(forwardedHeaders(this.#req), body)
    this.#done = inFlight.begin(replica.id)
    metrics.countForwarded(replica.id)
    const { method = 'GET', url: path = '/' } = this.#req
    const pool = pools.poolFor(replica.address)
    this.#attempt = forwardRequest({ pool, method, path, headers: this.#headers, body }, this)
  }

  onResponseStart(status: number, statusText: string, rawHeaders: Buffer[], resume: () => void): void {
    const res = this.#res
    this.#context.metrics.countResponse(this.#host, status)
    res.writeHead(status, statusText, rawWithoutHopByHop(rawHeaders))
    this.#resume = resume
  }

  onResponseData(chunk: Buffer): boolean {
    const res = this.#res
    if (res.write(chunk)) return true
    // The client reads slower than the backend writes: pause the backend until it catches up.
    if (this.#resume !== undefined) res.once('drain', this.#resume)
    return false
  }

  onResponseEnd(): void {
    this.#res.end()
  }

  // The backend reset mid-body: cut the client's response too, so it cannot
  // take a short body for a whole one. Closing res ends the attempt.
  onResponseCut(): void {
    this.#res.destroy()
  }

  onForwardFailed(failure: ForwardFailure): void {
    const { answer, bodyLimit, downMarks, headersTimeoutMs, metrics } = this.#context
    const res = this.#res
    const host = this.#host
    const replica = this.#replica!
    const body = this.#body!
    this.#finishAttempt()
    if (failure.kind === 'timed-out') {
      metrics.countError('TIMEOUT')
      return answer(res, host, 504, proxyMessages.timedOut(host, headersTimeoutMs))
    }
    const retryable = RETRYABLE_CODES.has(failure.code)
    if (retryable && failure.reusedSocket && body.kind === 'buffered') {
      if (++this.#staleSockets > STALE_SOCKET_RETRIES)
        return answer(res, host, 502, proxyMessages.failed(host, 'ECONNRESET'))
      // The replica is not at fault: it may serve the retry on a fresh connection.
      metrics.countRetry()
      return this.start()
    }
    metrics.countError(failure.code)
    if (!retryable) return answer(res, host, 502, proxyMessages.failed(host, failure.code))
    downMarks.markDown(replica.id)
    if (body.kind === 'streamed') return answer(res, host, 502, proxyMessages.notRetried(host, bodyLimit, failure.code))
    this.#tried ??= new Set()
    this.#tried.add(replica.id)
    metrics.countRetry()
    this.start()
  }

  // Every response closes, finished or not: the one place the in-flight count
  // drops for a streamed response, and where a client gone stops the backend.
  #onClientClose(): void {
    if (!this.#res.writableFinished) {
      this.#clientGone = true
      this.#attempt?.cancel()
    }
    this.#finishAttempt()
  }

  #finishAttempt(): void {
    const done = this.#done
    this.#done = undefined
    done?.()
  }
}
