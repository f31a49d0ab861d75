import { failureKindLabels, type FailureKind } from './failure-kind.ts'
import type { ScenarioRun } from './scenario-run.ts'

/**
 * What a report shows for one scenario on one channel — the summary's and the
 * gate's cells alike: its status, a failure by its kind (`assertion-failed`,
 * `system-compromised`, `configuration-error`, `timed-out`, `error`), `flaky`
 * when it passed only on a retry, `unfinished` for an undefined, pending or
 * ambiguous step.
 *
 * @example
 *   declare const scenario: ScenarioRun
 *   const cell: Cell = cellOf(scenario) // 'system-compromised' when it could not reach the system
 */
export type Cell = 'passed' | 'flaky' | 'not-applicable' | 'skipped' | 'not-run' | 'unfinished' | FailureKind

/**
 * The words each cell is counted and explained in.
 *
 * @example
 *   cellLabels['not-applicable'] // 'n/a'
 */
export const cellLabels: Readonly<Record<Cell, string>> = {
  passed: 'passed',
  flaky: 'flaky',
  'not-applicable': 'n/a',
  skipped: 'skipped',
  'not-run': 'not run',
  unfinished: 'unfinished',
  ...failureKindLabels,
}

/**
 * The cell of a scenario; `not-run` when it has no run on the channel.
 *
 * @example
 *   cellOf(undefined) // 'not-run'
 *   declare const flakyScenario: ScenarioRun // failed, then passed on a retry
 *   cellOf(flakyScenario) // 'flaky'
 */
export function cellOf(scenario: ScenarioRun | undefined): Cell {
  if (!scenario) return 'not-run'
  if (scenario.flaky) return 'flaky'
  switch (scenario.status) {
    case 'failed':
      return scenario.failureKind ?? 'error'
    case 'undefined':
    case 'pending':
    case 'ambiguous':
      return 'unfinished'
    default:
      return scenario.status
  }
}

/**
 * The cells that make a run red: every failure kind, an unfinished or skipped
 * scenario, one that never ran, and a flaky one unless flaky ones are allowed.
 *
 * @example
 *   failedCells({ allowFlaky: false }).has('flaky') // true
 */
export function failedCells(options: { allowFlaky: boolean }): ReadonlySet<Cell> {
  const cells: Cell[] = [
    'assertion-failed',
    'system-compromised',
    'configuration-error',
    'timed-out',
    'error',
    'unfinished',
    'skipped',
    'not-run',
  ]
  return new Set(options.allowFlaky ? cells : [...cells, 'flaky'])
}
