// The admin `GET /_lb/metrics` body in the Prometheus text exposition format (0.0.4).
import type { ProxyMetricsSnapshot } from '../proxy/index.ts'

/** The content type Prometheus expects for this format. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

/** What the metrics page shows, besides the proxy's counters. */
export interface MetricsInput {
  proxy: ProxyMetricsSnapshot
  inFlight: Record<string, number>
  discoveryConnected: boolean
  discoveryReconnects: number
}

type Sample = { labels: Record<string, string>; value: number }

/**
 * Renders the counters as Prometheus text: `# HELP`, `# TYPE`, then samples.
 *
 * @example
 *   declare const metrics: import('../proxy/index.ts').ProxyMetrics
 *   renderPrometheusText({ proxy: metrics.snapshot(), inFlight: {}, discoveryConnected: true, discoveryReconnects: 0 })
 *   // '# HELP lb_requests_total …\n# TYPE lb_requests_total counter\n…'
 */
export function renderPrometheusText(input: MetricsInput): string {
  const { proxy } = input
  const requests: Sample[] = []
  for (const [host, byStatus] of Object.entries(proxy.responses)) {
    for (const [code, value] of Object.entries(byStatus)) requests.push({ labels: { host, code }, value })
  }
  return [
    family('lb_requests_total', 'counter', 'Responses the proxy sent, by Host and status code.', requests),
    family('lb_errors_total', 'counter', 'Backend connection errors, by code.', samplesOf(proxy.errors, 'code')),
    family('lb_retries_total', 'counter', 'Requests retried on another replica.', [
      { labels: {}, value: proxy.retries },
    ]),
    family(
      'lb_replica_requests_total',
      'counter',
      'Requests forwarded, by replica id.',
      samplesOf(proxy.forwarded, 'replica'),
    ),
    family('lb_replica_in_flight', 'gauge', 'Requests a replica is serving now.', samplesOf(input.inFlight, 'replica')),
    family('lb_discovery_connected', 'gauge', '1 when the Docker event stream is open and synced.', [
      { labels: {}, value: input.discoveryConnected ? 1 : 0 },
    ]),
    family('lb_discovery_reconnects_total', 'counter', 'Reconnects to the Docker daemon since start.', [
      { labels: {}, value: input.discoveryReconnects },
    ]),
  ].join('')
}

function samplesOf(counts: Record<string, number>, label: string): Sample[] {
  return Object.entries(counts).map(([key, value]) => ({ labels: { [label]: key }, value }))
}

function family(name: string, type: 'counter' | 'gauge', help: string, samples: Sample[]): string {
  const lines = [`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`]
  for (const { labels, value } of samples) lines.push(`${name}${labelSet(labels)} ${value}`)
  return `${lines.join('\n')}\n`
}

function labelSet(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabelValue(value)}"`)
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`
}

/** Label values escape backslash, double quote and newline. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')
}
