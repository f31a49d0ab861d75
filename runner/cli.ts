import chalk from 'chalk'
import { ConfigurationError } from '../drivers/core/errors/configuration-error.ts'
import { ParlanceError } from '../drivers/core/errors/parlance-error.ts'
import { maskSecrets } from '../drivers/core/mask-secrets.ts'
import { nearest } from '../drivers/core/nearest.ts'

/**
 * The exit code of a usage or configuration error.
 *
 * @example
 *   declare const error: unknown
 *   const code = error instanceof ConfigurationError ? usageExitCode : 1
 */
export const usageExitCode = 2

/**
 * The commands of `parlance`: a summary line for `--help`, and how to run one.
 *
 * @example
 *   await commands.run?.execute(['--channels', 'api']) // 0
 */
export const commands: Readonly<Record<string, { summary: string; execute: (args: string[]) => Promise<number> }>> = {
  // Each command's modules load when it runs: `parlance run` need not wait for lint's, merge's or the scaffold's.
  run: {
    summary: 'start the systems, run the specs on every channel, report',
    execute: async (args) => (await import('./run/run-command.ts')).runCommand(args),
  },
  gate: {
    summary: 'judge the results: every story criterion covered and passed on its channels',
    execute: async (args) => (await import('./gate/index.ts')).gateCommand(args),
  },
  merge: {
    summary: "join the shards' reports into one and judge them",
    execute: async (args) => (await import('./merge/index.ts')).mergeCommand(args),
  },
  lint: {
    summary: 'check the specs say what, not how (UI and transport words, selectors, structure)',
    execute: async (args) => (await import('./lint/index.ts')).lintCommand(args),
  },
  init: {
    summary: 'make a new project in an empty folder: a stub system and one domain, green',
    execute: async (args) => (await import('./scaffold/init-command.ts')).initCommand(args),
  },
  new: {
    summary: 'add a domain: a feature, its step glue, DSL, unit test and drivers',
    execute: async (args) => (await import('./scaffold/new-command.ts')).newCommand(args),
  },
}

/**
 * `parlance --help`.
 *
 * @example
 *   process.stdout.write(`${mainHelp}\n`)
 *   mainHelp.startsWith('Usage: parlance <command>') // true
 */
export const mainHelp = `Usage: parlance <command> [options]

Acceptance tests for continuous delivery: Gherkin specs, a domain language,
protocol drivers and aliasing.

Commands:
${Object.entries(commands)
  .map(([name, { summary }]) => `  ${name.padEnd(10)}${summary}`)
  .join('\n')}

Options:
  -h, --help    show this help; parlance <command> --help shows a command's options

Run parlance run --help for the options of a run.

Output closed early (parlance gate | head) ends every command quietly: run
stops its workers and systems and exits 141; the others finish their work
and keep their exit code.`

/**
 * The `parlance` command line: dispatches to a command and turns errors into
 * messages and exit codes (2 for usage and configuration errors, 1 otherwise).
 *
 * @example
 *   process.exitCode = await main(process.argv.slice(2))
 *   await main(['rnu']) // prints 'parlance: unknown command "rnu" — did you mean "run"? …', returns 2
 */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const out = name === undefined ? process.stderr : process.stdout
    out.write(`${mainHelp}\n`)
    return name === undefined ? usageExitCode : 0
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!command) {
    const suggestion = nearest(name.replace(/^-+/, ''), Object.keys(commands))
    const what = name.startsWith('-') ? `unknown option ${name}` : `unknown command "${name}"`
    const hint =
      `${suggestion ? ` — did you mean "${suggestion}"?` : ''} Commands: ${Object.keys(commands).join(', ')}. ` +
      `Run parlance --help for more.`
    return fail('parlance', new ConfigurationError(what + hint))
  }
  try {
    return await command.execute(rest)
  } catch (error) {
    return fail(`parlance ${name}`, error)
  }
}

function fail(prefix: string, error: unknown): number {
  process.stderr.write(`${chalk.red(`${prefix}: ${describe(error)}`)}\n`)
  return error instanceof ConfigurationError ? usageExitCode : 1
}

function describe(error: unknown): string {
  // Parlance's errors are written for people; anything else is a bug, and its stack helps.
  if (error instanceof ParlanceError) return maskSecrets(error.message)
  return maskSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))
}
