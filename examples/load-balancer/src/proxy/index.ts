// The proxy module's public entry: what main.ts mounts.
export { createProxyHandler, DEFAULT_HEADERS_TIMEOUT_MS } from './proxy-handler.ts'
export type { ProxyHandler, ProxyHandlerOptions } from './proxy-handler.ts'
export { ProxyMetrics } from './proxy-metrics.ts'
export type { ProxyMetricsSnapshot } from './proxy-metrics.ts'
export { trackForDrain } from './drain-server.ts'
export type { DrainOutcome, ServerDrain } from './drain-server.ts'
