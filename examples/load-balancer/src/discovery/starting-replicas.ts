// Started containers held back from routing until their app first answers
// (admission.ts probes them), each with the route its listing gave.
import { Admission } from './admission.ts'
import type { Clock } from './clock.ts'
import type { ContainerRoute } from './container-routing.ts'
import type { Probe } from './http-probe.ts'

/** A container route to a replica. */
export type ReplicaRoute = Extract<ContainerRoute, { kind: 'replica' }>

/** What `StartingReplicas` needs; `admit` gets the route held, to use should a fresh lookup fail. */
export interface StartingReplicasOptions {
  clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>
  probe: Probe
  admit: (id: string, heldRoute: ContainerRoute | undefined) => void
}

/**
 * True for a route that would take traffic at once (no health check, or passed): it waits for its app's first
 * answer. One whose health check has not passed is routed at once, unhealthy: its own check decides.
 *
 * @example
 *   import { routeContainer } from './container-routing.ts'
 *   const route = routeContainer({ Id: 'a', Labels: { 'lb.host': 'shop' }, Status: 'Up 1 second (health: starting)' })
 *   waitsForAnswer(route) // → false
 */
export function waitsForAnswer(route: ContainerRoute): route is ReplicaRoute {
  return route.kind === 'replica' && route.replica.healthy
}

/**
 * The containers held back until their app answers.
 *
 * @example
 *   import { systemClock } from './clock.ts'
 *   import { probeHttp } from './http-probe.ts'
 *   declare const route: ReplicaRoute
 *   const starting = new StartingReplicas({ clock: systemClock, probe: probeHttp, admit: (id) => console.log(id) })
 *   starting.holdBack(route) // admit(route.replica.id, route) once it answers
 */
export class StartingReplicas {
  readonly #held = new Map<string, ReplicaRoute>()
  readonly #admission: Admission

  constructor(options: StartingReplicasOptions) {
    this.#admission = new Admission({
      clock: options.clock,
      probe: options.probe,
      admit: (id) => {
        const route = this.#held.get(id)
        this.#held.delete(id)
        options.admit(id, route)
      },
    })
  }

  /** Probes the route's replica until its app answers, then admits it. */
  holdBack(route: ReplicaRoute): void {
    this.#held.set(route.replica.id, route)
    this.#admission.watch(route.replica.id, route.replica.address)
  }

  /** Stops holding `id`: it started again, is being stopped, or is gone; it will not be admitted. */
  release(id: string): void {
    this.#admission.forget(id)
    this.#held.delete(id)
  }

  /**
   * A listing's routes to route now; holds back the others: those still held, and those not in `known` (started
   * while the event stream was down, or, at the first sync, not answering yet). Releases held ones the listing no
   * longer shows.
   *
   * @example
   *   declare const starting: StartingReplicas, routes: ContainerRoute[]
   *   const now = starting.sortListing(routes, new Set(['a'])) // a new container `b` is held back
   */
  sortListing(routes: readonly ContainerRoute[], known: ReadonlySet<string>): ContainerRoute[] {
    const listed = new Set(routes.map((route) => (route.kind === 'replica' ? route.replica.id : route.ignored.id)))
    for (const id of [...this.#held.keys()]) if (!listed.has(id)) this.release(id)
    const now: ContainerRoute[] = []
    for (const route of routes) {
      const hold = waitsForAnswer(route) && (this.#held.has(route.replica.id) || !known.has(route.replica.id))
      if (hold) this.holdBack(route)
      else now.push(route)
    }
    return now
  }

  /** Stops every probe. */
  close(): void {
    this.#admission.close()
    this.#held.clear()
  }
}

/** How many replicas {@link answeringNow} probes at a time. */
export const FIRST_PROBES_AT_ONCE = 16

/**
 * The ids of the routes whose app answers one probe now, at most {@link FIRST_PROBES_AT_ONCE} probed at a time:
 * the first sync routes these at once and holds back the rest, like a replica just started.
 *
 * @example
 *   import { probeHttp } from './http-probe.ts'
 *   declare const routes: ContainerRoute[]
 *   const known = await answeringNow(routes, probeHttp, new AbortController().signal)
 */
export async function answeringNow(
  routes: readonly ContainerRoute[],
  probe: Probe,
  signal: AbortSignal,
): Promise<Set<string>> {
  const waiting = routes.filter(waitsForAnswer)
  const answering = new Set<string>()
  const worker = async (): Promise<void> => {
    for (let route = waiting.shift(); route !== undefined; route = waiting.shift()) {
      if (await probe(route.replica.address, signal)) answering.add(route.replica.id)
    }
  }
  await Promise.all(Array.from({ length: Math.min(FIRST_PROBES_AT_ONCE, waiting.length) }, worker))
  return answering
}
