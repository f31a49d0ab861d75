// The admin `GET /_lb/status` body: what discovery knows and what the proxy is doing.
import type { DiscoveryStatus, IgnoredContainer, RegistrySnapshot } from '../discovery/index.ts'

/** One replica as the status shows it. */
export interface ReplicaStatus {
  id: string
  name: string
  address: string
  healthy: boolean
  draining: boolean
  paused: boolean
  inFlight: number
}

/** The whole status document. */
export interface StatusJson {
  discovery: DiscoveryStatus
  services: Array<{ host: string; replicas: ReplicaStatus[] }>
  hostsWithoutReplicas: string[]
  ignored: IgnoredContainer[]
}

/**
 * Builds the status document from a registry snapshot, discovery's status and in-flight counts.
 *
 * @example
 *   declare const discovery: import('../discovery/index.ts').Discovery, proxy: import('../proxy/index.ts').ProxyHandler
 *   buildStatusJson(discovery.registry.snapshot(), discovery.status(), proxy.inFlight.snapshot()).services[0]?.host
 *   // → 'shop.test'
 */
export function buildStatusJson(
  snapshot: RegistrySnapshot,
  discovery: DiscoveryStatus,
  inFlight: Record<string, number>,
): StatusJson {
  return {
    discovery,
    services: snapshot.services.map(({ host, replicas }) => ({
      host,
      replicas: replicas.map((replica) => ({
        id: replica.id,
        name: replica.name,
        address: `${replica.address.host}:${replica.address.port}`,
        healthy: replica.healthy,
        draining: replica.draining,
        paused: replica.paused,
        inFlight: inFlight[replica.id] ?? 0,
      })),
    })),
    hostsWithoutReplicas: snapshot.hostsWithoutReplicas,
    ignored: snapshot.ignored,
  }
}
