// The proxy: Host → service → replica, with retries on refused connections,
// honest errors, and in-flight counts that draining and least-connections use.
import { Agent } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream'
import { Balancer, DownMarks, InFlightCounter } from '../balancing/index.ts'
import type { BalancingStrategy } from '../balancing/index.ts'
import { systemClock } from '../discovery/clock.ts'
import type { BackendRegistry, Clock, Replica } from '../discovery/index.ts'
import { bufferBody } from './buffer-body.ts'
import type { RequestBody } from './buffer-body.ts'
import { forwardedHeaders, withoutHopByHop } from './forwarded-headers.ts'
import { forwardRequest, RETRYABLE_CODES } from './forward-request.ts'
import { proxyMessages, sendPlainError } from './proxy-errors.ts'
import { ProxyMetrics } from './proxy-metrics.ts'

/** How long the proxy waits for a backend's response headers, unless configured. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 30_000

/** How many times one request is resent after a kept-alive socket turned out closed. */
const STALE_SOCKET_RETRIES = 3

/** What `createProxyHandler` needs. */
export interface ProxyHandlerOptions {
  registry: BackendRegistry
  strategy: BalancingStrategy
  clock?: Clock
  timeouts: { headersMs?: number }
  /** Request bodies up to this many bytes are buffered, so a refused connection can be retried. */
  bodyLimit: number
  /** How long a refused or reset replica stays out; DownMarks' default otherwise. */
  downMs?: number
}

/** A node:http request handler with the state it keeps. */
export interface ProxyHandler {
  (req: IncomingMessage, res: ServerResponse): void
  readonly metrics: ProxyMetrics
  readonly inFlight: InFlightCounter
  readonly downMarks: DownMarks
  /** Closes the keep-alive connections to backends. */
  close(): void
}

/**
 * The load balancer's proxy, to mount on an `http.Server`.
 *
 * @example
 *   const proxy = createProxyHandler({ registry, strategy: 'round-robin', timeouts: {}, bodyLimit: 1_048_576 })
 *   createServer(proxy).listen(8080) // later: proxy.close()
 */
export function createProxyHandler(options: ProxyHandlerOptions): ProxyHandler {
  const { registry, strategy, bodyLimit, clock = systemClock } = options
  const headersTimeoutMs = options.timeouts.headersMs ?? DEFAULT_HEADERS_TIMEOUT_MS
  const agent = new Agent({ keepAlive: true })
  const metrics = new ProxyMetrics()
  const inFlight = new InFlightCounter()
  const downMarks = new DownMarks(options.downMs === undefined ? { clock } : { clock, downMs: options.downMs })
  const balancers = new Map<string, Balancer>()

  const balancerFor = (host: string): Balancer => {
    const existing = balancers.get(host)
    if (existing !== undefined) return existing
    const balancer = new Balancer({ strategy, inFlight, downMarks })
    balancers.set(host, balancer)
    return balancer
  }

  const knownHosts = (): string[] => {
    const snapshot = registry.snapshot()
    return [...snapshot.services.map((service) => service.host), ...snapshot.hostsWithoutReplicas].sort()
  }

  const answer = (res: ServerResponse, host: string, status: number, message: string, headers = {}) => {
    metrics.countResponse(host, status)
    sendPlainError(res, status, message, headers)
  }

  const proxy = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = hostOf(req)
    if (host === undefined) return answer(res, '(no host)', 400, proxyMessages.noHostHeader())
    if (!registry.isKnownHost(host)) return answer(res, host, 404, proxyMessages.unknownHost(host, knownHosts()))

    const clientGone = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) clientGone.abort()
    })
    const balancer = balancerFor(host)
    const tried = new Set<string>()
    let body: RequestBody | undefined
    let staleSockets = 0
    for (;;) {
      const replica = balancer.pick(registry.replicasFor(host), { exclude: tried })
      if (replica === undefined) {
        if (tried.size === 0) {
          return answer(res, host, 503, proxyMessages.noHealthyReplica(host), { 'retry-after': '1' })
        }
        // Every replica refused: the service has none that can answer now, which
        // is what 503 says (a crashed service is unavailable, not a bad gateway).
        return answer(res, host, 503, proxyMessages.allRefused(host, tried.size), { 'retry-after': '1' })
      }
      // Read the body only once a replica exists, so 503s do not wait for it.
      body ??= await bufferBody(req, bodyLimit)
      tried.add(replica.id)
      const next = await forwardTo(replica, host, body, req, res, clientGone.signal)
      if (next === 'done' || clientGone.signal.aborted) return
      if (next === 'stale-socket') {
        if (++staleSockets > STALE_SOCKET_RETRIES) return answer(res, host, 502, proxyMessages.failed(host, 'ECONNRESET'))
        // The replica is not at fault: it may serve the retry on a fresh connection.
        tried.delete(replica.id)
      }
      metrics.countRetry()
    }
  }

  // 'retry' when the attempt failed in a way another replica may fix;
  // 'stale-socket' when a reused keep-alive socket was closed under us.
  const forwardTo = async (
    replica: Replica,
    host: string,
    body: RequestBody,
    req: IncomingMessage,
    res: ServerResponse,
    signal: AbortSignal,
  ): Promise<'done' | 'retry' | 'stale-socket'> => {
    const done = inFlight.begin(replica.id)
    metrics.countForwarded(replica.id)
    const outcome = await forwardRequest({
      agent,
      address: replica.address,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: forwardedHeaders(req),
      body,
      headersTimeoutMs,
      clock,
      signal,
    })
    if (signal.aborted) {
      done()
      if (outcome.kind === 'response') outcome.upstream.destroy()
      return 'done'
    }
    if (outcome.kind === 'timed-out') {
      done()
      metrics.countError('TIMEOUT')
      answer(res, host, 504, proxyMessages.timedOut(host, headersTimeoutMs))
      return 'done'
    }
    if (outcome.kind === 'connection-failed') {
      done()
      const retryable = RETRYABLE_CODES.has(outcome.code)
      if (retryable && outcome.reusedSocket && body.kind === 'buffered') return 'stale-socket'
      metrics.countError(outcome.code)
      if (!retryable) {
        answer(res, host, 502, proxyMessages.failed(host, outcome.code))
        return 'done'
      }
      downMarks.markDown(replica.id)
      if (body.kind === 'streamed') {
        answer(res, host, 502, proxyMessages.notRetried(host, bodyLimit, outcome.code))
        return 'done'
      }
      return 'retry'
    }
    const { response, upstream } = outcome
    const status = response.statusCode ?? 502
    metrics.countResponse(host, status)
    res.writeHead(status, response.statusMessage, withoutHopByHop(response.headers))
    // pipeline destroys the client response when the backend resets mid-body,
    // and the backend request when the client goes away.
    pipeline(response, res, (error) => {
      if (error !== undefined) upstream.destroy()
      done()
    })
    return 'done'
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    proxy(req, res).catch(() => {
      // The client went away while its body was read; nothing is left to answer.
      res.destroy()
    })
  }
  return Object.assign(handler, { metrics, inFlight, downMarks, close: () => agent.destroy() })
}

function hostOf(req: IncomingMessage): string | undefined {
  const raw = req.headers.host?.trim().toLowerCase()
  if (raw === undefined || raw === '') return undefined
  // [::1]:8080 keeps its brackets; shop.example:8080 loses the port.
  return raw.startsWith('[') ? raw.slice(0, raw.indexOf(']') + 1) : (raw.split(':')[0] ?? raw)
}
