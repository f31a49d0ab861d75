// The lines the rolling-replace part prints.
import type { LoadFigures } from './load-figures.ts'

/** One replica replaced: when the new one was healthy, and when the old one was gone. */
export interface ReplaceStep {
  old: string
  replacement: string
  healthyAfterMs: number
  goneAfterMs: number
}

/** What the rolling replace measured. */
export interface RollingFigures {
  host: string
  rate: number
  connections: number
  steps: readonly ReplaceStep[]
  updateDelayMs: number
  replaceMs: number
  load: LoadFigures
}

/**
 * The report lines, ending with the verdict on the goal of zero failed requests.
 *
 * @example
 *   declare const figures: RollingFigures
 *   rollingLines(figures).at(-1) // 'failed: 0 (goal 0: met)'
 */
export function rollingLines(figures: RollingFigures): string[] {
  const { load } = figures
  const failed = load.non2xx + load.errors
  return [
    `Rolling replace of ${figures.steps.length} replicas of ${figures.host}, under a steady ${figures.rate} ` +
      `req/s over ${figures.connections} connections through the LB`,
    ...figures.steps.map(
      (step) =>
        `  ${step.old} → ${step.replacement}: new one healthy in status after ${seconds(step.healthyAfterMs)}, ` +
        `old one stopped, drained and gone after ${seconds(step.goneAfterMs)}`,
    ),
    `  replace took ${seconds(figures.replaceMs)} with a ${seconds(figures.updateDelayMs)} update delay ` +
      `between replicas; load ran ${load.seconds.toFixed(1)} s`,
    `  requests: ${load.ok + load.non2xx + load.errors} (2xx: ${load.ok}, non-2xx: ${load.non2xx}, errors: ` +
      `${load.errors}); the ≤ ${figures.connections} in flight when the load stopped are not counted`,
    `  latency p50 ${load.p50Ms.toFixed(1)} ms, p99 ${load.p99Ms.toFixed(1)} ms`,
    `failed: ${failed} (goal 0: ${failed === 0 ? 'met' : 'missed'})`,
  ]
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}
