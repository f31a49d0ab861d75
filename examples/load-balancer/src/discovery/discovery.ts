// Discovery's loop: open /events, then list /containers/json, then apply the
// events that arrived meanwhile and every one after. Opening the stream first
// means nothing that happens during the listing is missed. When the stream
// drops, wait (backoff), and do it all again; the registry keeps the last
// known backends while the daemon is away. A container that starts is held
// back until its app first answers (starting-replicas.ts).
import { BackendRegistry } from './backend-registry.ts'
import { DEFAULT_BACKOFF, reconnectDelay, type BackoffPolicy } from './backoff.ts'
import { systemClock, type Clock } from './clock.ts'
import { normaliseEvent, type ContainerEvent } from './container-event.ts'
import type { ContainerSummary } from './container-summary.ts'
import { routeContainer, type ContainerRoute } from './container-routing.ts'
import { negotiateApiVersion } from './api-version.ts'
import { listContainers, openEventStream, type DockerApi } from './docker-api.ts'
import { parseDockerHost, type DockerHost } from './docker-host.ts'
import { probeHttp, type Probe } from './http-probe.ts'
import { answeringNow, StartingReplicas, waitsForAnswer } from './starting-replicas.ts'

/** How discovery is doing, for the admin status JSON. */
export interface DiscoveryStatus {
  dockerHost: string
  /** The event stream is open and the last listing succeeded. */
  connected: boolean
  /** When the last full listing was applied (ISO 8601). */
  lastSync?: string
  /** Reconnect attempts since start. */
  reconnects: number
  lastError?: string
}

/** Options for {@link startDiscovery}. */
export interface DiscoveryOptions {
  /** A parsed host, or a URL such as `unix:///var/run/docker.sock`. */
  dockerHost: DockerHost | string
  log?: (message: string) => void
  clock?: Clock
  backoff?: BackoffPolicy
  /** Asks whether a just-started replica's app answers yet; `probeHttp` unless a test gives its own. */
  probe?: Probe
}

/** A running discovery. */
export interface Discovery {
  registry: BackendRegistry
  /** Resolves after the first listing is applied; rejects if closed before. */
  ready: Promise<void>
  status(): DiscoveryStatus
  /** Stops the stream and timers; resolves once no event is being applied. */
  close(): Promise<void>
}

/**
 * Starts discovering backends from a Docker daemon.
 *
 * @example
 *   const discovery = startDiscovery({ dockerHost: 'unix:///var/run/docker.sock' })
 *   await discovery.ready; discovery.registry.replicasFor('shop')
 */
export function startDiscovery(options: DiscoveryOptions): Discovery {
  const dockerHost = typeof options.dockerHost === 'string' ? parseDockerHost(options.dockerHost) : options.dockerHost
  const log = options.log ?? (() => {})
  const clock = options.clock ?? systemClock
  const backoff = options.backoff ?? DEFAULT_BACKOFF
  const registry = new BackendRegistry()
  const aborter = new AbortController()

  let resolveReady!: () => void
  let rejectReady!: (error: Error) => void
  let isReady = false
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve
    rejectReady = reject
  })
  ready.catch(() => {})

  const state: DiscoveryStatus = { dockerHost: dockerHost.url, connected: false, reconnects: 0 }
  let closed = false
  let generation = 0
  let attempt = 0
  let closeStream: () => void = () => {}
  let timer: unknown
  let applying: Promise<void> = Promise.resolve()
  let api: DockerApi = { dockerHost, apiVersion: '' }
  // A container that starts enters the registry once its app first answers: until then a request could only be
  // reset by docker-proxy. Its listing is read again then (a pause or a health change meanwhile is in it).
  const probe = options.probe ?? probeHttp
  const starting = new StartingReplicas({
    clock,
    probe,
    admit: (id, heldRoute) => serially(() => lookUp(id, generation, { fallback: heldRoute })),
  })
  const lookUp = async (
    id: string,
    mine: number,
    { probeFirst = false, fallback }: { probeFirst?: boolean; fallback?: ContainerRoute | undefined } = {},
  ): Promise<void> => {
    try {
      const [container] = await listContainers(api, { id: [id] }, aborter.signal)
      if (closed || container === undefined) return
      const route = routeContainer(container)
      if (probeFirst && waitsForAnswer(route)) starting.holdBack(route)
      else registry.upsert(route)
    } catch (error) {
      // Its route when probing began is near enough: a resync would hold it back again.
      if (fallback !== undefined) {
        if (!closed) registry.upsert(fallback)
        return
      }
      // Without the lookup the container would stay unknown: resync instead.
      lost(mine, new Error(`could not look up started container ${id}: ${(error as Error).message}`, { cause: error }))
    }
  }
  // A container a listing shows for the first time is held back like one just started: after the first sync, it
  // started while the stream was down; at the first sync, the load balancer may have started in the 100-150 ms
  // between its `start` and its app listening. So the first sync probes each once, routes those that answer, and
  // holds back the rest; `ready` waits for that round.
  let firstSync = true
  const resync = async (containers: readonly ContainerSummary[]): Promise<void> => {
    const routes = containers.map(routeContainer)
    const known = firstSync
      ? await answeringNow(routes, probe, aborter.signal)
      : new Set(registry.snapshot().services.flatMap((service) => service.replicas.map((r) => r.id)))
    if (closed) return
    registry.replaceAll(starting.sortListing(routes, known))
    firstSync = false
  }

  const apply = async (event: ContainerEvent, mine: number): Promise<void> => {
    if (event.action !== 'start') {
      // Being stopped, or gone: never admitted (a resync routes one that keeps running).
      if (['die', 'destroy', 'stop', 'kill'].includes(event.action)) starting.release(event.id)
      registry.applyEvent(event)
      return
    }
    // A start event carries labels but not ports or networks: look the container up.
    starting.release(event.id)
    await lookUp(event.id, mine, { probeFirst: true })
  }
  // Changes apply one at a time, in arrival order; a failing change listener
  // is reported and must not stop the ones after it.
  const serially = (change: () => unknown): void => {
    applying = applying.then(change).then(
      () => {},
      (error: Error) => log(`discovery: applying a change failed: ${error.message}`),
    )
  }
  const enqueue = (event: ContainerEvent, mine: number): void => serially(() => apply(event, mine))

  const lost = (mine: number, error: Error): void => {
    if (closed || mine !== generation) return
    generation++
    closeStream()
    state.connected = false
    state.lastError = error.message
    attempt++
    state.reconnects++
    const delay = reconnectDelay(attempt, backoff, clock.random)
    log(
      `discovery: ${error.message}; keeping ${registry.snapshot().services.length} services, reconnecting in ` +
        `${delay} ms`,
    )
    timer = clock.setTimeout(() => {
      timer = undefined
      connect()
    }, delay)
  }

  // Negotiated on every connect: a daemon restarting may come back upgraded.
  const connect = (): void => {
    if (closed) return
    const mine = generation
    negotiateApiVersion(dockerHost, aborter.signal).then(
      (apiVersion) => {
        if (closed || mine !== generation) return
        api = { dockerHost, apiVersion }
        follow(mine)
      },
      (error: Error) => lost(mine, error),
    )
  }

  const follow = (mine: number): void => {
    let synced = false
    const pending: ContainerEvent[] = []
    closeStream = openEventStream(api, {
      onOpen: () => {
        listContainers(api, undefined, aborter.signal).then(
          (containers) => {
            if (closed || mine !== generation) return
            serially(() => resync(containers))
            for (const event of pending) enqueue(event, mine)
            synced = true
            attempt = 0
            state.connected = true
            state.lastSync = new Date(clock.now()).toISOString()
            delete state.lastError
            void applying.then(() => {
              if (isReady || closed) return
              isReady = true
              resolveReady()
            })
          },
          (error: Error) => lost(mine, error),
        )
      },
      onEvent: (raw) => {
        const event = normaliseEvent(raw)
        if (event === undefined || closed || mine !== generation) return
        if (synced) enqueue(event, mine)
        else pending.push(event)
      },
      onEnd: (error) => lost(mine, error),
    })
  }

  connect()
  return {
    registry,
    ready,
    status: () => ({ ...state }),
    close: async () => {
      if (closed) return applying
      closed = true
      closeStream()
      if (timer !== undefined) clock.clearTimeout(timer)
      aborter.abort()
      starting.close()
      if (!isReady)
        rejectReady(new Error(`discovery closed before the first sync with the Docker daemon at ${dockerHost.url}`))
      await applying
    },
  }
}
