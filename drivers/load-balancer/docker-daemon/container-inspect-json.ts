import type { ContainerRecord, HealthcheckConfig } from './container-state.ts'

/**
 * `GET /containers/{id}/json`, the fields of Docker Engine API v1.43 a load balancer or a test reads.
 *
 * @example
 *   declare const container: ContainerRecord
 *   const inspected: ContainerInspect = toContainerInspect(container)
 *   inspected.State.Health?.Status // 'starting'
 */
export interface ContainerInspect {
  Id: string
  Name: string
  Created: string
  Image: string
  State: {
    Status: string
    Running: boolean
    Paused: boolean
    Restarting: boolean
    OOMKilled: boolean
    Dead: boolean
    Pid: number
    ExitCode: number
    Error: string
    StartedAt: string
    FinishedAt: string
    Health?: { Status: string; FailingStreak: number; Log: unknown[] }
  }
  Config: {
    Image: string
    Labels: Record<string, string>
    Env: string[]
    ExposedPorts: Record<string, Record<string, never>>
    Healthcheck?: HealthcheckConfig
  }
  HostConfig: { NetworkMode: string; PortBindings: Record<string, { HostIp: string; HostPort: string }[]> }
  NetworkSettings: { Ports: Record<string, { HostIp: string; HostPort: string }[] | null>; IPAddress: string }
}

/** Docker's zero time, for a container never started or never finished. */
export const ZERO_TIME = '0001-01-01T00:00:00Z'

/**
 * Renders a container as `docker inspect` shows it. As in `GET /containers/json`, an
 * unpublished running container reports IPAddress 127.0.0.1 and its backend's real
 * port, so a client reaches it either way.
 *
 * @example
 *   declare const container: ContainerRecord
 *   toContainerInspect(container).Name // '/web-1'
 *   toContainerInspect(container).NetworkSettings.Ports // { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '41234' }] }
 */
export function toContainerInspect(container: ContainerRecord): ContainerInspect {
  const up = container.state === 'running' || container.state === 'paused'
  const exposedKey = `${container.exposedPort}/tcp`
  const hostBinding = [{ HostIp: container.publishIp, HostPort: '' }]
  const ports: ContainerInspect['NetworkSettings']['Ports'] = !up
    ? {}
    : container.publish
      ? { [exposedKey]: [{ HostIp: container.publishIp, HostPort: String(container.hostPort) }] }
      : { [exposedKey]: null }
  // Docker sets State.Health when a container with a health check starts.
  const health = container.health === 'none' ? {} : { Health: healthJson(container) }
  return {
    Id: container.id,
    Name: `/${container.name}`,
    Created: rfc3339Nano(container.createdMs),
    Image: container.imageId,
    State: {
      Status: container.state,
      Running: up,
      Paused: container.state === 'paused',
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: up ? (container.pid ?? 0) : 0,
      ExitCode: container.exitCode,
      Error: '',
      StartedAt: container.startedMs === 0 ? ZERO_TIME : rfc3339Nano(container.startedMs),
      FinishedAt: container.finishedMs === 0 ? ZERO_TIME : rfc3339Nano(container.finishedMs),
      ...health,
    },
    Config: {
      Image: container.image,
      Labels: { ...container.labels },
      Env: [...container.env],
      ExposedPorts: { [exposedKey]: {} },
      ...(container.healthcheck === undefined ? {} : { Healthcheck: { ...container.healthcheck } }),
    },
    HostConfig: { NetworkMode: 'bridge', PortBindings: container.publish ? { [exposedKey]: hostBinding } : {} },
    NetworkSettings: {
      Ports: ports,
      IPAddress: up ? (container.publish ? container.bridgeIp : container.loopbackIp) : '',
    },
  }
}

function healthJson(container: ContainerRecord): { Status: string; FailingStreak: number; Log: unknown[] } {
  const status = container.health
  return { Status: status, FailingStreak: status === 'unhealthy' ? container.healthcheck?.Retries || 3 : 0, Log: [] }
}

/**
 * A unix-ms time as Go's RFC3339Nano prints it: UTC, trailing zeros of the fraction dropped.
 *
 * @example
 *   rfc3339Nano(1_700_000_000_000) // '2023-11-14T22:13:20Z'
 *   rfc3339Nano(1_700_000_000_120) // '2023-11-14T22:13:20.12Z'
 */
export function rfc3339Nano(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.(\d*?)0*Z$/, (_, digits: string) => (digits === '' ? 'Z' : `.${digits}Z`))
}
