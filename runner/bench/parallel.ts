import type { BenchSettings } from './bench-settings.ts'
import { generateAccountsSuite, generateVisitsSuite, type GeneratedSuite } from './generate-suites.ts'
import { measureInterleaved } from './measure.ts'
import { describeLoad, formatTable, seconds, summaryCells, times, verdict } from './report-format.ts'
import { runTimedProcess, type TimedRun } from './run-cucumber-process.ts'
import { startSlowServer } from './slow-server.ts'
import { ratioOfMedians, summarize, type Summary } from './stats.ts'
import { childEnv, cucumberArgs, registerFile, support } from './variants.ts'

/** `--parallel 2` must be at least this many times as fast as serial on I/O-bound steps. */
export const speedUpGoal = 1.8

/**
 * Section 2: serial against `--parallel 2`, first for Parlance steps that each
 * wait on a loopback HTTP request, then for the overhead suite's trivial plain
 * steps, where cucumber's worker messaging makes parallel slower.
 *
 * @example
 *   console.log(await benchParallel({ runs: 5, accountsScenarios: 1000, visitsScenarios: 200, serverDelayMs: 10 }))
 */
export async function benchParallel(settings: BenchSettings): Promise<string> {
  const server = await startSlowServer(settings.serverDelayMs)
  const visits = generateVisitsSuite(settings.visitsScenarios)
  const accounts = generateAccountsSuite(settings.accountsScenarios)
  const loadBefore = describeLoad()
  try {
    const io = await serialAgainstParallel(
      visits,
      support.parlanceVisits,
      childEnv({ BENCH_SLOW_URL: server.url }),
      settings.runs,
    )
    const trivial = await serialAgainstParallel(accounts, support.plainAccounts, childEnv(), settings.runs)
    const speedUp = ratioOfMedians(io.serial.wall, io.parallel.wall)
    const slowDown = ratioOfMedians(trivial.parallel.wall, trivial.serial.wall)
    return [
      `2 · Parallel speed-up (wall time of the whole run, worker start-up included)`,
      `  I/O-bound: Parlance, ${visits.scenarios} scenarios × 3 steps, each step one HTTP request to 127.0.0.1 ` +
        `answered after ${settings.serverDelayMs} ms`,
      table(io),
      `  speed-up of --parallel 2: ${times(speedUp)} — ${verdict(speedUp >= speedUpGoal, `≥ ${speedUpGoal}×`)}`,
      `  in scenarios only (start-up excluded): ` +
        `${times(ratioOfMedians(io.serial.inScenarios, io.parallel.inScenarios))}; outside scenarios (start-up, ` +
        `exit): ` +
        `serial ${seconds(io.serial.wall.median - io.serial.inScenarios.median)}, --parallel 2 ` +
        `${seconds(io.parallel.wall.median - io.parallel.inScenarios.median)}`,
      '  (the workers are forked only once the coordinator has loaded the support code, and then load it again)',
      ...(speedUp >= speedUpGoal ? [] : parallelLimit(io)),
      '',
      `  Trivial steps: plain cucumber, the overhead suite (${accounts.scenarios} scenarios × 5 in-memory steps)`,
      table(trivial),
      `  --parallel 2 is ${times(slowDown)} ${slowDown >= 1 ? 'SLOWER' : 'faster'} than serial for trivial ` +
        `steps (no goal: expected, and not hidden).`,
      '  Why: cucumber hands each worker one test case at a time and waits for its FINISHED message before',
      '  sending the next, and the worker sends every event of it (test case started/finished, each step and',
      '  hook started/finished, attachments) to the coordinator as a JSON IPC message. A step that takes',
      '  microseconds costs less than its messages, and each worker pays its own start-up (node, tsx, support',
      '  code). Parallel pays off when steps wait on I/O, as acceptance tests against a real system do.',
      `  load average (1, 5, 15 min): ${loadBefore} at the start of this section, ${describeLoad()} at its end`,
    ].join('\n')
  } finally {
    visits.remove()
    accounts.remove()
    await server.stop()
  }
}

interface Timings {
  wall: Summary
  inScenarios: Summary
}

async function serialAgainstParallel(
  suite: GeneratedSuite,
  steps: string,
  env: Record<string, string | undefined>,
  runs: number,
): Promise<{ serial: Timings; parallel: Timings }> {
  const imports = [registerFile, support.marks, steps]
  const run = (label: string, parallel?: number) => () =>
    runTimedProcess({
      label,
      cwd: suite.dir,
      args: cucumberArgs(imports, parallel ? { parallel } : {}),
      env,
      expectScenarios: suite.scenarios,
    })
  const [serial, parallel] = await measureInterleaved(
    [
      { label: 'serial', run: run('serial') },
      { label: '--parallel 2', run: run('--parallel 2', 2) },
    ],
    runs,
  )
  const timings = (measured: TimedRun[]): Timings => ({
    wall: summarize(measured.map((r) => r.wallMs)),
    inScenarios: summarize(measured.map((r) => r.scenariosMs)),
  })
  return { serial: timings(serial!), parallel: timings(parallel!) }
}

// Amdahl's law with the run's own figures: the time outside scenarios is not shared by the workers.
function parallelLimit(io: { serial: Timings; parallel: Timings }): string[] {
  const outsideSerial = io.serial.wall.median - io.serial.inScenarios.median
  const outsideParallel = io.parallel.wall.median - io.parallel.inScenarios.median
  const best = io.serial.wall.median / (io.serial.inScenarios.median / 2 + outsideParallel)
  return [
    `  What limits it: the time outside scenarios, ${seconds(outsideParallel)} with --parallel 2 ` +
      `(serial ${seconds(outsideSerial)}): even with the scenarios`,
    `  split perfectly in two, this suite could be at most ${times(best)} faster.`,
    '  What would move it: workers that start faster (support code transpiled once per run, not by tsx in',
    '  each worker), or a longer suite.',
  ]
}

function table(result: { serial: Timings; parallel: Timings }): string {
  return formatTable([
    ['', 'wall median', 'wall min – max', 'in scenarios (median)'],
    ['serial', ...summaryCells(result.serial.wall), seconds(result.serial.inScenarios.median)],
    ['--parallel 2', ...summaryCells(result.parallel.wall), seconds(result.parallel.inScenarios.median)],
  ])
}
