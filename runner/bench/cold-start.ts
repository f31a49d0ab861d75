import { join } from 'node:path'
import type { BenchSettings } from './bench-settings.ts'
import { generateAccountsSuite, writeParlanceConfig, type GeneratedSuite } from './generate-suites.ts'
import { measureInterleaved, type Variant } from './measure.ts'
import { describeLoad, formatTable, seconds, summaryCells, times, verdict } from './report-format.ts'
import { runTimedProcess, type TimedProcessSpec } from './run-cucumber-process.ts'
import { summarize, type Summary } from './stats.ts'
import { childEnv, cucumberArgs, parlanceBin, registerFile, support, tsxLoader } from './variants.ts'

/** `parlance run` must start its first scenario within this many times the plain .mjs steps' cold start. */
export const coldStartGoal = 1.3

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
      cucumber(suite, '(d) Parlance (installParlance + DSL), register file', [
        registerFile,
        support.marks,
        support.parlanceAccounts,
      ]),
    ]
    const cli = parlanceRun(suite)
    const cliProblem = await probe(cli)
    if (cliProblem === undefined) variants.push({ ...cli, goal: true })

    const loadBefore = describeLoad()
    const measured = await measureInterleaved(variants, settings.runs)
    const firsts = measured.map((runs) => summarize(runs.map((r) => r.firstScenarioMs)))
    const plain = firsts[0]!
    const rows = variants.map((variant, index) => {
      const first = firsts[index]!
      const wall = summarize(measured[index]!.map((r) => r.wallMs))
      const ratio = first.median / plain.median
      const goal = variant.goal ? verdict(ratio <= coldStartGoal, `≤ ${coldStartGoal}× (a)`) : ''
      return [variant.label, ...summaryCells(first), times(ratio), seconds(wall.median), goal]
    })
    const cliIndex = variants.findIndex((variant) => variant.label === cli.label)
    const cliFirst = cliIndex === -1 ? undefined : firsts[cliIndex]
    return [
      '3 · Cold start: process spawned → first scenario starts (its first Before hook), one scenario',
      formatTable([['variant', 'median', 'min – max', '/ (a)', 'whole run (median)', ''], ...rows]),
      ...(cliProblem === undefined ? [] : [`  (e) parlance run: skipped — ${cliProblem}`]),
      ...(cliFirst === undefined || cliFirst.median / plain.median <= coldStartGoal
        ? []
        : coldStartLimit(firsts[0]!, firsts[1]!, firsts[3]!, cliFirst)),
      `  load average (1, 5, 15 min): ${loadBefore} at the start of this section, ${describeLoad()} at its end`,
    ].join('\n')
  } finally {
    suite.remove()
  }
}

// Each variant adds one thing to the one before: tsx, Parlance's support code, then parlance run's own work.
function coldStartLimit(plain: Summary, tsx: Summary, parlance: Summary, cli: Summary): string[] {
  const ms = (value: number): string => `${Math.round(value)} ms`
  // A difference: on a busy machine a later variant can come out faster.
  const more = (value: number): string => `${value < 0 ? '−' : '+'}${ms(Math.abs(value))}`
  return [
    `  What limits it: of (e)'s ${ms(cli.median)}, (a) plain cucumber is ${ms(plain.median)}, ` +
      `the tsx register file ${more(tsx.median - plain.median)},`,
    `  Parlance's support code ${more(parlance.median - tsx.median)}, and parlance run's own work ` +
      `(its CLI and config through tsx, the plan, cucumber's API) ${more(cli.median - parlance.median)}.`,
    '  What would move it: the support code transpiled once per run and loaded without tsx, and cucumber',
    '  loaded while the systems start.',
  ]
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
