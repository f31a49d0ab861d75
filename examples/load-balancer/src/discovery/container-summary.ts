// The slice of Docker's `GET /containers/json` items discovery reads. Field
// names are the daemon's own (PascalCase); everything is optional because
// daemons and emulators differ in what they fill in.

/** One item of `GET /containers/json`. */
export interface ContainerSummary {
  Id: string
  Names?: string[]
  Labels?: Record<string, string> | null
  State?: string
  Status?: string
  Ports?: Array<{ IP?: string; PrivatePort: number; PublicPort?: number; Type?: string }> | null
  NetworkSettings?: { Networks?: Record<string, { IPAddress?: string }> | null } | null
  /** `host` for a container sharing the Docker host's network (`docker run --network host`). */
  HostConfig?: { NetworkMode?: string } | null
}

/** Docker health as discovery tracks it; `none` means no health check. */
export type HealthState = 'healthy' | 'unhealthy' | 'starting' | 'none'

/**
 * Reads health from the Status text, e.g. "Up 5 seconds (healthy)" or
 * "Up 2 seconds (health: starting)".
 *
 * @example
 *   healthFromStatus('Up 1 minute (unhealthy)') // 'unhealthy'
 */
export function healthFromStatus(status: string | undefined): HealthState {
  const text = status ?? ''
  if (/\(health: starting\)/i.test(text)) return 'starting'
  if (/\(unhealthy\)/i.test(text)) return 'unhealthy'
  if (/\(healthy\)/i.test(text)) return 'healthy'
  return 'none'
}

/** The container's display name: its first name without Docker's leading slash. */
export function containerName(summary: ContainerSummary): string {
  const name = summary.Names?.[0]
  return name === undefined ? summary.Id.slice(0, 12) : name.replace(/^\//, '')
}
