// `npm run acceptance:isolation`: one settlement engine, the same suite run
// against it three times with no reset in between; every run must pass.
// That is the proof that aliasing isolates scenarios. `--help` says more.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { ConfigurationError } from '../drivers/core/errors/configuration-error.ts'
import { ParlanceError } from '../drivers/core/errors/parlance-error.ts'
import { signalGroup } from '../drivers/core/process-group.ts'
import { superviseProcess, type ExitInfo, type SupervisedProcess } from '../drivers/core/process-supervisor.ts'
import { engineProcessSpec } from '../drivers/settlement/engine-process/engine-command.ts'
import { onAbort } from './abort.ts'
import { isolationHelp, parseIsolationArgs, type IsolationOptions } from './isolation/isolation-options.ts'
import { formatRunTimes, runProblems, verdictLine, type RunRecord } from './isolation/isolation-report.ts'
import { startSuiteRun, type RunningSuite } from './isolation/run-suite.ts'
import { addressEnv, selectSuite, type IsolationSuite } from './isolation/select-suite.ts'
import { loadConfig } from './load-config.ts'

const say = (line: string): void => void process.stdout.write(`${line}\n`)
// A reader that went away (`| head`) must not turn into a crash that cuts the cleanup short.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
})

async function main(args: string[]): Promise<number> {
  const options = parseIsolationArgs(args)
  if (options === 'help') {
    say(isolationHelp)
    return 0
  }
  const cwd = process.cwd()
  const loaded = await loadConfig(options.config, cwd)
  const configShown = relative(cwd, loaded.file) || loaded.file
  const suite = selectSuite(loaded, options.domain, configShown)
  say(
    `isolation: the ${suite.domain} suite (${suite.features.join(', ')}) on ${suite.channels.join(', ')}, ` +
      `${options.runs} run${options.runs === 1 ? '' : 's'} against one settlement engine, with no reset between them`,
  )
  return checkAgainstOneEngine(suite, options, configShown, cwd)
}

async function checkAgainstOneEngine(suite: IsolationSuite, options: IsolationOptions, configFile: string, cwd: string): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parlance-isolation-'))
  const engine = superviseProcess(engineProcessSpec({ name: 'settlement-engine', port: 0, dataDir }))
  let current: { number: number; running: RunningSuite } | undefined
  let stopping = false
  const stopEngine = async (): Promise<void> => {
    stopping = true
    try {
      await engine.stop()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  const guard = onAbort({
    cleanup: async (reason) => {
      const during = current ? ` during run ${current.number} of ${options.runs}` : ''
      await Promise.all([current?.running.interrupt(), stopEngine()])
      say(`isolation: ${'signal' in reason ? `interrupted by ${reason.signal}` : 'crashed'}${during}; the runner and the engine were stopped`)
    },
    hardStop: () => {
      if (current) signalGroup(current.running.pid, 'SIGKILL')
      if (engine.pid !== undefined) signalGroup(engine.pid, 'SIGKILL')
      rmSync(dataDir, { recursive: true, force: true })
    },
    deadlineMs: 30_000,
  })
  // Once aborting, the abort handler owns the exit; this flow starts nothing more.
  const abandoned = (): Promise<never> => new Promise<never>(() => {})
  try {
    const { address = '', pid } = await engine.start()
    if (guard.aborting) return await abandoned()
    say(`isolation: settlement engine started at ${address} (pid ${pid}, data directory ${dataDir})`)
    let engineExit: ExitInfo | undefined
    engine.onExit((exit) => {
      if (!stopping) engineExit ??= exit
    })
    const addresses = addressEnv(suite.addressVariables, address)
    const records: RunRecord[] = []
    for (let number = 1; number <= options.runs; number++) {
      const args = runArgs(suite, options, configFile, number)
      say(`\nisolation: run ${number} of ${options.runs} — ${number === 1 ? `what npm run acceptance does for the ${suite.domain} suite, except that this check started the engine` : 'the same suite again, against the same engine, with no reset'}`)
      say(`isolation: ${Object.entries(addresses).map(([name, value]) => `${name}=${value}`).join(' ')} node runner/bin/parlance.mjs ${args.map(quoted).join(' ')}`)
      current = { number, running: startSuiteRun(args, { cwd, env: { ...process.env, ...addresses }, timeoutMs: options.timeoutMs }) }
      const run = await current.running.done
      if (guard.aborting) return await abandoned()
      current = undefined
      const record: RunRecord = { number, run, ...(engineExit ? { engineExit } : {}) }
      records.push(record)
      const problems = runProblems(record, options.timeoutMs)
      say(`isolation: run ${number} of ${options.runs} ${problems.length === 0 ? 'passed' : `FAILED: ${problems.join('; ')}`} (${(run.ms / 1000).toFixed(1)} s)`)
      // Without the engine, or with a config the runner refused, the next run cannot tell anything new.
      if (engineExit || run.code === 2) break
    }
    if (engineExit) say(`isolation: the engine's last lines:\n${engine.lastLines().map((line) => `  ${line}`).join('\n')}`)
    say(`\nisolation: run times (${options.parallel} worker${options.parallel === 1 ? '' : 's'} per channel)`)
    for (const line of formatRunTimes(records, options.runs, options.timeoutMs)) say(`  ${line}`)
    await stopEngine()
    say(`isolation: settlement engine stopped; reports in ${join(options.reports, 'run-N')}`)
    const verdict = verdictLine(records, options.runs, options.timeoutMs)
    say(verdict)
    return verdict.startsWith('isolation: FAILED') ? 1 : 0
  } finally {
    if (!guard.aborting) {
      await stopEngine()
      guard.release()
    }
  }
}

function runArgs(suite: IsolationSuite, options: IsolationOptions, configFile: string, number: number): string[] {
  return [
    'run',
    ...['--config', configFile],
    ...['--channels', suite.channels.join(',')],
    ...['--parallel', String(options.parallel)],
    ...['--env', 'remote'],
    ...['--reports', join(options.reports, `run-${number}`)],
    ...(options.tags === undefined ? [] : ['--tags', options.tags]),
  ]
}

function quoted(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`
}

function describe(error: unknown): string {
  // Parlance's errors are written for people; anything else is a bug, and its stack helps.
  if (error instanceof ParlanceError) return error.message
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}

const code = await main(process.argv.slice(2)).catch((error: unknown) => {
  say(`isolation: FAILED — ${describe(error)}`)
  return error instanceof ConfigurationError ? 2 : 1
})
process.exitCode = code
// A handle left open must not keep the check from ending.
setTimeout(() => process.exit(code), 2_000).unref()
