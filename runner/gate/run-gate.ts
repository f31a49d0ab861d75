import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import chalk from 'chalk'
import {
  buildChannelRun,
  readMessageFile,
  type ChannelRun,
  type MessageSet,
} from '../../drivers/core/run-model/index.ts'
import type { DomainConfig } from '../config/config.ts'
import { sectionsOfRuns, type SummarySection } from '../config/domain-sections.ts'
import type { SystemDeath } from '../systems/system-death.ts'
import type { GateConfig } from './gate-config.ts'
import { judge, type Verdict } from './judge.ts'
import { mergeMessages } from './merge-messages.ts'
import { findResults, nameChannels } from './name-channels.ts'
import { readFeatureFiles, specOfDocument, type SpecFeature } from './spec-outline.ts'
import { renderVerdict } from './render-table.ts'
import { writeDod } from './write-dod.ts'
import { writeDodHtml } from './write-dod-html.ts'
import { writeHtml } from './write-html.ts'
import { writeJunit } from './write-junit.ts'

/**
 * What `runGate` judges and where it writes its reports.
 *
 * @example
 *   const options: GateOptions = {
 *     inputs: ['reports'],
 *     reportsDir: 'reports',
 *     config: { required: { '@smoke': ['api', 'ui'] } },
 *   }
 */
export interface GateOptions {
  /**
   * Message files, or directories holding them (`<dir>/*.ndjson`, `<dir>/*\/*.ndjson`), or `NAME=FILE`: the run of
   * channel NAME. Default: `reports`.
   */
  inputs: string[]
  /** The channel of the one message file in `inputs` that no `NAME=FILE` names (see `nameChannels`). */
  channel?: string
  /**
   * Feature files, or directories holding them, that the runs were made from: their scenarios that no run has are
   * listed as not in this run (as are those of the feature files the messages hold). Relative to the current folder,
   * as cucumber-js names them.
   */
  features?: string[]
  /** The folder `features` and the uris of the feature files are relative to. Default: the current one. */
  cwd?: string
  /** Let flaky scenarios (failed, then passed on a retry) through; they are still listed. */
  allowFlaky?: boolean
  /** Write dod.md, dod.html, junit.xml, report.html and merged.ndjson here. Default: no reports. */
  reportsDir?: string
  config?: GateConfig
  /** Turns real names in failure messages back into the spec's names. */
  dealias?: (text: string) => string
  /** The systems that died during the run (from `parlance run`): the first reasons for red. */
  deaths?: readonly SystemDeath[]
  /** The config's domains: the tables and dod.md show each domain's stories on its own channels. */
  domains?: readonly SummarySection[]
  /** Without `domains`: the config's domains, whose sections are those the results hold (`sectionsOfRuns`). */
  domainConfigs?: Readonly<Record<string, DomainConfig>>
}

/**
 * The gate's exit codes.
 *
 * @example
 *   process.exitCode = await runGate({ inputs: [] }, console.log) // gateExitCodes.red when anything is missing
 */
export const gateExitCodes = { green: 0, red: 1, couldNotJudge: 2 } as const

/**
 * Reads the runs' cucumber messages, judges them, prints the story × criterion
 * × channel table, the reasons for red and the verdict line, writes the
 * reports if asked, and returns 0 (green), 1 (red) or 2 (could not judge:
 * no results, unreadable input).
 *
 * @example
 *   await runGate({ inputs: ['reports'], reportsDir: 'reports' }, (line) => process.stdout.write(`${line}\n`)) // 0
 */
export async function runGate(options: GateOptions, out: (line: string) => void): Promise<number> {
  let sets: MessageSet[]
  let runs: ChannelRun[]
  let specs: SpecFeature[]
  try {
    const { files, named } = findResults(options.inputs)
    if (files.length === 0)
      return couldNotJudge(
        out,
        `no results: no cucumber messages (*.ndjson) in ${shown(options.inputs)}; run parlance run first, or ` +
          `pass the message files`,
      )
    sets = nameChannels(await Promise.all(files.map((file) => readMessageFile(file))), named, options.channel)
    runs = sets.map(buildChannelRun)
    specs = specsOf(sets, options.features ?? [], options.cwd ?? process.cwd())
  } catch (error) {
    return couldNotJudge(out, error instanceof Error ? error.message : String(error))
  }
  if (runs.every((run) => run.scenarios.length === 0 && run.problems.length === 0)) {
    return couldNotJudge(
      out,
      `no results: no scenario in ${sets.map((set) => set.file).join(', ')}; nothing ran, so there is nothing to judge`,
    )
  }
  const domains = options.domains ?? (options.domainConfigs && sectionsOfRuns(options.domainConfigs, runs))
  const verdict = judge(runs, { ...options, specs, ...(domains ? { domains } : {}) })
  const lines = renderVerdict(verdict, options.dealias)
  const last = lines.pop()!
  lines.forEach((line) => out(line))
  if (options.reportsDir) {
    await writeReports(options.reportsDir, verdict, sets, options.dealias ?? ((text) => text))
    const reports = ['dod.md', 'dod.html', 'junit.xml', 'report.html', 'merged.ndjson']
    out(`Reports: ${reports.map((file) => join(options.reportsDir!, file)).join(', ')}`)
    out('')
  }
  out(last)
  return verdict.green ? gateExitCodes.green : gateExitCodes.red
}

async function writeReports(
  directory: string,
  verdict: Verdict,
  sets: MessageSet[],
  dealias: (text: string) => string,
): Promise<void> {
  await mkdir(directory, { recursive: true })
  const merged = mergeMessages(sets)
  await Promise.all([
    writeDod(join(directory, 'dod.md'), verdict, dealias),
    writeDodHtml(join(directory, 'dod.html'), verdict, dealias),
    writeJunit(join(directory, 'junit.xml'), verdict, dealias),
    writeFile(join(directory, 'merged.ndjson'), merged.map((envelope) => JSON.stringify(envelope)).join('\n') + '\n'),
    writeHtml(directory, merged),
  ])
}

// The feature files the messages hold, then those read from disk that the messages do not hold.
function specsOf(sets: MessageSet[], features: readonly string[], cwd: string): SpecFeature[] {
  const documents = [
    ...sets.flatMap((set) => set.envelopes.flatMap((envelope) => envelope.gherkinDocument ?? [])),
    ...(features.length > 0 ? readFeatureFiles(features, cwd) : []),
  ]
  const byUri = new Map<string, SpecFeature>()
  for (const document of documents) {
    const spec = specOfDocument(document)
    if (spec && !byUri.has(spec.uri)) byUri.set(spec.uri, spec)
  }
  return [...byUri.values()]
}

function couldNotJudge(out: (line: string) => void, why: string): number {
  out(`Could not judge: ${why}`)
  out('')
  out(chalk.yellow.bold('Gate: COULD NOT JUDGE'))
  return gateExitCodes.couldNotJudge
}

function shown(inputs: string[]): string {
  return inputs.length > 0 ? inputs.join(', ') : 'reports'
}
