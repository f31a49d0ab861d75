// What discovery knows: replicas by Host, containers it ignores and why, and
// the Hosts that lost their last replica lately — a known Host with none left
// answers 503 at the proxy (the service is restarting, say), an unknown one 404.
// A Host with no replica for a grace period is forgotten, so what the registry
// holds is bounded by the services running, not by every one that ever ran.
import type { ContainerEvent } from './container-event.ts'
import type { ContainerRoute } from './container-routing.ts'
import type { IgnoredContainer } from './ignored-container.ts'
import type { Replica } from './replica.ts'
import { systemClock, type Clock } from './clock.ts'

/** How long a Host without replicas is still known (answering 503), unless configured. */
export const DEFAULT_FORGET_HOST_AFTER_MS = 60_000

/** What a `BackendRegistry` is built with. */
export interface BackendRegistryOptions {
  /** Reads the time a Host lost its last replica; the system clock otherwise. */
  clock?: Pick<Clock, 'now'>
  /** How long a Host without replicas stays known; DEFAULT_FORGET_HOST_AFTER_MS otherwise. */
  forgetHostAfterMs?: number
}

/** The registry as the admin status JSON shows it. */
export interface RegistrySnapshot {
  services: Array<{ host: string; replicas: Replica[] }>
  /** Hosts that lost their last replica less than the grace period ago. */
  hostsWithoutReplicas: string[]
  ignored: IgnoredContainer[]
}

// `docker kill -s HUP` (a config reload, say) also sends a `kill` event, and
// the container keeps running: only the signals that stop containers drain it.
// Without the attribute (old daemons) the kill is taken as a stop.
const STOP_SIGNALS = new Set([
  '2',
  '3',
  '9',
  '15',
  'SIGINT',
  'SIGQUIT',
  'SIGKILL',
  'SIGTERM',
  'INT',
  'QUIT',
  'KILL',
  'TERM',
])

function isStopSignal(signal: string | undefined): boolean {
  return signal === undefined || STOP_SIGNALS.has(signal.toUpperCase())
}

/**
 * Backends by Host, kept current by discovery.
 *
 * @example
 *   import { routeContainer } from './container-routing.ts'
 *   declare const containers: import('./container-summary.ts').ContainerSummary[]
 *   const registry = new BackendRegistry({ forgetHostAfterMs: 60_000 }) // a Host with no replica: 503, then 404
 *   registry.replaceAll(containers.map(routeContainer)); registry.replicasFor('shop')
 */
export class BackendRegistry {
  readonly #replicas = new Map<string, { host: string; replica: Replica }>()
  readonly #ignored = new Map<string, IgnoredContainer>()
  /** Hosts with replicas now, and those without since the time given. */
  readonly #knownHosts = new Map<string, number | undefined>()
  readonly #listeners = new Set<() => void>()
  /** `replicasServing`'s lists by Host, dropped on every change. */
  readonly #serving = new Map<string, readonly Readonly<Replica>[]>()
  readonly #clock: Pick<Clock, 'now'>
  readonly #forgetAfterMs: number

  constructor(options: BackendRegistryOptions = {}) {
    this.#clock = options.clock ?? systemClock
    this.#forgetAfterMs = options.forgetHostAfterMs ?? DEFAULT_FORGET_HOST_AFTER_MS
  }

  /** The replicas serving `host` (case-insensitive), available or not, in name order. */
  replicasFor(host: string): Replica[] {
    const wanted = host.toLowerCase()
    return [...this.#replicas.values()]
      .filter((entry) => entry.host === wanted)
      .map((entry) => ({ ...entry.replica, address: { ...entry.replica.address } }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  }

  /**
   * The replicas serving `host` (case-insensitive), as `replicasFor` lists them but shared and frozen:
   * the same array until the registry changes, so the proxy neither copies nor sorts per request.
   *
   * @example
   *   declare const registry: BackendRegistry, balancer: import('../balancing/index.ts').Balancer
   *   balancer.pick(registry.replicasServing('shop')) // a new array only after a change
   */
  replicasServing(host: string): readonly Readonly<Replica>[] {
    const cached = this.#serving.get(host)
    if (cached !== undefined) return cached
    const replicas = Object.freeze(
      this.replicasFor(host).map((replica) => Object.freeze({ ...replica, address: Object.freeze(replica.address) })),
    )
    this.#serving.set(host, replicas)
    return replicas
  }

  /** True when `host` has a replica, or had one less than the grace period ago. */
  isKnownHost(host: string): boolean {
    const wanted = host.toLowerCase()
    if (!this.#knownHosts.has(wanted)) return false
    const lostAt = this.#knownHosts.get(wanted)
    if (lostAt === undefined || this.#clock.now() - lostAt < this.#forgetAfterMs) return true
    this.#knownHosts.delete(wanted)
    return false
  }

  /** Calls `listener` after every change; returns the function that unsubscribes it. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** A copy of everything, sorted, for the admin status JSON. */
  snapshot(): RegistrySnapshot {
    const hosts = this.#servedHosts()
    return {
      services: [...hosts].sort().map((host) => ({ host, replicas: this.replicasFor(host) })),
      hostsWithoutReplicas: [...this.#knownHosts.keys()]
        .filter((host) => !hosts.has(host) && this.isKnownHost(host))
        .sort(),
      ignored: [...this.#ignored.values()].map((i) => ({ ...i })).sort((a, b) => a.name.localeCompare(b.name)),
    }
  }

  /** Replaces every replica and ignored container with a fresh listing's routes. */
  replaceAll(routes: ContainerRoute[]): void {
    this.#changing(() => {
      this.#replicas.clear()
      this.#ignored.clear()
      for (const route of routes) this.#put(route)
    })
  }

  /** Adds or replaces one container's route, e.g. after a `start` event. */
  upsert(route: ContainerRoute): void {
    this.#changing(() => this.#put(route))
  }

  /**
   * Makes this registry hold what `snapshot` says, as another process's registry saw it: its replicas and ignored
   * containers, and its Hosts without replicas (still known, so answered 503, until the grace period forgets them
   * here).
   * A load-balancer worker process keeps its copy of the primary's registry this way.
   *
   * @example
   *   const primary = new BackendRegistry(), worker = new BackendRegistry()
   *   worker.mirror(JSON.parse(JSON.stringify(primary.snapshot())))
   *   worker.snapshot() // equal to primary.snapshot()
   */
  mirror(snapshot: RegistrySnapshot): void {
    this.#changing(() => {
      this.#replicas.clear()
      this.#ignored.clear()
      for (const service of snapshot.services)
        for (const replica of service.replicas) this.#put({ kind: 'replica', host: service.host, replica })
      for (const ignored of snapshot.ignored) this.#put({ kind: 'ignored', ignored })
      const known = new Set([...snapshot.services.map((service) => service.host), ...snapshot.hostsWithoutReplicas])
      for (const host of this.#knownHosts.keys()) if (!known.has(host)) this.#knownHosts.delete(host)
      for (const host of snapshot.hostsWithoutReplicas)
        if (!this.#knownHosts.has(host)) this.#knownHosts.set(host, this.#clock.now())
    })
  }

  /** Applies one container event to the replica it names; unknown containers are left alone. */
  applyEvent(event: ContainerEvent): void {
    this.#changing(() => {
      if (event.action === 'die' || event.action === 'destroy') {
        this.#replicas.delete(event.id)
        this.#ignored.delete(event.id)
        return
      }
      const replica = this.#replicas.get(event.id)?.replica
      if (replica === undefined) return
      switch (event.action) {
        case 'start':
          replica.draining = false
          replica.paused = false
          break
        case 'stop':
          replica.draining = true
          break
        case 'kill':
          if (isStopSignal(event.attributes['signal'])) replica.draining = true
          break
        case 'pause':
          replica.paused = true
          break
        case 'unpause':
          replica.paused = false
          break
        case 'health':
          replica.healthy = event.health === 'healthy'
          break
      }
    })
  }

  #put(route: ContainerRoute): void {
    if (route.kind === 'ignored') {
      this.#replicas.delete(route.ignored.id)
      this.#ignored.set(route.ignored.id, { ...route.ignored })
      return
    }
    this.#ignored.delete(route.replica.id)
    this.#replicas.set(route.replica.id, {
      host: route.host,
      replica: { ...route.replica, address: { ...route.replica.address } },
    })
    this.#knownHosts.set(route.host, undefined)
  }

  #servedHosts(): Set<string> {
    return new Set([...this.#replicas.values()].map((entry) => entry.host))
  }

  // A Host's grace period starts when its last replica goes, and ends if one comes back.
  #noteLostHosts(): void {
    const served = this.#servedHosts()
    const now = this.#clock.now()
    for (const [host, lostAt] of this.#knownHosts) {
      if (served.has(host)) this.#knownHosts.set(host, undefined)
      else if (lostAt === undefined) this.#knownHosts.set(host, now)
    }
  }

  // Listeners hear only real changes, so a resync that finds nothing new is silent.
  #changing(change: () => void): void {
    const before = JSON.stringify(this.snapshot())
    change()
    this.#noteLostHosts()
    this.#serving.clear()
    if (JSON.stringify(this.snapshot()) === before) return
    for (const listener of [...this.#listeners]) listener()
  }
}
