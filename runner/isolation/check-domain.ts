import { join } from 'node:path'
import { isProcessAlive } from '../../drivers/core/process-group.ts'
import type { SystemConfig } from '../config/config.ts'
import { startWaves } from '../systems/system-order.ts'
import { startSystems, type RunningSystems } from '../systems/systems.ts'
import type { IsolationOptions } from './isolation-options.ts'
import { formatRunTimes, runProblems, systemsPhrase, verdictLine, type RunRecord } from './isolation-report.ts'
import { startSuiteRun, type RunningSuite, type SuiteRun } from './run-suite.ts'
import type { IsolationSuite } from './select-suite.ts'

/**
 * What the check is doing now, for the abort handler: the suite, its systems
 * (starting, then running) and the run in progress.
 *
 * @example
 *   const progress: CheckProgress = { current: undefined }
 *   progress.current?.run?.running.pid // the process group of the parlance run in progress
 */
export interface CheckProgress {
  current:
    | {
        suite: IsolationSuite
        starting: Promise<RunningSystems>
        systems?: RunningSystems
        run?: { number: number; running: RunningSuite }
      }
    | undefined
}

/**
 * What checking one domain needs besides its suite.
 *
 * @example
 *   import type { LoadedConfig } from '../config/load-config.ts'
 *   declare const options: IsolationOptions, loaded: LoadedConfig, guard: import('../command/abort.ts').AbortGuard
 *   const context: DomainCheckContext = {
 *     options,
 *     configFile: 'parlance.config.ts',
 *     cwd: process.cwd(),
 *     root: loaded.root,
 *     systems: loaded.config.systems ?? {},
 *     say: console.log,
 *     progress: { current: undefined },
 *     aborting: () => guard.aborting,
 *   }
 */
export interface DomainCheckContext {
  options: IsolationOptions
  /** The config file as the printed command lines name it. */
  configFile: string
  cwd: string
  /** The config file's directory. */
  root: string
  systems: Readonly<Record<string, SystemConfig>>
  say: (line: string) => void
  progress: CheckProgress
  /** Once true, the abort handler owns the exit and this check starts nothing more. */
  aborting: () => boolean
}

/**
 * Starts the suite's systems once, as `parlance run` does, runs the suite
 * against them `options.runs` times with no reset, stops them, and prints the
 * run times and the verdict. Resolves to whether every run passed.
 *
 * @example
 *   declare const suite: IsolationSuite, context: DomainCheckContext
 *   const passed = await checkDomain(suite, context)
 *   // isolation: 3 runs against one docker and load-balancer passed
 */
export async function checkDomain(suite: IsolationSuite, context: DomainCheckContext): Promise<boolean> {
  context.say(introLine(suite, context.options))
  // With no address variable set, startSystems starts every system, even one the calling shell points somewhere else.
  const starting = startSystems(suite.systems, context.systems, { root: context.root, remote: false, env: {} })
  const current: Current = { suite, starting }
  context.progress.current = current
  try {
    const systems = await starting
    current.systems = systems
    if (context.aborting()) return await abandoned()
    for (const line of systems.lines) context.say(`isolation: ${line}`)
    const records = await runRepeatedly(current, systems, context)
    return await stopAndJudge(records, suite, systems, context)
  } catch (error) {
    // Systems stopped by the abort handler fail their start; the handler reports and exits.
    if (context.aborting()) return await abandoned()
    throw error
  } finally {
    if (!context.aborting()) {
      await current.systems?.stop()
      context.progress.current = undefined
    }
  }
}

type Current = NonNullable<CheckProgress['current']>

function introLine(suite: IsolationSuite, options: IsolationOptions): string {
  return (
    `isolation: the ${suite.domain} suite (${suite.features.join(', ')}) on ${suite.channels.join(', ')}, ` +
    `${options.runs} run${options.runs === 1 ? '' : 's'} against one ${systemsPhrase(suite.systems)}, ` +
    `with no reset between them`
  )
}

// Runs the suite `options.runs` times against the same systems, or fewer when another run cannot tell more.
async function runRepeatedly(
  current: Current,
  systems: RunningSystems,
  context: DomainCheckContext,
): Promise<RunRecord[]> {
  const watched = systemPids(current.suite.systems, systems, context.systems)
  const records: RunRecord[] = []
  for (let number = 1; number <= context.options.runs; number++) {
    const run = await runOnce(number, current, systems, context)
    const gone = watched.filter(({ pid }) => !isProcessAlive(pid)).map(({ name }) => name)
    const record: RunRecord = { number, run, ...(gone.length > 0 ? { systemsGone: gone } : {}) }
    records.push(record)
    sayOutcome(record, context)
    // Without its systems, or with a config the runner refused, the next run cannot tell anything new.
    if (gone.length > 0 || record.run.code === 2) break
  }
  return records
}

// Prints the command line it amounts to, then runs it; the abort handler finds the run in `current`.
async function runOnce(
  number: number,
  current: Current,
  systems: RunningSystems,
  context: DomainCheckContext,
): Promise<SuiteRun> {
  const { options, say } = context
  const args = runArgs(current.suite, options, context.configFile, number)
  say(runHeading(number, current.suite, options))
  const variables = Object.entries(systems.env).map(([name, value]) => `${name}=${value}`)
  say(`isolation: ${variables.join(' ')} node runner/bin/parlance.mjs ${args.map(quoted).join(' ')}`)
  const env = { ...process.env, ...systems.env }
  current.run = { number, running: startSuiteRun(args, { cwd: context.cwd, env, timeoutMs: options.timeoutMs }) }
  const run = await current.run.running.done
  if (context.aborting()) return await abandoned()
  current.run = undefined
  return run
}

function runHeading(number: number, suite: IsolationSuite, options: IsolationOptions): string {
  const against = systemsPhrase(suite.systems)
  const what =
    number === 1
      ? `what npm run acceptance does for the ${suite.domain} suite, except that this check started ${against}`
      : `the same suite again, against the same ${against}, with no reset`
  return `\nisolation: run ${number} of ${options.runs} — ${what}`
}

function sayOutcome(record: RunRecord, { options, say }: DomainCheckContext): void {
  const problems = runProblems(record, options.timeoutMs)
  const outcome = problems.length === 0 ? 'passed' : `FAILED: ${problems.join('; ')}`
  say(`isolation: run ${record.number} of ${options.runs} ${outcome} (${(record.run.ms / 1000).toFixed(1)} s)`)
}

// Prints the run times, stops the systems and prints the verdict; resolves to whether every run passed.
async function stopAndJudge(
  records: readonly RunRecord[],
  suite: IsolationSuite,
  systems: RunningSystems,
  { options, say }: DomainCheckContext,
): Promise<boolean> {
  // As parlance run's header: a channel with fewer scenarios starts fewer workers.
  say(
    `\nisolation: run times (${options.parallel === 1 ? '1 worker' : `up to ${options.parallel} workers`} per channel)`,
  )
  for (const line of formatRunTimes(records, options.runs, options.timeoutMs)) say(`  ${line}`)
  await systems.stop()
  say(`isolation: ${systemsPhrase(suite.systems)} stopped; reports in ${join(options.reports, 'run-N')}`)
  const verdict = verdictLine(records, options.runs, options.timeoutMs, suite.systems)
  say(verdict)
  return !verdict.startsWith('isolation: FAILED')
}

// Once aborting, the abort handler owns the exit; this flow starts nothing more.
function abandoned(): Promise<never> {
  return new Promise<never>(() => {})
}

// startSystems started every one of them (see above), wave by wave, and lists their pids in that order.
function systemPids(
  names: readonly string[],
  systems: RunningSystems,
  configs: Readonly<Record<string, SystemConfig>>,
): { name: string; pid: number }[] {
  const order = startWaves(names, configs).flat()
  return systems.pids.map((pid, i) => ({ name: order[i] ?? `the system with pid ${pid}`, pid }))
}

function runArgs(suite: IsolationSuite, options: IsolationOptions, configFile: string, number: number): string[] {
  return [
    'run',
    ...['--config', configFile],
    ...['--domain', suite.domain],
    ...['--parallel', String(options.parallel)],
    ...['--env', 'remote'],
    ...['--reports', join(options.reports, `run-${number}`)],
    ...(options.tags === undefined ? [] : ['--tags', options.tags]),
  ]
}

function quoted(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`
}
