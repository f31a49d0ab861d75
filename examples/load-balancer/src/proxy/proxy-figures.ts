// What the admin port shows of the proxy: its counters and requests in flight,
// read from the one proxy of a single process, or summed over worker processes.
import type { ProxyHandler } from './proxy-handler.ts'
import type { ProxyMetricsSnapshot } from './proxy-metrics.ts'

/** The proxy's counters and its requests in flight by replica id; plain data, so it crosses process boundaries. */
export interface ProxyFigures {
  metrics: ProxyMetricsSnapshot
  inFlight: Record<string, number>
}

/**
 * The figures of one proxy handler now.
 *
 * @example
 *   declare const proxy: ProxyHandler
 *   figuresOf(proxy).inFlight // { 'c0ffee…': 2 }
 */
export function figuresOf(proxy: ProxyHandler): ProxyFigures {
  return { metrics: proxy.metrics.snapshot(), inFlight: proxy.inFlight.snapshot() }
}

/**
 * Several processes' figures as one: every count summed, keys sorted as a single proxy's snapshot sorts them.
 *
 * @example
 *   const one = (n: number): ProxyFigures => ({
 *     metrics: { responses: { shop: { '200': n } }, retries: 0, errors: {}, forwarded: { a: n } },
 *     inFlight: { a: 1 },
 *   })
 *   sumFigures([one(2), one(3)])
 *   // { metrics: { responses: { shop: { '200': 5 } }, retries: 0, errors: {}, forwarded: { a: 5 } },
 *   //   inFlight: { a: 2 } }
 */
export function sumFigures(all: readonly ProxyFigures[]): ProxyFigures {
  const responses = new Map<string, Record<string, number>[]>()
  for (const { metrics } of all)
    for (const [host, byStatus] of Object.entries(metrics.responses))
      responses.set(host, [...(responses.get(host) ?? []), byStatus])
  return {
    metrics: {
      responses: Object.fromEntries(
        [...responses].sort(([a], [b]) => a.localeCompare(b)).map(([host, counts]) => [host, sumCounts(counts)]),
      ),
      retries: all.reduce((total, { metrics }) => total + metrics.retries, 0),
      errors: sumCounts(all.map(({ metrics }) => metrics.errors)),
      forwarded: sumCounts(all.map(({ metrics }) => metrics.forwarded)),
    },
    inFlight: sumCounts(all.map(({ inFlight }) => inFlight)),
  }
}

function sumCounts(counts: readonly Record<string, number>[]): Record<string, number> {
  const sums = new Map<string, number>()
  for (const each of counts)
    for (const [key, value] of Object.entries(each)) sums.set(key, (sums.get(key) ?? 0) + value)
  return Object.fromEntries([...sums].sort(([a], [b]) => a.localeCompare(b)))
}
