import type { BenchSettings } from './bench-settings.ts'
import { generateAccountsSuite } from './generate-suites.ts'
import { measureInterleaved } from './measure.ts'
import { formatTable, seconds, summaryCells, times, verdict } from './report-format.ts'
import { runTimedProcess, type TimedRun } from './run-cucumber-process.ts'
import { ratioOfMedians, summarize, type Summary } from './stats.ts'
import { childEnv, cucumberArgs, registerFile, support } from './variants.ts'

/** Parlance may take at most this many times as long as plain cucumber. */
export const overheadGoal = 1.05

interface Timings {
  wall: Summary
  inScenarios: Summary
  cpu: Summary
  cpuInScenarios: Summary
}

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
    const variant = (label: string, steps: string) => ({
      label,
      run: () =>
        runTimedProcess({
          label,
          cwd: suite.dir,
          args: cucumberArgs([registerFile, support.marks, steps]),
          env: childEnv(),
          expectScenarios: suite.scenarios,
        }),
    })
    const variants = [
      variant('plain cucumber steps', support.plainAccounts),
      variant('Parlance: DSL + aliases', support.parlanceAccounts),
    ]
    const [plain, parlance] = (await measureInterleaved(variants, settings.runs)).map(timingsOf) as [Timings, Timings]
    const wallRatio = ratioOfMedians(parlance.wall, plain.wall)
    const extraCpuPerScenario = (parlance.cpuInScenarios.median - plain.cpuInScenarios.median) / suite.scenarios
    return [
      `1 · Overhead: ${suite.scenarios} scenarios × 5 trivial steps, in-memory, serial (one process each)`,
      formatTable([
        ['variant', 'wall median', 'wall min – max', 'in scenarios', 'CPU', 'CPU in scenarios'],
        row(variants[0]!.label, plain),
        row(variants[1]!.label, parlance),
      ]),
      `  Parlance / plain, wall: ${times(wallRatio)} — ${verdict(wallRatio <= overheadGoal, `≤ ${overheadGoal}×`)}`,
      `  Parlance / plain, CPU: ${times(ratioOfMedians(parlance.cpu, plain.cpu))}; in scenarios only: ` +
        `${times(ratioOfMedians(parlance.inScenarios, plain.inScenarios))} wall, ` +
        `${times(ratioOfMedians(parlance.cpuInScenarios, plain.cpuInScenarios))} CPU ` +
        `(+${(extraCpuPerScenario * 1000).toFixed(0)} µs CPU per scenario)`,
      '  (CPU = user + system time of the cucumber process, all threads, up to its AfterAll hook: less disturbed',
      '  than wall time by other load on the machine; "in scenarios" = first Before hook → AfterAll)',
    ].join('\n')
  } finally {
    suite.remove()
  }
}

function timingsOf(runs: TimedRun[]): Timings {
  return {
    wall: summarize(runs.map((r) => r.wallMs)),
    inScenarios: summarize(runs.map((r) => r.scenariosMs)),
    cpu: summarize(runs.map((r) => r.cpuMs)),
    cpuInScenarios: summarize(runs.map((r) => r.scenariosCpuMs)),
  }
}

function row(label: string, timings: Timings): string[] {
  return [
    label,
    ...summaryCells(timings.wall),
    seconds(timings.inScenarios.median),
    seconds(timings.cpu.median),
    seconds(timings.cpuInScenarios.median),
  ]
}
