/**
 * How big the suites are and how often each variant runs.
 *
 * @example
 *   const settings: BenchSettings = { runs: 5, accountsScenarios: 1000, visitsScenarios: 200, serverDelayMs: 10 }
 */
export interface BenchSettings {
  /** Timed runs per variant, after one warm-up run each. */
  runs: number
  /** Scenarios of five trivial steps in the overhead suite. */
  accountsScenarios: number
  /** Scenarios of three I/O steps in the parallel suite. */
  visitsScenarios: number
  /** How long the slow server takes to answer, in ms. */
  serverDelayMs: number
}
