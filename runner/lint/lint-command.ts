import { existsSync, readFileSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'
import { defaultConfigFile } from '../config/config.ts'
import { loadConfig } from '../config/load-config.ts'
import { formatOptionHelp, type OptionSpec } from '../command/options.ts'
import { findFeatures } from './find-features.ts'
import { formatJson, formatText } from './format-findings.ts'
import { lintSources } from './lint-sources.ts'
import { resolveRuleSettings } from './rule-settings.ts'
import { formatRuleList } from './rules.ts'

const optionSpecs: Readonly<Record<string, OptionSpec>> = {
  config: {
    type: 'string',
    short: 'c',
    value: 'FILE',
    description: 'the config file',
    defaultText: `${defaultConfigFile}, if there is one`,
  },
  format: { type: 'string', value: 'FORMAT', description: 'text or json', defaultText: 'text' },
  'list-rules': { type: 'boolean', description: 'list the rules, their default severity and what they flag' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
}

/**
 * `parlance lint --help`.
 *
 * @example
 *   lintHelp.startsWith('Usage: parlance lint [PATHS...]') // true
 */
export const lintHelp = `Usage: parlance lint [PATHS...] [options]

Checks feature files for specs that say how instead of what: UI words and
transport phrases (in the file's # language: en, fr, de, es; English for any
other), selectors, scenarios outside a Rule, Features without @story, long
scenarios, literal data that bypasses aliasing, duplicate scenario names.
PATHS are files, folders or globs (default: the features of every domain in
the config, else specs). Prints file:line:col rule-id message, the count per
rule and the total; exits 1 on an error, 0 on warnings only, 2 on a usage or
configuration error. When no Feature linted has a @story tag (adoption mode),
the missing stories and Rules are one line per file.

Turn rules off in a file with a comment:
  # parlance-lint-disable rule-id[, rule-id]            (the whole file)
  # parlance-lint-disable-next-line rule-id[, rule-id]  (the next line)
and configure them in the config's lint.rules, e.g. { 'long-scenario': { options: { maxSteps: 12 } } };
lint.glossary names the domain's words that look like UI words, e.g. ['menu taxon', 'header image'].
See docs/definition-of-done.md, "Lint".

Options:
${formatOptionHelp(optionSpecs)}`

/**
 * Where `lintCommand` runs and writes; tests pass their own.
 *
 * @example
 *   const out: string[] = []
 *   await lintCommand(['specs'], { cwd: 'runner/lint/fixtures', stdout: (text) => out.push(text) })
 */
export interface LintIo {
  cwd?: string
  stdout?: (text: string) => void
  stderr?: (text: string) => void
}

/**
 * `parlance lint [PATHS...] [--config FILE] [--format text|json] [--list-rules]`:
 * prints the findings and returns the exit code — 1 on any error finding, 0
 * otherwise, 2 on a usage or configuration error (printed to stderr).
 *
 * @example
 *   process.exitCode = await lintCommand(['specs/settlement'])
 *   await lintCommand(['--list-rules']) // prints the rules, 0
 */
export async function lintCommand(args: string[], io: LintIo = {}): Promise<number> {
  const cwd = io.cwd ?? process.cwd()
  const stdout = io.stdout ?? ((text: string) => process.stdout.write(text))
  const stderr = io.stderr ?? ((text: string) => process.stderr.write(text))
  try {
    const { values, positionals } = parseLintArgs(args)
    if (values.help) return (stdout(`${lintHelp}\n`), 0)
    if (values['list-rules']) return (stdout(`${formatRuleList()}\n`), 0)
    const format = values.format ?? 'text'
    if (format !== 'text' && format !== 'json') {
      throw new ConfigurationError(
        `--format is "${format}"; expected text or json. Run parlance lint --help for the options.`,
      )
    }
    const configPath = values.config
    const loaded =
      configPath !== undefined || existsSync(resolve(cwd, defaultConfigFile))
        ? await loadConfig(configPath, cwd)
        : undefined
    const settings = resolveRuleSettings(
      loaded?.config.lint,
      loaded ? relative(cwd, loaded.file) || loaded.file : 'the config',
    )
    const files =
      positionals.length > 0
        ? findFeatures(positionals, cwd)
        : loaded
          ? findFeatures(
              Object.values(loaded.config.domains).flatMap((domain) => domain.features),
              loaded.root,
            )
          : findFeatures(['specs'], cwd)
    if (files.length === 0) {
      throw new ConfigurationError(
        `lint: no feature files in ` +
          `${positionals.length > 0 ? positionals.join(', ') : 'the domains of the config'}; pass the files or ` +
          `folders to lint`,
      )
    }
    const sources = files.map((file) => ({
      file: relative(cwd, file).split(sep).join('/') || file,
      text: readFileSync(file, 'utf8'),
    }))
    const findings = lintSources(sources, settings)
    stdout(`${format === 'json' ? formatJson(findings, files.length) : formatText(findings, files.length)}\n`)
    return findings.some((finding) => finding.severity === 'error') ? 1 : 0
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error
    stderr(`parlance lint: ${error.message}\n`)
    return 2
  }
}

function parseLintArgs(args: string[]): {
  values: { config?: string; format?: string; 'list-rules'?: boolean; help?: boolean }
  positionals: string[]
} {
  const options = Object.fromEntries(
    Object.entries(optionSpecs).map(([name, spec]) => [
      name,
      { type: spec.type, ...(spec.short ? { short: spec.short } : {}) },
    ]),
  )
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true }) as ReturnType<typeof parseLintArgs>
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? ''
    const name = quoted.replace(/^-+/, '').split('=')[0] ?? ''
    const suggestion =
      (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? nearest(name, Object.keys(optionSpecs))
        : undefined
    const what =
      (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option ${quoted}`
        : (message.split('. ')[0] ?? message)
    throw new ConfigurationError(
      `${what}${suggestion ? ` — did you mean --${suggestion}?` : ''}. Run parlance lint --help for the options.`,
      { cause: error },
    )
  }
}
