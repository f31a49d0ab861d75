// Reading the program's admin port: the status JSON and the metrics text.
import type { ReplicaStatus, StatusJson } from '../../src/admin/status-json.ts'
import { get } from './http-get.ts'
import { until } from './until.ts'

/**
 * `GET /_lb/status`, parsed.
 *
 * @example
 *   const { discovery } = await readStatus('http://127.0.0.1:9090')
 *   discovery.connected // true
 */
export async function readStatus(admin: string): Promise<StatusJson> {
  const answer = await get(`${admin}/_lb/status`)
  if (answer.status !== 200) throw new Error(`GET /_lb/status answered ${answer.status}: ${answer.body}`)
  return JSON.parse(answer.body) as StatusJson
}

/**
 * `GET /_lb/metrics`, as text.
 *
 * @example
 *   metricValue(await readMetrics('http://127.0.0.1:9090'), 'lb_retries_total') // 1
 */
export async function readMetrics(admin: string): Promise<string> {
  return (await get(`${admin}/_lb/metrics`)).body
}

/** The value of one sample line, e.g. `lb_retries_total` or `lb_errors_total{code="ECONNRESET"}`; 0 when absent. */
export function metricValue(metrics: string, sample: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${sample} `))
  return line === undefined ? 0 : Number(line.slice(sample.length + 1))
}

/**
 * Waits until the replicas of `host`, by name, satisfy `ready`; returns them sorted by name.
 *
 * @example
 *   const admin = 'http://127.0.0.1:9090'
 *   await waitForReplicas(admin, 'shop.test', (r) => r['shop-2']?.healthy === true)
 */
export async function waitForReplicas(
  admin: string,
  host: string,
  ready: (replicas: Record<string, ReplicaStatus>) => boolean,
  what = `the replicas of ${host} to change`,
): Promise<ReplicaStatus[]> {
  return until(what, async () => {
    const replicas = (await readStatus(admin)).services.find((service) => service.host === host)?.replicas ?? []
    return ready(Object.fromEntries(replicas.map((r) => [r.name, r]))) ? replicas : undefined
  })
}

/** Waits until `host` is served by exactly these replica names. */
export function waitForReplicaNames(admin: string, host: string, names: string[]): Promise<ReplicaStatus[]> {
  const wanted = [...names].sort().join(',')
  return waitForReplicas(
    admin,
    host,
    (r) => Object.keys(r).sort().join(',') === wanted,
    `${host} served by exactly ${wanted || 'nobody'}`,
  )
}
