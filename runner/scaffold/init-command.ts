import { existsSync, mkdirSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { formatOptionHelp, parseCommandLine, type OptionSpec } from '../command/options.ts'
import type { GeneratedFile } from './domain-files.ts'
import { domainNames, type DomainNames } from './domain-names.ts'
import type { ScaffoldIo } from './new-command.ts'
import { wrap, writtenFiles } from './next-steps.ts'
import { renderTemplate } from './render-template.ts'
import { parseScaffoldChannels, scaffoldDomain } from './scaffold-domain.ts'

/**
 * The options of `parlance init`, in the order `--help` shows them.
 *
 * @example
 *   initOptionSpecs.domain.defaultText // 'shop'
 */
export const initOptionSpecs = {
  domain: { type: 'string', value: 'NAME', description: "the first domain's name", defaultText: 'shop' },
  channels: {
    type: 'string',
    value: 'LIST',
    description: 'its channels, comma-separated: api, ui (Chromium)',
    defaultText: 'api',
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const satisfies Record<string, OptionSpec>

/**
 * `parlance init --help`.
 *
 * @example
 *   process.stdout.write(`${initHelp}\n`)
 *   initHelp.startsWith('Usage: parlance init [DIR] [options]') // true
 */
export const initHelp = `Usage: parlance init [DIR] [options]

Makes a new project that uses Parlance in DIR (default: this folder), which
must be empty (a .git folder may be there already): package.json (Parlance as
a file: dependency on this copy of it), parlance.config.ts, cucumber.js,
tsconfig.json, Parlance's hooks in specs/support/, a stub system under system/
(items in stock and orders, in memory, on 127.0.0.1) and one domain made as
parlance new domain makes it, against the stub. npm install && npx parlance
run then passes, and the gate is green.

Options:
${formatOptionHelp(initOptionSpecs)}

It never writes into a folder that holds anything: to add a domain to a
project, use parlance new domain NAME.

Exit codes: 0 made · 2 bad usage, or DIR is not empty (nothing written)`

const parlanceRoot = realpathSync(fileURLToPath(new URL('../..', import.meta.url)))

/**
 * `parlance init [DIR] [--domain NAME] [--channels api,ui]`: makes the
 * project, prints what it wrote and what to do next, returns 0; a problem is
 * a ConfigurationError (exit 2) and nothing is written.
 *
 * @example
 *   process.exitCode = await initCommand(['acceptance', '--domain', 'orders'])
 */
export async function initCommand(args: string[], io: ScaffoldIo = {}): Promise<number> {
  const cwd = io.cwd ?? process.cwd()
  const stdout = io.stdout ?? ((text: string) => process.stdout.write(text))
  const { values, positionals } = parseCommandLine('parlance init', args, initOptionSpecs, { positionals: true })
  if (values.help) return (stdout(`${initHelp}\n`), 0)
  if (positionals.length > 1)
    throw new ConfigurationError(`unexpected argument "${positionals[1]}"; parlance init takes one folder, DIR`)
  const dir = resolve(cwd, positionals[0] ?? '.')
  checkEmpty(dir)
  const names = domainNames(typeof values.domain === 'string' ? values.domain : 'shop')
  const channels = parseScaffoldChannels(typeof values.channels === 'string' ? values.channels : 'api')
  const files = projectFiles(dir, names, channels)
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true })
    writeFileSync(join(dir, file.path), file.text)
  }
  const config = files.find((file) => file.path === 'parlance.config.ts')!
  const domain = scaffoldDomain(
    {
      root: dir,
      configFile: config.path,
      configText: config.text,
      domains: [],
      systemFor: () => ({ name: 'stub', addAddress: true }),
      unitTests: 'node',
      browserChannels: channels.includes('ui') ? ['ui'] : [],
    },
    names.name,
    channels,
    { skipConfig: false },
  )
  const where = relative(cwd, dir)
  const next = [
    ...(where === '' ? [] : [`cd ${where}`]),
    `npm install && npx parlance run   the ${names.name} scenarios, against the stub: Gate: GREEN`,
    "npm run unit                      the DSL's unit test, on an in-memory driver",
  ]
  const then = wrap(
    `Then write your next scenario in specs/${names.name}/${names.name}.feature, in your domain's words, and ` +
      'change its steps, DSL and drivers to match. Point systems.stub in parlance.config.ts at your own system. ' +
      'parlance new domain NAME adds another domain.',
  )
  stdout(
    `Made a Parlance project in ${dir}:\n${writtenFiles([...files, ...domain.files], [])}\n\n` +
      `Next:\n${next.map((line) => `  ${line}\n`).join('')}\n${then.join('\n')}\n`,
  )
  return 0
}

function checkEmpty(dir: string): void {
  if (!existsSync(dir)) return
  if (!statSync(dir).isDirectory())
    throw new ConfigurationError(`${dir} is a file; give a folder to make the project in`)
  const entries = readdirSync(dir)
    .filter((entry) => entry !== '.git')
    .sort()
  if (entries.length === 0) return
  const shown = entries.length > 5 ? [...entries.slice(0, 5), `${entries.length - 5} more`] : entries
  const holds = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`
  throw new ConfigurationError(
    `${dir} is not empty: it holds ${holds}. parlance init makes a new project in an empty folder: give ` +
      'another (parlance init DIR), or add a domain to this project with parlance new domain NAME',
  )
}

function projectFiles(dir: string, names: DomainNames, channels: readonly string[]): GeneratedFile[] {
  const template = (path: string, what: string, values: Record<string, string> = {}): GeneratedFile => ({
    path,
    text: renderTemplate(`project/${path === '.gitignore' ? 'gitignore' : path}.tmpl`, values),
    what,
  })
  return [
    { path: 'package.json', text: packageJson(dir), what: `Parlance (file:${parlanceRoot}) and the scripts` },
    template('parlance.config.ts', `the stub system and the ${names.name} domain`, {
      channelSettings: channels.includes('ui')
        ? '  // The ui drivers use Chromium: found before the channel runs, and steps may take 60 s.\n' +
          '  channels: { ui: { browser: true } },\n'
        : '',
    }),
    template('cucumber.js', 'for plain cucumber-js (npm run cucumber) and editors', { ...names }),
    template('tsconfig.json', 'for the editor and tsc'),
    template('.gitignore', 'node_modules and reports'),
    template('specs/support/parlance.ts', "Parlance's hooks and World, shared by every domain"),
    template('system/stub.mjs', 'the stub system: items in stock and orders, in memory'),
  ]
}

function packageJson(dir: string): string {
  const name = basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '')
  const unit = 'node --import parlance/register --test dsl/*/*.test.ts'
  const project = {
    name: name || 'acceptance-tests',
    private: true,
    type: 'module',
    scripts: {
      acceptance: 'parlance run',
      unit,
      test: 'npm run unit && npm run acceptance',
      lint: 'parlance lint',
      cucumber: 'node node_modules/parlance/runner/scaffold/cucumber-js.mjs',
    },
    dependencies: { parlance: `file:${parlanceRoot}` },
  }
  return `${JSON.stringify(project, null, 2)}\n`
}
