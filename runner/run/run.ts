import { resolve } from 'node:path'
import chalk from 'chalk'
import { findChromium, NoChromiumError, type ChromiumChoice } from '../../drivers/core/chromium-path.ts'
import { stopAllProcesses } from '../../drivers/core/process-supervisor.ts'
import { newRunId, runIdEnvName } from '../../dsl/core/aliases/index.ts'
import { runnerEnvName } from '../../dsl/core/cucumber/runner-env.ts'
import { loadSupportCode } from './channel-run.ts'
import { channelSettings, describeWorkers } from './channel-settings.ts'
import { guardRun } from './guard-run.ts'
import type { ParlanceConfig } from '../config/config.ts'
import { loadConfig } from '../config/load-config.ts'
import { planRun, type RunPlan } from './plan.ts'
import type { ChannelRun } from '../../drivers/core/run-model/index.ts'
import { formatSummary, runFailed } from './summary.ts'
import { domainSections } from '../config/domain-sections.ts'
import { startSystems, type RunningSystems } from '../systems/systems.ts'
import { SystemWatch } from '../systems/system-watch.ts'
import { selectShard } from '../shard/select-shard.ts'
import { shardFolder, type Shard } from '../shard/shard-spec.ts'
import { recordTimings, timingsFile } from '../shard/record-timings.ts'
import { readTimings } from '../shard/timings.ts'
import { runGate } from '../gate/index.ts'

/**
 * What `parlance run` was asked to do.
 *
 * @example
 *   const options: RunOptions = { cwd: process.cwd(), channels: ['api'], tags: '@smoke', env: 'local' }
 */
export interface RunOptions {
  cwd: string
  config?: string
  /** Only these domains: their systems start, their channels run, their stories are judged. Default: all. */
  domains?: string[]
  channels?: string[]
  tags?: string
  parallel?: number
  env: 'local' | 'remote'
  /** Overrides the config's reports directory; relative to `cwd`. */
  reports?: string
  /** Run only this shard's share of the scenarios (`--shard i/n`, or GitLab's CI_NODE_INDEX/CI_NODE_TOTAL). */
  shard?: Shard
  /**
   * The timings file to balance shards by; relative to `cwd`. Default: timings.json in the config's reports directory.
   */
  timings?: string
}

/**
 * `parlance run`: starts the systems once, runs cucumber once per channel,
 * writes the reports, prints the scenario × channel summary and the gate's
 * verdict (stories × criteria × channels; dod.md, dod.html, junit.xml and
 * report.html in the reports), stops the systems. Resolves to the exit code: 0 if
 * everything passed and the gate is green, 1 otherwise.
 *
 * @example
 *   process.exitCode = await run({ cwd: process.cwd(), env: 'local' })
 *   await run({ cwd: '/work/shop', channels: ['api', 'ui'], parallel: 4, env: 'remote' })
 *   // → tests what SETTLEMENT_URL points at
 */
export async function run(options: RunOptions): Promise<number> {
  const { config, root } = await loadConfig(options.config, options.cwd)
  // Loading cucumber takes a while; let it overlap with starting the systems. runChannel reports a failure to load.
  import('@cucumber/cucumber/api').catch(() => {})
  const runId = newRunId()
  const paths = reportPaths(options, config, root)
  const out = (line: string): boolean => process.stdout.write(`${line}\n`)
  const plan = await planThisRun(options, config, root, paths.timings, out)
  if (!plan) return 0
  const features = [...new Set(plan.channels.flatMap((channel) => channel.features))]
  const parallel = options.parallel ? { parallel: options.parallel } : {}
  const settings = new Map(plan.channels.map((c) => [c.channel, channelSettings(config, c.channel, parallel)]))
  const names = plan.channels.map((c) => c.channel)
  out(
    chalk.bold(`parlance run ${runId}`) +
      chalk.dim(` · channels ${names.join(', ')} · ${describeWorkers([...settings.values()])}`),
  )
  // Found (or extracted, a few seconds) while the systems start.
  const browserChannels = [...settings.values()].filter((s) => s.browser).map((s) => s.channel)
  const browser = browserChannels.length > 0 ? lookUpChromium() : undefined

  let systems: RunningSystems | undefined
  const guard = guardRun({ systems: () => systems, forksWorkers: [...settings.values()].some((s) => s.workers > 1) })
  try {
    systems = await startSystems(plan.systems, config.systems ?? {}, {
      root,
      remote: options.env === 'remote',
      env: process.env,
    })
    for (const line of systems.lines) out(chalk.dim(`  ${line}`))
    const watch = new SystemWatch(systems, config, out)
    const chromium = await browser
    if (chromium && 'error' in chromium && !(chromium.error instanceof NoChromiumError)) throw chromium.error
    if (chromium) out(browserLine(chromium, browserChannels))
    const env = workerEnv(systems, runId, chromium)
    const library = await loadSupportCode({ root, support: config.support, features, env })
    const results: ChannelRun[] = []
    for (const channel of plan.channels) {
      if (guard.aborting) return await guard.abandon()
      out(
        `\n${chalk.bold.inverse(` ${channel.channel} `)} ` +
          `${chalk.dim(`${channel.domains.join(', ')} · ${channel.tags}`)}`,
      )
      const channelOptions = {
        root,
        library,
        settings: settings.get(channel.channel)!,
        reportsDir: paths.reports,
        allChannels: plan.allChannels,
        env,
      }
      results.push(await watch.runChannel(channel, channelOptions))
    }
    if (guard.aborting) return await guard.abandon()
    const domains = [...new Set(plan.channels.flatMap((channel) => channel.domains))]
    return await report({ config, domains, names, results, watch, paths, judge: !options.shard }, out)
  } catch (error) {
    // Killed workers make cucumber fail in odd ways; the abort handler reports and exits.
    if (guard.aborting) return await guard.abandon()
    throw error
  } finally {
    if (!guard.aborting) {
      await systems?.stop()
      await stopAllProcesses()
      guard.release()
    }
  }
}

interface ReportPaths {
  /** Where this run writes its reports. */
  reports: string
  /** The timings file to balance shards by. */
  timings: string
}

function reportPaths(options: RunOptions, config: ParlanceConfig, root: string): ReportPaths {
  const configReports = resolve(root, config.reports ?? 'reports')
  const shardReports = options.shard && resolve(configReports, shardFolder(options.shard))
  return {
    reports: options.reports ? resolve(options.cwd, options.reports) : (shardReports ?? configReports),
    timings: options.timings ? resolve(options.cwd, options.timings) : timingsFile(configReports),
  }
}

// The channels to run and the systems they need; with --shard, only the shard's share (undefined: nothing to run).
async function planThisRun(
  options: RunOptions,
  config: ParlanceConfig,
  root: string,
  timingsIn: string,
  out: (line: string) => void,
): Promise<RunPlan | undefined> {
  const filters = {
    ...(options.domains ? { domains: options.domains } : {}),
    ...(options.channels ? { channels: options.channels } : {}),
    ...(options.tags ? { tags: options.tags } : {}),
  }
  const plan = planRun(config, filters)
  if (!options.shard) return plan
  const { shard } = options
  const selection = await selectShard(plan.channels, shard, { root, env: process.env, timings: readTimings(timingsIn) })
  const estimate =
    selection.basis === 'timings'
      ? `estimated ${(selection.load.estimatedMs / 1000).toFixed(1)} s by ${timingsIn}`
      : `no timings in ${timingsIn}: dealt round-robin`
  const share = `${selection.load.units.length} of ${selection.scenarios} scenario runs`
  out(chalk.bold(`shard ${shard.index}/${shard.total}`) + chalk.dim(` · ${share} · ${estimate}`))
  for (const channel of selection.skipped)
    out(chalk.dim(`  ${channel}: no scenario in shard ${shard.index}/${shard.total} — skipped`))
  if (selection.channels.length === 0) return undefined
  // Start only the systems the shard's channels need.
  const needed = planRun(config, { ...filters, channels: selection.channels.map((c) => c.channel) })
  return { ...needed, channels: selection.channels }
}

// The workers' environment: the systems' addresses, the run's id, and the Chromium found here (not looked for again).
function workerEnv(
  systems: RunningSystems,
  runId: string,
  chromium: BrowserLookup | undefined,
): Record<string, string | undefined> {
  return {
    ...process.env,
    ...systems.env,
    [runIdEnvName]: runId,
    [runnerEnvName]: '1',
    ...(chromium && 'choice' in chromium ? { PARLANCE_CHROMIUM: chromium.choice.path } : {}),
  }
}

interface RunResults {
  config: ParlanceConfig
  /** The domains the run selected: the summary's and the gate's sections. */
  domains: string[]
  /** The planned channels, in order. */
  names: string[]
  results: ChannelRun[]
  watch: SystemWatch
  paths: ReportPaths
  /** Run the gate: not for a shard, which parlance merge judges with the others. */
  judge: boolean
}

// The summary, the reports and timings, then the gate: the run's exit code.
async function report(
  { config, domains: selected, names, results, watch, paths, judge }: RunResults,
  out: (line: string) => void,
): Promise<number> {
  // A channel not run (a system it needs had died) is in the summary, but has no reports to time or judge.
  const notRun = watch.channelsNotRun()
  const ran = results.filter((result) => !notRun.includes(result.channel)).map((result) => result.channel)
  const deaths = watch.deaths()
  const ofRun = Object.fromEntries(Object.entries(config.domains).filter(([name]) => selected.includes(name)))
  const domains = domainSections(ofRun, names)
  out(`\n${formatSummary(names, results, domains, deaths)}`)
  out(chalk.dim(`Reports   ${ran.map((channel) => resolve(paths.reports, channel)).join(', ')}`))
  const ranRuns = results.filter((result) => ran.includes(result.channel))
  out(chalk.dim(`Timings   ${recordTimings(paths.reports, ranRuns, paths.timings)}`))
  const failed = runFailed(results, deaths)
  if (!judge) return failed ? 1 : 0
  if (ran.length === 0) return 1
  out(`\n${chalk.bold('Gate')}`)
  const inputs = ran.map((channel) => resolve(paths.reports, channel, 'messages.ndjson'))
  const gate = await runGate(
    { inputs, reportsDir: paths.reports, deaths, domains, ...(config.gate ? { config: config.gate } : {}) },
    out,
  )
  return failed || gate === 1 ? 1 : 0
}

function lookUpChromium(): Promise<BrowserLookup> {
  return findChromium().then(
    (choice): BrowserLookup => ({ choice }),
    (error: unknown): BrowserLookup => ({ error }),
  )
}

type BrowserLookup = { choice: ChromiumChoice } | { error: unknown }

// Said once, before any channel runs: which Chromium the browser channels use, or that they cannot run and why.
function browserLine(lookup: BrowserLookup, channels: readonly string[]): string {
  if ('choice' in lookup) return chalk.dim(`  browser: ${lookup.choice.description}`)
  const none = lookup.error as NoChromiumError
  const tried = none.tried.map((line) => `    - ${line}`).join('\n')
  return chalk.yellow(
    `  browser: none — the ${channels.join(', ')} channel's scenarios will not run. Tried:\n${tried}\n  ${none.fix}`,
  )
}
