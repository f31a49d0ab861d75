// How a Host's replicas share its requests: the `--strategy` option's values.

/** The strategies the balancer knows, default first. */
export const BALANCING_STRATEGIES = ['round-robin', 'least-connections'] as const

/**
 * Round-robin (weighted, smooth) or least in-flight requests.
 *
 * @example
 *   import { Balancer } from './pick-replica.ts'
 *   declare const inFlight: import('./in-flight.ts').InFlightCounter, downMarks: import('./down-marks.ts').DownMarks
 *   const strategy: BalancingStrategy = 'least-connections'
 *   new Balancer({ strategy, inFlight, downMarks })
 */
export type BalancingStrategy = (typeof BALANCING_STRATEGIES)[number]

/**
 * Reads the strategy option; absent means round-robin.
 *
 * @example
 *   parseBalancingStrategy(undefined) // 'round-robin'
 *   parseBalancingStrategy('least-connections') // 'least-connections'
 */
export function parseBalancingStrategy(value: string | undefined): BalancingStrategy {
  if (value === undefined) return 'round-robin'
  const known = BALANCING_STRATEGIES.find((strategy) => strategy === value)
  if (known !== undefined) return known
  const nearest = BALANCING_STRATEGIES.find((strategy) => strategy === value.trim().toLowerCase())
  const hint = nearest === undefined ? '' : ` Did you mean "${nearest}"?`
  throw new Error(
    `Balancing strategy "${value}" is not supported; use one of: ${BALANCING_STRATEGIES.join(', ')}.${hint}`,
  )
}
