import type { BenchSettings } from './bench-settings.ts'
import { generateAccountsSuite } from './generate-suites.ts'
import { measureInterleaved } from './measure.ts'
import { formatTable, summaryCells, seconds, times, verdict } from './report-format.ts'
import { runTimedProcess } from './run-cucumber-process.ts'
import { ratioOfMedians, summarize } from './stats.ts'
import { childEnv, cucumberArgs, registerFile, support } from './variants.ts'

/** Parlance may take at most this many times as long as plain cucumber. */
export const overheadGoal = 1.05

/**
 * Section 1: the same suite of trivial steps through Parlance (installParlance,
 * the accounts DSL, aliases, an in-memory driver) and through plain cucumber
 * step definitions doing the same work by hand, serially, in one process each.
 *
 * @example
 *   console.log(await benchOverhead({ runs: 5, accountsScenarios: 1000, visitsScenarios: 200, serverDelayMs: 10 }))
 */
export async function benchOverhead(settings: BenchSettings): Promise<string> {
  const suite = generateAccountsSuite(settings.accountsScenarios)
  try {
    const run = (label: string, steps: string) => () =>
      runTimedProcess({ label, cwd: suite.dir, args: cucumberArgs([registerFile, support.marks, steps]), env: childEnv(), expectScenarios: suite.scenarios })
    const labels = ['plain cucumber steps', 'Parlance: DSL + aliases']
    const measured = await measureInterleaved(
      [
        { label: labels[0]!, run: run(labels[0]!, support.plainAccounts) },
        { label: labels[1]!, run: run(labels[1]!, support.parlanceAccounts) },
      ],
      settings.runs,
    )
    const [plain, parlance] = measured.map((runs) => ({ wall: summarize(runs.map((r) => r.wallMs)), inScenarios: summarize(runs.map((r) => r.scenariosMs)) }))
    const wallRatio = ratioOfMedians(parlance!.wall, plain!.wall)
    const scenarioRatio = ratioOfMedians(parlance!.inScenarios, plain!.inScenarios)
    const perStep = (parlance!.inScenarios.median - plain!.inScenarios.median) / suite.steps
    return [
      `1 · Overhead: ${suite.scenarios} scenarios × 5 trivial steps, in-memory, serial (one process each)`,
      formatTable([
        ['variant', 'wall median', 'wall min – max', 'in scenarios (median)'],
        [labels[0]!, ...summaryCells(plain!.wall), seconds(plain!.inScenarios.median)],
        [labels[1]!, ...summaryCells(parlance!.wall), seconds(parlance!.inScenarios.median)],
      ]),
      `  Parlance / plain, wall: ${times(wallRatio)} — ${verdict(wallRatio <= overheadGoal, `≤ ${overheadGoal}×`)}`,
      `  Parlance / plain, in scenarios only: ${times(scenarioRatio)} (${(perStep * 1000).toFixed(1)} µs more per step)`,
    ].join('\n')
  } finally {
    suite.remove()
  }
}
