// The admin module's public entry: what main.ts starts.
export { startAdminServer } from './admin-server.ts'
export type { AdminServer } from './admin-server.ts'
export { buildStatusJson } from './status-json.ts'
export type { ReplicaStatus, StatusJson } from './status-json.ts'
export { escapeLabelValue, PROMETHEUS_CONTENT_TYPE, renderPrometheusText } from './prometheus-text.ts'
export type { MetricsInput } from './prometheus-text.ts'
