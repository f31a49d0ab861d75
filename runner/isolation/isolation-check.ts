// `npm run acceptance:isolation`: a domain's systems started once, its suite
// run against them three times with no reset in between; every run must pass.
// That is the proof that aliasing isolates scenarios. `--help` says more.
import { relative } from 'node:path'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { ParlanceError } from '../../drivers/core/errors/parlance-error.ts'
import { onAbort } from '../command/abort.ts'
import { checkDomain, type CheckProgress } from './check-domain.ts'
import { isolationHelp, parseIsolationArgs } from './isolation-options.ts'
import { overallVerdictLine } from './isolation-report.ts'
import { selectSuites } from './select-suite.ts'
import { killCheck, stopCheck } from './stop-check.ts'
import { loadConfig } from '../config/load-config.ts'

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
  const configFile = relative(cwd, loaded.file) || loaded.file
  // Every domain is checked before any system starts: a typo in the second must not cost the first's minutes.
  const suites = selectSuites(loaded, options.domains, configFile)
  const progress: CheckProgress = { current: undefined }
  const guard = onAbort({
    cleanup: async (reason) => say(await stopCheck(progress, reason, options.runs)),
    hardStop: () => killCheck(progress),
    deadlineMs: 30_000,
  })
  try {
    const context = {
      options,
      configFile,
      cwd,
      root: loaded.root,
      systems: loaded.config.systems ?? {},
      say,
      progress,
      aborting: () => guard.aborting,
    }
    const outcomes: { domain: string; passed: boolean }[] = []
    for (const suite of suites) {
      if (outcomes.length > 0) say('')
      outcomes.push({ domain: suite.domain, passed: await checkDomain(suite, context) })
    }
    if (suites.length > 1) say(`\n${overallVerdictLine(outcomes)}`)
    return outcomes.every((outcome) => outcome.passed) ? 0 : 1
  } finally {
    if (!guard.aborting) guard.release()
  }
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
