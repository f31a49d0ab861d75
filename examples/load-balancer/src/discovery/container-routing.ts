// Labels → routing. lb.host names the Host served, lb.port the container port
// (default: the lowest exposed TCP port — Docker lists Ports in no stable
// order, so "first" is taken by number), lb.weight the share (default 1).
// A host-networked container has no ports or address of its own in the
// listing: its app listens on the Docker host, at lb.port, which it must name.
import { containerName, healthFromStatus, type ContainerSummary } from './container-summary.ts'
import { ignoreReasons, type IgnoredContainer } from './ignored-container.ts'
import type { BackendAddress, Replica } from './replica.ts'

/** What a container routes to: a replica of a Host, or ignored with a reason. */
export type ContainerRoute =
  | { kind: 'replica'; host: string; replica: Replica }
  | { kind: 'ignored'; ignored: IgnoredContainer }

const UNSPECIFIED = new Set(['', '0.0.0.0', '::'])

/**
 * Routes one `/containers/json` item by its labels.
 *
 * @example
 *   routeContainer({
 *     Id: 'a',
 *     Labels: { 'lb.host': 'shop' },
 *     Ports: [{ PrivatePort: 80, PublicPort: 32768, IP: '0.0.0.0' }],
 *   })
 *   // { kind: 'replica', host: 'shop', replica: { address: { host: '127.0.0.1', port: 32768 }, … } }
 */
export function routeContainer(summary: ContainerSummary): ContainerRoute {
  const name = containerName(summary)
  const ignore = (reason: string): ContainerRoute => ({ kind: 'ignored', ignored: { id: summary.Id, name, reason } })
  const labels = summary.Labels ?? {}
  const host = labels['lb.host']
  if (host === undefined) return ignore(ignoreReasons.noHostLabel())
  if (host.trim() === '') return ignore(ignoreReasons.emptyHostLabel())

  let weight = 1
  const rawWeight = labels['lb.weight']
  if (rawWeight !== undefined) {
    if (!/^\d+$/.test(rawWeight) || Number(rawWeight) < 1) return ignore(ignoreReasons.badWeight(rawWeight))
    weight = Number(rawWeight)
  }

  const hostNetworked = summary.HostConfig?.NetworkMode === 'host'
  if (hostNetworked && labels['lb.port'] === undefined) return ignore(ignoreReasons.hostNetworkNoPort())
  const ports = (summary.Ports ?? []).filter((p) => (p.Type ?? 'tcp') === 'tcp')
  let port: number
  const rawPort = labels['lb.port']
  if (rawPort !== undefined) {
    port = Number(rawPort)
    if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535) return ignore(ignoreReasons.badPort(rawPort))
  } else {
    const lowest = Math.min(...ports.map((p) => p.PrivatePort))
    if (!Number.isFinite(lowest)) return ignore(ignoreReasons.noPort())
    port = lowest
  }

  // The load balancer runs on the Docker host (as for ports published on 127.0.0.1), so the host is loopback.
  const address = hostNetworked ? { host: '127.0.0.1', port } : addressFor(summary, ports, port)
  if (address === undefined) return ignore(ignoreReasons.noAddress(port))
  const paused = summary.State === 'paused'
  const health = healthFromStatus(summary.Status)
  return {
    kind: 'replica',
    host: host.trim().toLowerCase(),
    replica: {
      id: summary.Id,
      name,
      address,
      weight,
      healthy: health === 'healthy' || health === 'none',
      draining: false,
      paused,
    },
  }
}

function addressFor(
  summary: ContainerSummary,
  ports: NonNullable<ContainerSummary['Ports']>,
  port: number,
): BackendAddress | undefined {
  const published = ports.filter((p) => p.PrivatePort === port && p.PublicPort !== undefined && p.PublicPort > 0)
  // Docker lists an IPv4 and an IPv6 binding for one publish; prefer IPv4.
  const chosen = published.find((p) => !(p.IP ?? '').includes(':')) ?? published[0]
  if (chosen?.PublicPort !== undefined) {
    const ip = chosen.IP ?? ''
    return { host: UNSPECIFIED.has(ip) ? '127.0.0.1' : ip, port: chosen.PublicPort }
  }
  const networks = Object.values(summary.NetworkSettings?.Networks ?? {})
  const ip = networks.map((n) => n.IPAddress ?? '').find((a) => a !== '')
  return ip === undefined ? undefined : { host: ip, port }
}
