import { parseArgs } from 'node:util'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'

/**
 * One command-line option: how it parses and what `--help` says about it.
 *
 * @example
 *   const tags: OptionSpec = {
 *     type: 'string',
 *     value: 'EXPR',
 *     description: 'only scenarios matching EXPR',
 *     defaultText: 'all',
 *   }
 */
export interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
  /** The placeholder shown in help, e.g. `PATH`. */
  value?: string
  description: string
  /** The default, as help shows it. */
  defaultText?: string
}

/**
 * Parses `args` against `specs` with node:util parseArgs; an unknown option,
 * a missing value or a stray argument becomes a ConfigurationError that says
 * what was wrong, suggests the nearest option, and points at `--help`.
 *
 * @example
 *   import { runOptionSpecs } from '../run/run-command.ts'
 *   parseOptions('parlance run', ['--chanels', 'api'], runOptionSpecs)
 *   // ConfigurationError: unknown option --chanels — did you mean --channels? …
 */
export function parseOptions(
  command: string,
  args: string[],
  specs: Readonly<Record<string, OptionSpec>>,
): Record<string, string | boolean | undefined> {
  return parseCommandLine(command, args, specs, { positionals: false }).values
}

/**
 * {@link parseOptions} for a command that also takes arguments, e.g. `parlance merge DIRS...`.
 *
 * @example
 *   import { mergeOptionSpecs } from '../merge/merge-command.ts'
 *   parseCommandLine('parlance merge', ['a', '--out', 'b'], mergeOptionSpecs, { positionals: true })
 *   // { values: { out: 'b' }, positionals: ['a'] }
 */
export function parseCommandLine(
  command: string,
  args: string[],
  specs: Readonly<Record<string, OptionSpec>>,
  { positionals }: { positionals: boolean },
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      { type: spec.type, ...(spec.short ? { short: spec.short } : {}) },
    ]),
  )
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals })
    return { values: parsed.values, positionals: parsed.positionals }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message = error instanceof Error ? error.message : String(error)
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? ''
    const help = `Run ${command} --help for the options.`
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const name = quoted.replace(/^-+/, '').split('=')[0] ?? ''
      const suggestion = nearest(name, Object.keys(specs))
      throw new ConfigurationError(
        `unknown option ${quoted}${suggestion ? ` — did you mean --${suggestion}?` : ''} ${help}`,
        { cause: error },
      )
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new ConfigurationError(`unexpected argument "${quoted}"; ${command} takes only options. ${help}`, {
        cause: error,
      })
    }
    throw new ConfigurationError(`${message.split('. ')[0] ?? message}. ${help}`, { cause: error })
  }
}

/**
 * The options part of `--help`: one line per option with its default.
 *
 * @example
 *   import { runOptionSpecs } from '../run/run-command.ts'
 *   formatOptionHelp(runOptionSpecs)
 *   // '  -c, --config PATH     the config file (default: parlance.config.ts)'
 */
export function formatOptionHelp(specs: Readonly<Record<string, OptionSpec>>): string {
  const heads = Object.entries(specs).map(
    ([name, spec]) => `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`,
  )
  const width = Math.max(...heads.map((head) => head.length)) + 4
  return Object.values(specs)
    .map((spec, i) => {
      const line = `  ${heads[i]!.padEnd(width)}${spec.description}`
      if (!spec.defaultText) return line
      const fallback = `(default: ${spec.defaultText})`
      return line.length + fallback.length < 80 ? `${line} ${fallback}` : `${line}\n${' '.repeat(width + 2)}${fallback}`
    })
    .join('\n')
}
