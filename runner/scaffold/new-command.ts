import { existsSync, readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { formatOptionHelp, parseCommandLine, type OptionSpec } from '../command/options.ts'
import { defaultConfigFile } from '../config/config.ts'
import { loadConfig } from '../config/load-config.ts'
import { nextSteps, writtenFiles } from './next-steps.ts'
import { parseScaffoldChannels, scaffoldDomain, type ProjectFacts } from './scaffold-domain.ts'

/**
 * The options of `parlance new domain`, in the order `--help` shows them.
 *
 * @example
 *   newOptionSpecs.channels.defaultText // 'api'
 */
export const newOptionSpecs = {
  channels: {
    type: 'string',
    value: 'LIST',
    description: 'its channels, comma-separated: api, ui (Chromium)',
    defaultText: 'api',
  },
  config: { type: 'string', short: 'c', value: 'PATH', description: 'the config file', defaultText: defaultConfigFile },
  'skip-config': { type: 'boolean', description: 'write the files only; leave the config as it is' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const satisfies Record<string, OptionSpec>

/**
 * `parlance new --help`.
 *
 * @example
 *   process.stdout.write(`${newHelp}\n`)
 *   newHelp.startsWith('Usage: parlance new domain NAME [options]') // true
 */
export const newHelp = `Usage: parlance new domain NAME [options]

Adds a domain to the project whose config is in this folder, green from the
start: a feature with a @story and a Rule per acceptance criterion, its step
glue (one DSL call per step), a DSL class with declared parameters and its unit
test on an in-memory driver, the driver interface, an api driver (and a ui
driver with --channels api,ui), and its entry in the config's domains. The
example is items in stock and orders against them: rewrite it in your domain's
words. NAME is lower-case letters, digits and hyphens, e.g. orders.

Options:
${formatOptionHelp(newOptionSpecs)}

The domain's drivers find the system in NAME_URL (ORDER_HISTORY_URL for
order-history). Its scenarios run against the system of the config whose env
sets that variable; else against the stub that parlance init made, whose env
gets the variable; else against none until you declare one (the next steps
say how). The unit test is a vitest test when the project's package.json has
vitest, else a node:test one (node --import parlance/register --test).
It never overwrites a file, and writes nothing when anything is wrong.

Exit codes: 0 written · 2 bad usage, a domain or file that exists, or no
place for the entry in the config (what to paste is printed; nothing written)`

/**
 * Where `newCommand` runs and what it prints to; tests pass their own.
 *
 * @example
 *   const out: string[] = []
 *   const io: ScaffoldIo = { cwd: '/tmp/shop', stdout: (text) => out.push(text) }
 */
export interface ScaffoldIo {
  cwd?: string
  stdout?: (text: string) => void
}

/**
 * `parlance new domain NAME [--channels api,ui] [--config PATH] [--skip-config]`:
 * writes the domain, prints what it wrote and what to do next, returns 0; a
 * problem is a ConfigurationError (exit 2).
 *
 * @example
 *   process.exitCode = await newCommand(['domain', 'orders', '--channels', 'api,ui'])
 */
export async function newCommand(args: string[], io: ScaffoldIo = {}): Promise<number> {
  const cwd = io.cwd ?? process.cwd()
  const stdout = io.stdout ?? ((text: string) => process.stdout.write(text))
  const { values, positionals } = parseCommandLine('parlance new', args, newOptionSpecs, { positionals: true })
  if (values.help) return (stdout(`${newHelp}\n`), 0)
  const [kind, name, ...extra] = positionals
  if (kind !== 'domain') {
    throw new ConfigurationError(
      `${kind === undefined ? 'say what to make' : `cannot make a "${kind}"`}: parlance new makes a domain, ` +
        'e.g. parlance new domain orders --channels api,ui',
    )
  }
  if (name === undefined)
    throw new ConfigurationError("give the domain's name, e.g. parlance new domain orders --channels api,ui")
  if (extra.length > 0)
    throw new ConfigurationError(`unexpected argument "${extra[0]}"; parlance new domain makes one domain at a time`)
  const channels = parseScaffoldChannels(typeof values.channels === 'string' ? values.channels : 'api')
  const project = await readProject(cwd, typeof values.config === 'string' ? values.config : undefined)
  const written = scaffoldDomain(project, name, channels, { skipConfig: values['skip-config'] === true })
  stdout(
    `Wrote the ${name} domain in ${project.root}:\n` +
      writtenFiles(written.files, written.configEdited ? [[project.configFile, configChange(written)]] : []) +
      `\n\n${nextSteps(project, written)}\n`,
  )
  return 0
}

function configChange({ names, system }: ReturnType<typeof scaffoldDomain>): string {
  const domain = `the ${names.name} domain`
  return system?.addAddress ? `${domain}, and ${names.urlVariable} in the ${system.name} system's env` : domain
}

/**
 * What the scaffold needs to know of the project at `cwd`: its config (loaded,
 * so its domains and systems are the ones `parlance run` sees) and whether
 * its package.json has vitest.
 *
 * @example
 *   const project = await readProject('/work/shop', undefined)
 *   project.domains // ['shop']
 */
export async function readProject(cwd: string, configPath: string | undefined): Promise<ProjectFacts> {
  const file = resolve(cwd, configPath ?? defaultConfigFile)
  if (!existsSync(file)) {
    throw new ConfigurationError(
      configPath === undefined
        ? `no ${defaultConfigFile} in ${cwd}: run parlance new in a project's folder, or make a project with ` +
            'parlance init'
        : `--config: no config file at ${configPath}; check the path (it is relative to ${cwd})`,
    )
  }
  const { config, root } = await loadConfig(file, cwd)
  const systems = Object.entries(config.systems ?? {})
  const packageFile = resolve(root, 'package.json')
  return {
    root,
    configFile: relative(root, file),
    configText: readFileSync(file, 'utf8'),
    domains: Object.keys(config.domains),
    systemFor: (urlVariable) => {
      const sets = systems.find(([, system]) => Object.hasOwn(system.env ?? {}, urlVariable))
      if (sets) return { name: sets[0], addAddress: false }
      return systems.some(([systemName]) => systemName === 'stub') ? { name: 'stub', addAddress: true } : undefined
    },
    unitTests: existsSync(packageFile) && hasVitest(readFileSync(packageFile, 'utf8')) ? 'vitest' : 'node',
    browserChannels: Object.entries(config.channels ?? {}).flatMap(([channel, { browser }]) =>
      browser ? [channel] : [],
    ),
  }
}

function hasVitest(packageJson: string): boolean {
  const { dependencies, devDependencies } = JSON.parse(packageJson) as Record<string, Record<string, string>>
  return Object.hasOwn({ ...dependencies, ...devDependencies }, 'vitest')
}
