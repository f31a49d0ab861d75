import { parseArgs } from 'node:util'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { toMilliseconds, type DurationInput } from '../../drivers/core/duration-input.ts'
import { checkTagExpression } from '../run/channel-tags.ts'
import { defaultConfigFile } from '../config/config.ts'
import { formatOptionHelp, parseOptions, type OptionSpec } from '../command/options.ts'

/**
 * What the isolation check was asked to do.
 *
 * @example
 *   const options: IsolationOptions = {
 *     config: 'parlance.config.ts',
 *     domains: ['settlement'],
 *     runs: 3,
 *     parallel: 2,
 *     timeoutMs: 600_000,
 *     reports: 'reports/isolation',
 *   }
 */
export interface IsolationOptions {
  config: string
  /** The domains to check, in turn, as given: `all` stands for every domain that has systems. */
  domains: string[]
  runs: number
  parallel: number
  tags?: string
  /** The longest one run may take. */
  timeoutMs: number
  reports: string
}

const specs = {
  domain: {
    type: 'string',
    value: 'NAME',
    description: 'the domain to check, or all; repeatable',
    defaultText: 'settlement',
  },
  config: {
    type: 'string',
    short: 'c',
    value: 'PATH',
    description: 'the config that declares it',
    defaultText: defaultConfigFile,
  },
  runs: { type: 'string', value: 'N', description: 'runs against the same systems', defaultText: '3' },
  parallel: { type: 'string', short: 'p', value: 'N', description: 'worker processes per channel', defaultText: '2' },
  tags: {
    type: 'string',
    short: 't',
    value: 'EXPR',
    description: 'only the scenarios matching a cucumber tag expression',
    defaultText: 'all',
  },
  timeout: { type: 'string', value: 'TIME', description: 'the longest one run may take, e.g. 20m', defaultText: '10m' },
  reports: {
    type: 'string',
    value: 'DIR',
    description: 'reports of run N go to DIR/run-N',
    defaultText: 'reports/isolation',
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const satisfies Record<string, OptionSpec>

/**
 * `npm run acceptance:isolation -- --help`.
 *
 * @example
 *   process.stdout.write(`${isolationHelp}\n`)
 */
export const isolationHelp = `Usage: npm run acceptance:isolation -- [options]

Proves that a domain's suite is isolated: starts the systems the domain needs
ONCE, as npm run acceptance does (same ready checks, fresh {tempDir}s, same
address variables), runs the suite against them N times with
  parlance run --domain <the domain> --parallel N --env remote
(no reset between runs), checks that every run passed, prints the run times
and stops the systems — also on Ctrl-C. Run 1 is what npm run acceptance does
for the suite, except that the systems are started here.

--domain all (or --domain repeated) checks each domain that has systems in
turn, each against systems of its own; the check passes only if every one does.

Options:
${formatOptionHelp(specs)}

Exit codes: 0 every run passed · 1 a run failed · 2 bad usage or config ·
130 interrupted (Ctrl-C) · 143 terminated (SIGTERM)`

/**
 * Turns the check's arguments into options, or throws a ConfigurationError.
 *
 * @example
 *   parseIsolationArgs(['--domain', 'settlement', '--domain', 'load-balancer', '--runs', '2'])
 *   // { config: 'parlance.config.ts', domains: ['settlement', 'load-balancer'], runs: 2, parallel: 2,
 *   //   timeoutMs: 600000, reports: 'reports/isolation' }
 */
export function parseIsolationArgs(args: string[]): IsolationOptions | 'help' {
  const values = parseOptions('npm run acceptance:isolation --', args, specs)
  if (values.help) return 'help'
  const text = (name: keyof typeof specs, fallback: string): string => {
    const value = values[name]
    const spec: OptionSpec = specs[name]
    if (value === '')
      throw new ConfigurationError(`--${name} is empty; give ${spec.value ?? 'a value'}, or leave the option out`)
    return typeof value === 'string' ? value : fallback
  }
  const count = (name: 'runs' | 'parallel', fallback: string): number => {
    const value = text(name, fallback)
    if (!/^[1-9]\d*$/.test(value))
      throw new ConfigurationError(`--${name} is "${value}"; expected a whole number ≥ 1, e.g. --${name} ${fallback}`)
    return Number(value)
  }
  const tags = typeof values.tags === 'string' ? text('tags', '') : undefined
  if (tags !== undefined) checkTagExpression(tags)
  const domains = repeatedDomains(args)
  if (domains.includes('')) throw new ConfigurationError(`--domain is empty; give NAME, or leave the option out`)
  return {
    config: text('config', defaultConfigFile),
    domains: domains.length === 0 ? ['settlement'] : [...new Set(domains)],
    runs: count('runs', '3'),
    parallel: count('parallel', '2'),
    ...(tags === undefined ? {} : { tags }),
    timeoutMs: toMilliseconds(text('timeout', '10m') as DurationInput, '--timeout'),
    reports: text('reports', 'reports/isolation'),
  }
}

// parseOptions keeps the last of a repeated option; --domain may be given once per domain. The arguments are valid by
// now.
function repeatedDomains(args: string[]): string[] {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      { type: spec.type, ...('short' in spec ? { short: spec.short } : {}) },
    ]),
  )
  return (
    parseArgs({ args, options: { ...options, domain: { type: 'string', multiple: true } }, strict: true }).values
      .domain ?? []
  )
}
