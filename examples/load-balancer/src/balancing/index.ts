// The balancing module's public entry: what the proxy, the admin status and
// main.ts use.
export { Balancer } from './pick-replica.ts'
export type { BalancerOptions, PickOptions } from './pick-replica.ts'
export { DEFAULT_DOWN_MS, DownMarks } from './down-marks.ts'
export type { DownMarksOptions } from './down-marks.ts'
export { InFlightCounter } from './in-flight.ts'
export { BALANCING_STRATEGIES, parseBalancingStrategy } from './strategy.ts'
export type { BalancingStrategy } from './strategy.ts'
