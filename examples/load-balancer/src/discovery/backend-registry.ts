// What discovery knows: replicas by Host, containers it ignores and why, and
// every Host that ever had a replica — a known Host with none left answers
// 503 at the proxy, an unknown one 404.
import type { ContainerEvent } from './container-event.ts'
import type { ContainerRoute } from './container-routing.ts'
import type { IgnoredContainer } from './ignored-container.ts'
import type { Replica } from './replica.ts'

/** The registry as the admin status JSON shows it. */
export interface RegistrySnapshot {
  services: Array<{ host: string; replicas: Replica[] }>
  /** Hosts that had replicas and have none now. */
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
 *   const registry = new BackendRegistry()
 *   registry.replaceAll(containers.map(routeContainer)); registry.replicasFor('shop')
 */
export class BackendRegistry {
  readonly #replicas = new Map<string, { host: string; replica: Replica }>()
  readonly #ignored = new Map<string, IgnoredContainer>()
  readonly #knownHosts = new Set<string>()
  readonly #listeners = new Set<() => void>()
  /** `replicasServing`'s lists by Host, dropped on every change. */
  readonly #serving = new Map<string, readonly Readonly<Replica>[]>()

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

  /** True when `host` has, or once had, a replica. */
  isKnownHost(host: string): boolean {
    return this.#knownHosts.has(host.toLowerCase())
  }

  /** Calls `listener` after every change; returns the function that unsubscribes it. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** A copy of everything, sorted, for the admin status JSON. */
  snapshot(): RegistrySnapshot {
    const hosts = [...new Set([...this.#replicas.values()].map((entry) => entry.host))].sort()
    return {
      services: hosts.map((host) => ({ host, replicas: this.replicasFor(host) })),
      hostsWithoutReplicas: [...this.#knownHosts].filter((host) => !hosts.includes(host)).sort(),
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
    this.#knownHosts.add(route.host)
  }

  // Listeners hear only real changes, so a resync that finds nothing new is silent.
  #changing(change: () => void): void {
    const before = JSON.stringify(this.snapshot())
    change()
    this.#serving.clear()
    if (JSON.stringify(this.snapshot()) === before) return
    for (const listener of [...this.#listeners]) listener()
  }
}
