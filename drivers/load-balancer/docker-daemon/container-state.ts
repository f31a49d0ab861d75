import { randomBytes } from 'node:crypto'

/**
 * The states `GET /containers/json` reports, as Docker spells them.
 *
 * @example
 *   declare const container: ContainerRecord
 *   const state: ContainerStateName = container.state // 'exited' after stop, kill or crash
 */
export type ContainerStateName = 'created' | 'running' | 'paused' | 'exited'

/**
 * A container's health-check state; `none` means no HEALTHCHECK.
 *
 * @example
 *   const health: HealthStatus = 'starting'
 *   healthSuffix(health) // ' (health: starting)'
 */
export type HealthStatus = 'none' | 'starting' | 'healthy' | 'unhealthy'

/**
 * Everything the emulator knows about one container.
 *
 * @example
 *   declare const daemon: import('./docker-daemon.ts').DockerDaemon
 *   const container = await daemon.runContainer({ name: 'web-1' })
 *   container.hostPort // the real port its backend listens on
 */
export interface ContainerRecord {
  readonly id: string
  readonly name: string
  readonly image: string
  readonly imageId: string
  readonly command: string
  /** Creation time in unix milliseconds. */
  readonly createdMs: number
  readonly labels: Readonly<Record<string, string>>
  /** The port the image exposes (PrivatePort when published). */
  readonly exposedPort: number
  readonly publish: boolean
  /** The host address a published port is bound to (`HostIp` of the port binding), `0.0.0.0` by default. */
  readonly publishIp: string
  /** The 172.17.0.x address a published container gets; unreachable, as on a real host. */
  readonly bridgeIp: string
  /**
   * A container's own address, where its app listens at `exposedPort` as on a bridge network (a published port's
   * proxy relays to it there; an unpublished container is reached at it): a loopback
   * address of its own (127.x.y.z, random, so that several emulators on one machine do not collide), so test traffic
   * never leaves the machine.
   */
  readonly loopbackIp: string
  /** Where clients reach the app: its published port's proxy on 127.0.0.1, else `exposedPort`. */
  hostPort: number
  /** The backend's process (and process group) id; undefined while not running or without a backend. */
  pid: number | undefined
  /** `KEY=value` entries given at create, passed to the backend process. */
  readonly env: readonly string[]
  /** The create request's `Healthcheck`, echoed by inspect; undefined when none was given. */
  readonly healthcheck: HealthcheckConfig | undefined
  state: ContainerStateName
  health: HealthStatus
  startedMs: number
  finishedMs: number
  exitCode: number
}

/**
 * A container's `Config.Healthcheck`, as the Engine API takes it (durations in nanoseconds).
 *
 * @example
 *   const check: HealthcheckConfig = {
 *     Test: ['CMD', 'curl', '-f', 'http://localhost:8080/health'],
 *     Interval: 1_000_000_000,
 *   }
 *   const none: HealthcheckConfig = { Test: ['NONE'] }
 */
export interface HealthcheckConfig {
  Test: string[]
  Interval?: number
  Timeout?: number
  StartPeriod?: number
  StartInterval?: number
  Retries?: number
}

/**
 * A fresh 64-hex-digit container id, like Docker's.
 *
 * @example
 *   newContainerId() // '3f4e…' (64 characters)
 *   newContainerId().length // 64
 */
export function newContainerId(): string {
  return randomBytes(32).toString('hex')
}

/**
 * The `Status` column of `docker ps`: "Up 3 seconds (healthy)", "Exited (137) 2 seconds ago", "Created".
 *
 * @example
 *   declare const container: ContainerRecord, stopped: ContainerRecord
 *   describeStatus(container, Date.now()) // 'Up Less than a second (health: starting)'
 *   describeStatus(stopped, Date.now()) // 'Exited (0) 5 seconds ago'
 */
export function describeStatus(container: ContainerRecord, nowMs: number): string {
  switch (container.state) {
    case 'created':
      return 'Created'
    case 'exited':
      return `Exited (${container.exitCode}) ${humanDuration(nowMs - container.finishedMs)} ago`
    case 'paused':
      return `Up ${humanDuration(nowMs - container.startedMs)} (Paused)`
    case 'running':
      return `Up ${humanDuration(nowMs - container.startedMs)}${healthSuffix(container.health)}`
  }
}

/**
 * The health part of a running container's status.
 *
 * @example
 *   healthSuffix('healthy') // ' (healthy)'
 *   healthSuffix('none') // ''
 */
export function healthSuffix(health: HealthStatus): string {
  if (health === 'none') return ''
  return health === 'starting' ? ' (health: starting)' : ` (${health})`
}

/**
 * Docker's `units.HumanDuration`, up to hours (a test daemon lives no longer).
 *
 * @example
 *   humanDuration(400) // 'Less than a second'
 *   humanDuration(3_000) // '3 seconds'
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  if (seconds < 1) return 'Less than a second'
  if (seconds === 1) return '1 second'
  if (seconds < 60) return `${seconds} seconds`
  const minutes = Math.floor(seconds / 60)
  if (minutes === 1) return 'About a minute'
  if (minutes < 60) return `${minutes} minutes`
  const hours = Math.round(seconds / 3600)
  return hours === 1 ? 'About an hour' : `${hours} hours`
}

/**
 * A random loopback address for an unpublished container, other than those `taken`.
 *
 * @example
 *   randomLoopbackIp(new Set()) // → e.g. '127.93.4.211'
 */
export function randomLoopbackIp(taken: ReadonlySet<string>, random: () => number = Math.random): string {
  const octet = (): number => 1 + Math.floor(random() * 254)
  for (;;) {
    const ip = `127.${octet()}.${octet()}.${octet()}`
    if (!taken.has(ip)) return ip
  }
}
