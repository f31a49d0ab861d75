import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'
import chalk from 'chalk'
import type { Envelope } from '@cucumber/messages'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { formatOptionHelp, parseCommandLine, type OptionSpec } from '../command/options.ts'
import { timingsFile } from '../shard/record-timings.ts'
import { mergeTimings, readTimingsOrNone, timingsFromMessages, writeTimings, type Timings } from '../shard/timings.ts'
import { judgeMerged } from './judge-merged.ts'
import { defaultConfigFile } from '../config/config.ts'
import { loadConfig } from '../config/load-config.ts'
import { joinShards } from './join-shards.ts'
import { readMessages } from './read-messages.ts'

/**
 * The options of `parlance merge`, in the order `--help` shows them.
 *
 * @example
 *   mergeOptionSpecs.out.defaultText // 'reports'
 */
export const mergeOptionSpecs = {
  out: { type: 'string', short: 'o', value: 'DIR', description: 'where the merged reports go', defaultText: 'reports' },
  'allow-flaky': { type: 'boolean', description: 'let the gate pass a scenario that passed only on a retry' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const satisfies Record<string, OptionSpec>

/**
 * `parlance merge --help`.
 *
 * @example
 *   process.stdout.write(`${mergeHelp}\n`)
 */
export const mergeHelp = `Usage: parlance merge [DIRS...] [options]

Joins the reports of the shards of one run (parlance run --shard I/N) into the
reports of one run, and gives one gate verdict on them. DIRS are the shards'
reports directories (default: every reports/shard-*-of-* directory); each
channel's DIR/<channel>/messages.ndjson are joined into OUT/<channel>/
messages.ndjson: sources, pickles and step definitions once, every id
renumbered so the shards' ids cannot collide, one test run that succeeded only
if every shard's did. OUT/timings.json gets the durations for the next --shard.
Then parlance gate judges OUT and writes its reports there.

Options:
${formatOptionHelp(mergeOptionSpecs)}

Exit codes: 0 the gate is green · 1 it is red · 2 bad usage, unreadable or
mismatched shards, or the gate could not judge`

/**
 * Runs `parlance merge` with its arguments; resolves to the exit code (the gate's).
 *
 * @example
 *   process.exitCode = await mergeCommand(['reports/shard-1-of-2', 'reports/shard-2-of-2', '--out', 'reports/merged'])
 */
export async function mergeCommand(
  args: string[],
  cwd = process.cwd(),
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  const { values, positionals } = parseCommandLine('parlance merge', args, mergeOptionSpecs, { positionals: true })
  if (values.help) {
    out(mergeHelp)
    return 0
  }
  if (values.out === '') throw new ConfigurationError('--out is empty; give DIR, or leave the option out for reports/')
  const outDir = resolve(cwd, typeof values.out === 'string' ? values.out : 'reports')
  const dirs =
    positionals.length > 0 ? positionals.map((dir) => resolve(cwd, dir)) : shardDirectories(resolve(cwd, 'reports'))
  if (dirs.length === 0)
    throw new ConfigurationError(
      `no shard reports to merge: reports/ has no shard-I-of-N directory; give the shards' reports ` +
        `directories, e.g. parlance merge reports/shard-1-of-2 reports/shard-2-of-2`,
    )
  if (dirs.includes(outDir))
    throw new ConfigurationError(
      `--out ${relative(cwd, outDir) || '.'} is one of the shards' directories; merge into another, e.g. --out reports`,
    )

  const channelsOf = new Map(dirs.map((dir) => [dir, channelsIn(dir, cwd)]))
  const channels = [...new Set([...channelsOf.values()].flat())]
  const timings: Timings[] = dirs.map((dir) => readTimingsOrNone(timingsFile(dir)))
  const files: string[] = []
  const name = (dir: string): string => relative(cwd, dir) || '.'
  out(
    chalk.bold(`parlance merge`) +
      chalk.dim(` · ${dirs.length} shard${dirs.length === 1 ? '' : 's'}: ${dirs.map(name).join(', ')}`),
  )
  const width = Math.max(8, ...channels.map((channel) => channel.length + 1))
  for (const channel of channels) {
    const from = dirs.filter((dir) => channelsOf.get(dir)!.includes(channel))
    const shards = await Promise.all(from.map((dir) => readMessages(join(dir, channel, 'messages.ndjson'))))
    const merged = joinShards(shards, from.map(name))
    const file = join(outDir, channel, 'messages.ndjson')
    mkdirSync(join(outDir, channel), { recursive: true })
    writeFileSync(file, merged.map((envelope) => JSON.stringify(envelope)).join('\n') + '\n')
    files.push(file)
    timings.push(timingsFromMessages(basename(channel), merged))
    out(
      `  ${channel.padEnd(width)} ${from.length} shard${from.length === 1 ? '' : 's'} · ${count(merged, 'pickle')} ` +
        `scenarios · ${count(merged, 'testCaseStarted')} test case runs → ${name(file)}`,
    )
  }
  writeTimings(timingsFile(outDir), mergeTimings(...timings))
  out(chalk.dim(`  ${'timings'.padEnd(width)} → ${name(timingsFile(outDir))}`))
  // The project's config, when there is one, groups the verdict by domain; merge needs nothing else from it.
  const configFile = resolve(cwd, defaultConfigFile)
  const domainConfigs = existsSync(configFile) ? (await loadConfig(undefined, cwd)).config.domains : undefined
  const judging = { allowFlaky: values['allow-flaky'] === true, ...(domainConfigs ? { domainConfigs } : {}) }
  return judgeMerged(files, outDir, judging, out)
}

/** The shard-I-of-N directories under `reports`, in shard order. */
function shardDirectories(reports: string): string[] {
  if (!existsSync(reports)) return []
  const index = (name: string): number => Number(/^shard-(\d+)-of-\d+$/.exec(name)?.[1] ?? Number.NaN)
  return readdirSync(reports)
    .filter((name) => !Number.isNaN(index(name)) && statSync(join(reports, name)).isDirectory())
    .sort((a, b) => index(a) - index(b) || a.localeCompare(b))
    .map((name) => join(reports, name))
}

/**
 * The runs a shard's reports directory has messages for, as paths under it:
 * `settlement/api` (parlance run's `<domain>/<channel>/`), or `api` (a channel's folder).
 */
function channelsIn(dir: string, cwd: string): string[] {
  if (!existsSync(dir))
    throw new ConfigurationError(
      `${relative(cwd, dir) || dir} does not exist; give the shards' reports directories, e.g. reports/shard-1-of-2`,
    )
  const folders = (under: string): string[] =>
    readdirSync(join(dir, under), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => (under === '' ? entry.name : `${under}/${entry.name}`))
  const runs = folders('')
    .flatMap((folder) => [folder, ...folders(folder)])
    .filter((run) => existsSync(join(dir, run, 'messages.ndjson')))
    .sort()
  if (runs.length === 0) {
    throw new ConfigurationError(
      `${relative(cwd, dir) || dir} has no <domain>/<channel>/messages.ndjson; give the reports directory of a ` +
        `shard (parlance run --shard I/N writes reports/shard-I-of-N/)`,
    )
  }
  return runs
}

function count(envelopes: readonly Envelope[], type: keyof Envelope): number {
  return envelopes.filter((envelope) => envelope[type] !== undefined).length
}
