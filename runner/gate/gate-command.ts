import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { defaultConfigFile, type DomainConfig } from '../config/config.ts'
import { loadConfig } from '../config/load-config.ts'
import type { GateConfig } from './gate-config.ts'
import { gateExitCodes, runGate } from './run-gate.ts'

/**
 * `parlance gate --help`.
 *
 * @example
 *   gateHelp.startsWith('Usage: parlance gate') // true
 */
export const gateHelp = `Usage: parlance gate [RESULTS...] [options]

Reads the runs' cucumber messages and decides whether the stories are done.
Green only if every acceptance criterion (Rule) of every story (@story:ID
Feature) in the results has a scenario; every scenario passed on every channel
required for it; nothing is undefined, pending, ambiguous, skipped without a
not-applicable reason, or flaky; and every run finished without a failed
BeforeAll/AfterAll hook. Prints a story × criterion × channel table and the
reasons for red.

RESULTS are message files (*.ndjson) or directories holding them, searched
two levels down, or NAME=FILE: the run of channel NAME. Default: reports (or
the config's reports directory). With a config, each domain's stories are
shown on its own channels. A run's channel is, first of these that says: its
NAME=FILE; --channel; the channel Parlance's outcome attachments in the
messages name; <channel>/messages.ndjson, the layout parlance run writes. A
single run nothing names is named after what made it (cucumber-js); several
are an error until each is named: parlance gate api=a.ndjson ui=b.ndjson.

Scenarios a run did not select (--tags, @channel, a subset of the feature
files) are listed "(not in this run)", never red: those of the feature files
the messages hold, and with --features those of every feature file given.

Options:
  --allow-flaky     let scenarios that passed only on a retry through
                    (they are still listed)
  --reports DIR     write dod.md (for a merge request), dod.html (the definition
                    of done as a page), junit.xml, report.html and merged.ndjson
                    to DIR
  --config PATH     the config file whose gate.required says which channels
                    a tag's scenarios must pass on (default: ${defaultConfigFile},
                    if there is one)
  --channel NAME    the channel of the one message file given (default: as
                    above)
  --features PATH   feature files, or a directory of them, the run was made
                    from: their scenarios no run has are not in this run;
                    repeat for more
  -h, --help        show this help

Exit codes: 0 green, 1 red, 2 could not judge (no results, unreadable input,
bad options). Output closed early (| head) ends it quietly and changes none
of them.`

/**
 * \`parlance gate [RESULTS...] [--allow-flaky] [--reports DIR] [--config FILE] [--channel NAME] [--features PATH]\`:
 * prints to stdout and returns the exit code.
 *
 * @example
 *   await gateCommand(['reports', '--reports', 'reports']) // 0, 1 or 2
 */
export async function gateCommand(args: string[]): Promise<number> {
  const out = (line: string): void => void process.stdout.write(`${line}\n`)
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'allow-flaky': { type: 'boolean' },
        reports: { type: 'string' },
        config: { type: 'string' },
        channel: { type: 'string' },
        features: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    out(`parlance gate: ${(error as Error).message.split('. ')[0] ?? ''}. Run parlance gate --help for the options.`)
    return gateExitCodes.couldNotJudge
  }
  const { values, positionals } = parsed
  if (values.help) {
    out(gateHelp)
    return gateExitCodes.green
  }
  let config: GateConfig | undefined
  let domainConfigs: Record<string, DomainConfig> | undefined
  let inputs = positionals
  const cwd = process.cwd()
  if (values.config !== undefined || existsSync(resolve(cwd, defaultConfigFile))) {
    try {
      const loaded = await loadConfig(values.config, cwd)
      config = loaded.config.gate
      domainConfigs = loaded.config.domains
      if (inputs.length === 0) inputs = [resolve(loaded.root, loaded.config.reports ?? 'reports')]
    } catch (error) {
      out(`parlance gate: ${(error as Error).message}`)
      return gateExitCodes.couldNotJudge
    }
  }
  return runGate(
    {
      inputs,
      allowFlaky: values['allow-flaky'] === true,
      ...(values.channel !== undefined ? { channel: values.channel } : {}),
      ...(values.features ? { features: values.features } : {}),
      ...(values.reports ? { reportsDir: values.reports } : {}),
      ...(config ? { config } : {}),
      ...(domainConfigs ? { domainConfigs } : {}),
    },
    out,
  )
}
