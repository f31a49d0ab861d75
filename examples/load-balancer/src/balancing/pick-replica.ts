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
 *   const balancer = new Balancer({ strategy: 'round-robin', inFlight, downMarks })
 *   const replica = balancer.pick(registry.replicasFor('shop'), { exclude: new Set(tried) })
 */
export class Balancer {
  readonly #options: BalancerOptions
  /** nginx's smooth weighted round-robin "current weight", per replica id. */
  readonly #current = new Map<string, number>()
  /** When each replica was last picked, as a pick count, for least-connections' tie-break. */
  readonly #lastPicked = new Map<string, number>()
  #picks = 0

  constructor(options: BalancerOptions) {
    this.#options = options
  }

  /** The replica for the next request, or undefined when none is available, up and not excluded. */
  pick(replicas: readonly Replica[], { exclude = new Set() }: PickOptions = {}): Replica | undefined {
    this.#forgetRemoved(replicas)
    const { downMarks, inFlight, strategy } = this.#options
    let candidates = replicas.filter(
      (replica) => isAvailable(replica) && !exclude.has(replica.id) && !downMarks.isDown(replica.id),
    )
    if (strategy === 'least-connections') {
      const fewest = Math.min(...candidates.map((replica) => inFlight.countFor(replica.id)))
      candidates = candidates.filter((replica) => inFlight.countFor(replica.id) === fewest)
      const heaviest = Math.max(...candidates.map((replica) => replica.weight))
      candidates = candidates.filter((replica) => replica.weight === heaviest)
    }
    const chosen =
      strategy === 'least-connections' ? this.#leastRecentlyPicked(candidates) : this.#nextInRotation(candidates)
    if (chosen !== undefined) this.#lastPicked.set(chosen.id, ++this.#picks)
    return chosen
  }

  // Round-robin order among equals: the one picked longest ago (never first),
  // then list order. Smooth weights would remember credit from picks that
  // in-flight counts decided, and favour a replica just chosen.
  #leastRecentlyPicked(candidates: readonly Replica[]): Replica | undefined {
    let best: Replica | undefined
    let bestPicked = Infinity
    for (const replica of candidates) {
      const picked = this.#lastPicked.get(replica.id) ?? 0
      if (picked < bestPicked) {
        best = replica
        bestPicked = picked
      }
    }
    return best
  }

  // nginx: every candidate gains its weight, the highest current wins and
  // loses the total. Deterministic, and weights 1:2 give a b b, a b b, ...
  #nextInRotation(candidates: readonly Replica[]): Replica | undefined {
    let best: Replica | undefined
    let bestCurrent = -Infinity
    let total = 0
    for (const replica of candidates) {
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

  #forgetRemoved(replicas: readonly Replica[]): void {
    const present = new Set(replicas.map((replica) => replica.id))
    for (const id of this.#current.keys()) if (!present.has(id)) this.#current.delete(id)
    for (const id of this.#lastPicked.keys()) if (!present.has(id)) this.#lastPicked.delete(id)
  }
}
