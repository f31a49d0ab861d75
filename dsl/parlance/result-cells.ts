import type { ProjectModel, RunOutcome, ScenarioResult, SuiteRun } from '../../drivers/parlance/index.ts'

/**
 * Every outcome a scenario can have on a channel of a run, as the parlance
 * domain's specs name them; `not run` when the run did not plan it there.
 *
 * @example
 *   oneOf(cellOutcomes) // a DSL parameter that takes any of them
 *   cellOutcomes.includes('not applicable') // true
 */
export const cellOutcomes = ['passed', 'assertion failed', 'configuration error', 'system compromised', 'failed', 'not applicable', 'skipped', 'not run'] as const

/**
 * One of {@link cellOutcomes}.
 *
 * @example
 *   const outcome: CellOutcome = 'not run'
 *   report.expectOutcome({ scenario: 'Alice opens an account', channel: 'ui', outcome })
 */
export type CellOutcome = RunOutcome | 'not run'

/**
 * One scenario on one channel of a run, with its result if it ran there.
 *
 * @example
 *   const cell: ResultCell = { scenario: 'Alice asks for a refund', channel: 'ui', outcome: 'not run', result: undefined }
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
 *   resultCells(project, run).map((c) => `${c.scenario} ${c.channel} ${c.outcome}`)
 *   // ['Alice opens an account api passed', 'Alice opens an account ui not run']
 */
export function resultCells(project: ProjectModel, run: SuiteRun): ResultCell[] {
  const scenarios = [...new Set([...project.scenarios.map((s) => s.name), ...run.results.map((r) => r.scenario)])]
  return scenarios.flatMap((scenario) =>
    run.channels.map((channel) => {
      const result = run.results.find((r) => r.scenario === scenario && r.channel === channel)
      return { scenario, channel, outcome: result?.outcome ?? 'not run', result }
    }),
  )
}

/**
 * The cells as lines for a message, one scenario a line.
 *
 * @example
 *   describeCells(resultCells(project, run))
 *   // '  Alice opens an account: api passed · ui not run\n  Alice is paid: api passed · ui passed'
 */
export function describeCells(cells: readonly ResultCell[]): string {
  const scenarios = [...new Set(cells.map((cell) => cell.scenario))]
  if (scenarios.length === 0) return '  (no scenario)'
  return scenarios
    .map((scenario) => `  ${scenario}: ${cells.filter((cell) => cell.scenario === scenario).map((cell) => `${cell.channel} ${cell.outcome}`).join(' · ')}`)
    .join('\n')
}

/**
 * Where the printed scenario × channel table disagrees with the reports, one
 * line each: a person reads the table, so it must say what the reports say.
 *
 * @example
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

function printedText(outcome: CellOutcome): string {
  switch (outcome) {
    case 'passed':
    case 'skipped':
      return outcome
    case 'not applicable':
      return 'n/a'
    case 'not run':
      return '—'
    case 'system compromised':
      return 'COMPROMISED'
    default:
      return 'FAILED'
  }
}
