import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/**
 * One timed run of a child process that runs cucumber scenarios.
 *
 * @example
 *   declare const suite: import('./generate-suites.ts').GeneratedSuite, cucumberBin: string
 *   const run = await runTimedProcess({
 *     label: 'plain',
 *     cwd: suite.dir,
 *     args: [cucumberBin, '--format', 'summary'],
 *     env: process.env,
 *     expectScenarios: 1000,
 *   })
 *   run.wallMs // 1042.7
 */
export interface TimedRun {
  /** From just before the spawn to the process's exit. */
  wallMs: number
  /** From just before the spawn to the first scenario's first Before hook. */
  firstScenarioMs: number
  /** From the first scenario's start to the last worker's AfterAll hook. */
  scenariosMs: number
  /** CPU time (user + system) from each process's first scenario to its AfterAll, summed over processes. */
  scenariosCpuMs: number
  /** CPU time from each process's start to its AfterAll, summed over the processes that ran scenarios. */
  cpuMs: number
  /** What the process printed: the formatter's summary. */
  stdout: string
}

/**
 * What to run: `node <args>` in `cwd`. The support code must load
 * fixtures/mark-scenarios.mjs, which writes the marks this reads.
 *
 * @example
 *   declare const suite: import('./generate-suites.ts').GeneratedSuite, cucumberBin: string, steps: string
 *   const spec: TimedProcessSpec = {
 *     label: 'Parlance',
 *     cwd: suite.dir,
 *     args: [cucumberBin, '--import', steps],
 *     env: process.env,
 *     expectScenarios: 1000,
 *   }
 */
export interface TimedProcessSpec {
  /** Names the run in an error message. */
  label: string
  cwd: string
  args: readonly string[]
  env: Record<string, string | undefined>
  /** The run must pass this many scenarios, as "N scenario(s) (N passed)" in its output. */
  expectScenarios: number
  timeoutMs?: number
}

let runCount = 0
const now = (): number => performance.timeOrigin + performance.now()

/**
 * Runs the process and times it. A run that fails, passes a different number
 * of scenarios, or never starts one throws: a benchmark of failing runs is worthless.
 *
 * @example
 *   declare const spec: TimedProcessSpec
 *   const { wallMs, firstScenarioMs } = await runTimedProcess(spec)
 */
export async function runTimedProcess(spec: TimedProcessSpec): Promise<TimedRun> {
  const marksFile = join(spec.cwd, `marks-${process.pid}-${++runCount}.txt`)
  const env = { ...spec.env, BENCH_MARKS_FILE: marksFile, FORCE_COLOR: '0', NO_COLOR: '1' }
  const spawnedAt = now()
  const child = spawn(process.execPath, spec.args, { cwd: spec.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timeoutMs = spec.timeoutMs ?? 300_000
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const exit = await new Promise<{ code: number | null; exitedAt: number }>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, exitedAt: now() }))
  })
  clearTimeout(timer)
  // The output may still be in the pipes when 'exit' fires.
  if (child.stdout.readable || child.stderr.readable) await new Promise((resolve) => child.once('close', resolve))

  const marks = readMarks(marksFile)
  const passed = new RegExp(`^${spec.expectScenarios} scenarios? \\(${spec.expectScenarios} passed\\)`, 'm')
  const problem =
    exit.code !== 0
      ? `exited with code ${exit.code}${exit.code === null ? ` (killed after ${timeoutMs} ms?)` : ''}`
      : !passed.test(stdout)
        ? `did not report "${spec.expectScenarios} scenarios (${spec.expectScenarios} passed)"`
        : marks.starts.length === 0
          ? 'ran no scenario: fixtures/mark-scenarios.mjs wrote no start mark'
          : undefined
  if (problem) {
    throw new Error(
      `benchmark run "${spec.label}" ${problem}; the figures would be worthless, so the benchmark stops.\n` +
        `  command: node ${spec.args.join(' ')}\n  cwd: ${spec.cwd}\n` +
        `--- stdout (end) ---\n${stdout.slice(-3000)}\n--- stderr (end) ---\n${stderr.slice(-3000)}`,
    )
  }
  if (marks.ends.length !== marks.starts.length)
    throw new Error(
      `benchmark run "${spec.label}": a process that ran scenarios wrote no end mark (its AfterAll hook did not run)`,
    )
  const firstStart = Math.min(...marks.starts.map((mark) => mark.wall))
  const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0)
  return {
    wallMs: exit.exitedAt - spawnedAt,
    firstScenarioMs: firstStart - spawnedAt,
    scenariosMs: Math.max(...marks.ends.map((mark) => mark.wall)) - firstStart,
    scenariosCpuMs: sum(marks.ends.map((end) => end.cpu - marks.starts.find((start) => start.pid === end.pid)!.cpu)),
    cpuMs: sum(marks.ends.map((end) => end.cpu)),
    stdout,
  }
}

interface Mark {
  pid: string
  wall: number
  cpu: number
}

function readMarks(file: string): { starts: Mark[]; ends: Mark[] } {
  const marks = { starts: [] as Mark[], ends: [] as Mark[] }
  if (!existsSync(file)) return marks
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [kind, pid = '', wall, cpu] = line.split(' ')
    const mark = { pid, wall: Number(wall), cpu: Number(cpu) }
    if (kind === 'start') marks.starts.push(mark)
    if (kind === 'end') marks.ends.push(mark)
  }
  rmSync(file)
  return marks
}
