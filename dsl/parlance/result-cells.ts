import type { Cell } from '../../drivers/core/run-model/index.ts'
import type { ProjectModel, ScenarioResult, SuiteRun } from '../../drivers/parlance/index.ts'

/**
 * The parlance domain's specs' words for how a scenario ended on a channel of
 * a run (`not run` when the run did not plan it there): what a DSL parameter takes.
 *
 * @example
 *   import { oneOf } from '../core/params/param-kinds.ts'
 *   oneOf(cellOutcomes) // a DSL parameter that takes any of them
 *   cellOutcomes.includes('not applicable') // true
 */
export const cellOutcomes = [
  'passed',
  'assertion failed',
  'configuration error',
  'system compromised',
  'timed out',
  'error',
  'unfinished',
  'flaky',
  'not applicable',
  'skipped',
  'not run',
] as const

/**
 * A spec's word for a cell, one of {@link cellOutcomes}.
 *
 * @example
 *   import type { Report } from './report.ts'
 *   declare const report: Report
 *   const outcome: CellOutcome = 'not run'
 *   report.expectOutcome({ scenario: 'Alice opens an account', channel: 'ui', outcome })
 */
export type CellOutcome = (typeof cellOutcomes)[number]

/**
 * The run model's cell each word stands for.
 *
 * @example
 *   outcomeWords['assertion failed'] // 'assertion-failed'
 */
export const outcomeWords: Readonly<Record<CellOutcome, Cell>> = {
  passed: 'passed',
  'assertion failed': 'assertion-failed',
  'configuration error': 'configuration-error',
  'system compromised': 'system-compromised',
  'timed out': 'timed-out',
  error: 'error',
  unfinished: 'unfinished',
  flaky: 'flaky',
  'not applicable': 'not-applicable',
  skipped: 'skipped',
  'not run': 'not-run',
}

const wordOfCell = new Map<Cell, CellOutcome>(
  Object.entries(outcomeWords).map(([word, cell]) => [cell, word as CellOutcome]),
)

/**
 * One scenario on one channel of a run, with its result if it ran there.
 *
 * @example
 *   const cell: ResultCell = {
 *     scenario: 'Alice asks for a refund',
 *     channel: 'ui',
 *     outcome: 'not run',
 *     result: undefined,
 *   }
 *   cell.result?.message // a failure's message, when it failed
 */
export interface ResultCell {
  scenario: string
  channel: string
  outcome: CellOutcome
  result: ScenarioResult | undefined
}

/**
 * The run's scenario × channel matrix: every scenario of the project (and any
 * other the reports hold) on every channel of the run, in the spec's order.
 *
 * @example
 *   declare const project: ProjectModel, run: SuiteRun
 *   resultCells(project, run).map((c) => `${c.scenario} ${c.channel} ${c.outcome}`)
 *   // ['Alice opens an account api passed', 'Alice opens an account ui not run']
 */
export function resultCells(project: ProjectModel, run: SuiteRun): ResultCell[] {
  const scenarios = [...new Set([...project.scenarios.map((s) => s.name), ...run.results.map((r) => r.scenario)])]
  return scenarios.flatMap((scenario) =>
    run.channels.map((channel) => {
      const result = run.results.find((r) => r.scenario === scenario && r.channel === channel)
      return { scenario, channel, outcome: result ? wordOfCell.get(result.outcome)! : 'not run', result }
    }),
  )
}

/**
 * The cells as lines for a message, one scenario a line.
 *
 * @example
 *   declare const project: ProjectModel, run: SuiteRun
 *   describeCells(resultCells(project, run))
 *   // '  Alice opens an account: api passed · ui not run\n  Alice is paid: api passed · ui passed'
 */
export function describeCells(cells: readonly ResultCell[]): string {
  const scenarios = [...new Set(cells.map((cell) => cell.scenario))]
  if (scenarios.length === 0) return '  (no scenario)'
  return scenarios
    .map(
      (scenario) =>
        `  ${scenario}: ${cells
          .filter((cell) => cell.scenario === scenario)
          .map((cell) => `${cell.channel} ${cell.outcome}`)
          .join(' · ')}`,
    )
    .join('\n')
}

/**
 * Where the printed scenario × channel table disagrees with the reports, one
 * line each: a person reads the table, so it must say what the reports say.
 *
 * @example
 *   declare const project: ProjectModel, run: SuiteRun
 *   printedMismatches(resultCells(project, run), run)
 *   // ['"Alice is paid" on ui is printed as "passed", but its report says assertion failed']
 */
export function printedMismatches(cells: readonly ResultCell[], run: SuiteRun): string[] {
  return cells.flatMap((cell) => {
    const expected = printedText(cell.outcome)
    const printed = run.printed.find((p) => p.scenario === cell.scenario && p.channel === cell.channel)?.text
    if (printed === expected) return []
    const shown = printed === undefined ? 'is not in the printed table' : `is printed as "${printed}"`
    return [`"${cell.scenario}" on ${cell.channel} ${shown}, but its report says ${cell.outcome}`]
  })
}

// The summary's table as the runner prints it: a failure by its kind.
const printed: Record<Cell, string> = {
  passed: 'passed',
  skipped: 'skipped',
  'not-applicable': 'n/a',
  'not-run': '—',
  'assertion-failed': 'FAILED',
  error: 'ERROR',
  'timed-out': 'TIMED OUT',
  'configuration-error': 'CONFIG ERROR',
  'system-compromised': 'COMPROMISED',
  unfinished: 'UNFINISHED',
  flaky: 'FLAKY',
}

function printedText(outcome: CellOutcome): string {
  return printed[outcomeWords[outcome]]
}
