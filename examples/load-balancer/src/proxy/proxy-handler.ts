// The proxy: Host → service → replica, with retries on refused connections,
// honest errors, and in-flight counts that draining and least-connections use.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Balancer, DownMarks, InFlightCounter } from '../balancing/index.ts'
import type { BalancingStrategy } from '../balancing/index.ts'
import { systemClock } from '../discovery/clock.ts'
import type { BackendRegistry, Clock } from '../discovery/index.ts'
import { proxyMessages, sendPlainError } from './proxy-errors.ts'
import { ProxyExchange } from './proxy-exchange.ts'
import type { ProxyContext } from './proxy-exchange.ts'
import { readHost } from './host-header.ts'
import { BAD_REQUEST_LABEL, ProxyMetrics, UNKNOWN_HOST_LABEL } from './proxy-metrics.ts'
import { UnknownHostLog } from './unknown-host-log.ts'
import { addressKey, UpstreamPools } from './upstream-pools.ts'

/** How long the proxy waits for a backend's response headers, unless configured. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 30_000

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
  /** Where requests for unknown hosts are logged, a bounded few per interval; nowhere otherwise. */
  log?: (message: string) => void
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
 *   import { createServer } from 'node:http'
 *   const proxy = createProxyHandler({
 *     registry: new BackendRegistry(),
 *     strategy: 'round-robin',
 *     timeouts: {},
 *     bodyLimit: 1_048_576,
 *   })
 *   createServer(proxy).listen(8080) // later: proxy.close()
 */
export function createProxyHandler(options: ProxyHandlerOptions): ProxyHandler {
  const { registry, strategy, bodyLimit, clock = systemClock } = options
  const headersTimeoutMs = options.timeouts.headersMs ?? DEFAULT_HEADERS_TIMEOUT_MS
  const pools = new UpstreamPools(headersTimeoutMs)
  const balancers = new Map<string, Balancer>()
  // A replica gone for good takes its pool along; a draining one keeps it until it dies.
  const unsubscribe = registry.onChange(() => {
    pools.keepOnly(liveAddresses(registry))
    for (const host of balancers.keys()) if (!registry.isKnownHost(host)) balancers.delete(host)
  })
  const metrics = new ProxyMetrics()
  const inFlight = new InFlightCounter()
  const downMarks = new DownMarks(options.downMs === undefined ? { clock } : { clock, downMs: options.downMs })

  const balancerFor = (host: string): Balancer => {
    const existing = balancers.get(host)
    if (existing !== undefined) return existing
    const balancer = new Balancer({ strategy, inFlight, downMarks })
    balancers.set(host, balancer)
    return balancer
  }

  const unknownHosts = options.log === undefined ? undefined : new UnknownHostLog({ log: options.log, clock })

  const answer = (
    res: ServerResponse,
    host: string,
    status: number,
    message: string,
    headers: Record<string, string> = {},
  ) => {
    metrics.countResponse(host, status)
    sendPlainError(res, status, message, headers)
  }

  const context: ProxyContext = {
    registry,
    pools,
    metrics,
    inFlight,
    downMarks,
    headersTimeoutMs,
    bodyLimit,
    answer,
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const reading = readHost(req)
    if (reading.kind === 'invalid') return answer(res, BAD_REQUEST_LABEL, 400, proxyMessages.badHost(reading.reason))
    const { host } = reading
    // Only origin-form reaches a backend: `OPTIONS *` or an absolute URL would reach undici as a bad path.
    const target = req.url ?? ''
    if (!target.startsWith('/')) return answer(res, BAD_REQUEST_LABEL, 400, proxyMessages.targetNotForwarded(target))
    if (!registry.isKnownHost(host)) {
      unknownHosts?.note(host)
      return answer(res, UNKNOWN_HOST_LABEL, 404, proxyMessages.unknownHost(host))
    }
    new ProxyExchange(context, req, res, host, balancerFor(host)).start()
  }
  const close = (): void => {
    unsubscribe()
    pools.destroy()
    unknownHosts?.close()
  }
  return Object.assign(handler, { metrics, inFlight, downMarks, close })
}

function liveAddresses(registry: BackendRegistry): Set<string> {
  const live = new Set<string>()
  for (const service of registry.snapshot().services)
    for (const replica of service.replicas) live.add(addressKey(replica.address))
  return live
}
