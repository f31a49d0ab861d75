import { join } from 'node:path'
import type { BenchSettings } from './bench-settings.ts'
import { generateAccountsSuite, writeParlanceConfig, type GeneratedSuite } from './generate-suites.ts'
import { measureInterleaved, type Variant } from './measure.ts'
import { formatTable, seconds, summaryCells, verdict } from './report-format.ts'
import { runTimedProcess, type TimedProcessSpec } from './run-cucumber-process.ts'
import { summarize } from './stats.ts'
import { childEnv, cucumberArgs, parlanceBin, registerFile, support, tsxLoader } from './variants.ts'

/** Parlance must start its first scenario within this many ms of the process starting. */
export const coldStartGoalMs = 600

/**
 * Section 3: the time from spawning the process to the first scenario's first
 * Before hook, for one scenario, across the ways of loading the support code.
 *
 * @example
 *   console.log(await benchColdStart({ runs: 5, accountsScenarios: 1000, visitsScenarios: 200, serverDelayMs: 10 }))
 */
export async function benchColdStart(settings: BenchSettings): Promise<string> {
  const suite = generateAccountsSuite(1)
  try {
    const variants: (Variant & { goal?: boolean })[] = [
      cucumber(suite, '(a) plain .mjs steps, no loader', [support.marks, support.plainAccountsJs]),
      cucumber(suite, '(b) TypeScript steps, tsx register file', [registerFile, support.marks, support.plainAccounts]),
      cucumber(suite, '(c) TypeScript steps, node --import tsx', [support.marks, support.plainAccounts], [tsxLoader]),
      {
        ...cucumber(suite, '(d) Parlance (installParlance + DSL), register file', [
          registerFile,
          support.marks,
          support.parlanceAccounts,
        ]),
        goal: true,
      },
    ]
    const cli = parlanceRun(suite)
    const cliProblem = await probe(cli)
    if (cliProblem === undefined) variants.push({ ...cli, goal: true })

    const measured = await measureInterleaved(variants, settings.runs)
    const rows = variants.map((variant, index) => {
      const first = summarize(measured[index]!.map((r) => r.firstScenarioMs))
      const wall = summarize(measured[index]!.map((r) => r.wallMs))
      const goal = variant.goal ? verdict(first.median <= coldStartGoalMs, `≤ ${seconds(coldStartGoalMs)}`) : ''
      return [variant.label, ...summaryCells(first), seconds(wall.median), goal]
    })
    return [
      '3 · Cold start: process spawned → first scenario starts (its first Before hook), one scenario',
      formatTable([['variant', 'median', 'min – max', 'whole run (median)', ''], ...rows]),
      ...(cliProblem === undefined ? [] : [`  (e) parlance run: skipped — ${cliProblem}`]),
    ].join('\n')
  } finally {
    suite.remove()
  }
}

function cucumber(suite: GeneratedSuite, label: string, imports: string[], nodeImports: string[] = []): Variant {
  const spec: TimedProcessSpec = {
    label,
    cwd: suite.dir,
    args: cucumberArgs(imports, { nodeImports }),
    env: childEnv(),
    expectScenarios: 1,
  }
  return { label, run: () => runTimedProcess(spec) }
}

// The same support code as (d), through the whole `parlance run` path: config, planning, reports.
function parlanceRun(suite: GeneratedSuite): Variant {
  writeParlanceConfig(suite, [support.marks, support.parlanceAccounts])
  const label = '(e) parlance run (same support as d)'
  const spec: TimedProcessSpec = {
    label,
    cwd: suite.dir,
    args: [parlanceBin, 'run', '--reports', join(suite.dir, 'reports')],
    env: childEnv(),
    expectScenarios: 1,
  }
  return { label, run: () => runTimedProcess(spec) }
}

// `parlance run` is still being written: a run that does not work is reported and left out, not fatal.
async function probe(variant: Variant): Promise<string | undefined> {
  try {
    await variant.run()
    return undefined
  } catch (error) {
    const firstLine = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    return `the CLI did not complete a one-scenario run: ${firstLine}`
  }
}
