// Which replica takes the next request for one Host. Pure: the proxy calls
// `pick`, and on a refused or reset connection marks the replica down and
// picks again with the tried ones excluded.
import { isAvailable } from '../discovery/index.ts'
import type { Replica } from '../discovery/index.ts'
import type { DownMarks } from './down-marks.ts'
import type { InFlightCounter } from './in-flight.ts'
import type { BalancingStrategy } from './strategy.ts'

/** What a `Balancer` reads: the strategy and the shared per-replica state. */
export interface BalancerOptions {
  strategy: BalancingStrategy
  inFlight: InFlightCounter
  downMarks: DownMarks
}

/** Replicas a retry must not pick again, by id. */
export interface PickOptions {
  exclude?: ReadonlySet<string>
}

/**
 * The choice of replica for one Host; keep one per Host so the rotation survives list changes.
 *
 * @example
 *   declare const inFlight: InFlightCounter,
 *     downMarks: DownMarks,
 *     registry: import('../discovery/index.ts').BackendRegistry
 *   const balancer = new Balancer({ strategy: 'round-robin', inFlight, downMarks })
 *   const replica = balancer.pick(registry.replicasServing('shop'), { exclude: new Set(['3f4e']) })
 */
export class Balancer {
  readonly #options: BalancerOptions
  /** nginx's smooth weighted round-robin "current weight", per replica id. */
  readonly #current = new Map<string, number>()
  /** When each replica was last picked, as a pick count, for least-connections' tie-break. */
  readonly #lastPicked = new Map<string, number>()
  #picks = 0
  #lastList: readonly Replica[] | undefined

  constructor(options: BalancerOptions) {
    this.#options = options
  }

  /** The replica for the next request, or undefined when none is available, up and not excluded. */
  pick(replicas: readonly Replica[], { exclude }: PickOptions = {}): Replica | undefined {
    this.#forgetRemoved(replicas)
    const chosen =
      this.#options.strategy === 'least-connections'
        ? this.#fewestInFlight(replicas, exclude)
        : this.#nextInRotation(replicas, exclude)
    if (chosen !== undefined) this.#lastPicked.set(chosen.id, ++this.#picks)
    return chosen
  }

  // Loops rather than filter chains: the proxy picks once per request.
  #isCandidate(replica: Replica, exclude: ReadonlySet<string> | undefined): boolean {
    return isAvailable(replica) && exclude?.has(replica.id) !== true && !this.#options.downMarks.isDown(replica.id)
  }

  // Fewest in flight, then heaviest, then the one picked longest ago (never
  // first), then list order. Smooth weights would remember credit from picks
  // that in-flight counts decided, and favour a replica just chosen.
  #fewestInFlight(replicas: readonly Replica[], exclude: ReadonlySet<string> | undefined): Replica | undefined {
    const { inFlight } = this.#options
    let best: Replica | undefined
    let bestCount = Infinity
    let bestWeight = -Infinity
    let bestPicked = Infinity
    for (const replica of replicas) {
      if (!this.#isCandidate(replica, exclude)) continue
      const count = inFlight.countFor(replica.id)
      const picked = this.#lastPicked.get(replica.id) ?? 0
      const better =
        count < bestCount ||
        (count === bestCount && (replica.weight > bestWeight || (replica.weight === bestWeight && picked < bestPicked)))
      if (!better) continue
      best = replica
      bestCount = count
      bestWeight = replica.weight
      bestPicked = picked
    }
    return best
  }

  // nginx: every candidate gains its weight, the highest current wins and
  // loses the total. Deterministic, and weights 1:2 give a b b, a b b, ...
  #nextInRotation(replicas: readonly Replica[], exclude: ReadonlySet<string> | undefined): Replica | undefined {
    let best: Replica | undefined
    let bestCurrent = -Infinity
    let total = 0
    for (const replica of replicas) {
      if (!this.#isCandidate(replica, exclude)) continue
      const current = (this.#current.get(replica.id) ?? 0) + replica.weight
      this.#current.set(replica.id, current)
      total += replica.weight
      if (current > bestCurrent) {
        best = replica
        bestCurrent = current
      }
    }
    if (best !== undefined) this.#current.set(best.id, bestCurrent - total)
    return best
  }

  // Only when handed a different list: the registry's shared list is replaced, never changed, on a change.
  #forgetRemoved(replicas: readonly Replica[]): void {
    if (replicas === this.#lastList) return
    this.#lastList = replicas
    const present = new Set(replicas.map((replica) => replica.id))
    for (const id of this.#current.keys()) if (!present.has(id)) this.#current.delete(id)
    for (const id of this.#lastPicked.keys()) if (!present.has(id)) this.#lastPicked.delete(id)
  }
}
