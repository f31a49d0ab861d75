import { resolve } from 'node:path'
import chalk from 'chalk'
import { findChromium, NoChromiumError, type ChromiumChoice } from '../../drivers/core/chromium-path.ts'
import { maskSecrets } from '../../drivers/core/mask-secrets.ts'
import { browserWsEndpointEnvName, remoteBrowserEndpoint } from '../../drivers/core/remote-browser.ts'
import { stopAllProcesses } from '../../drivers/core/process-supervisor.ts'
import { newRunId, runIdEnvName } from '../../dsl/core/aliases/index.ts'
import { runnerEnvName } from '../../dsl/core/cucumber/runner-env.ts'
import { loadSupportCode } from './channel-run.ts'
import { scopeSupport, supportPatterns } from './domain-support.ts'
import { channelSettings, describeWorkers } from './channel-settings.ts'
import { guardRun } from './guard-run.ts'
import type { ParlanceConfig } from '../config/config.ts'
import { loadConfig } from '../config/load-config.ts'
import { narrowPlan, planRun, type RunPlan } from './plan.ts'
import type { ChannelRun } from '../../drivers/core/run-model/index.ts'
import { domainSections } from '../config/domain-sections.ts'
import { startSystems, type RunningSystems } from '../systems/systems.ts'
import { SystemWatch } from '../systems/system-watch.ts'
import { selectShard } from '../shard/select-shard.ts'
import { shardFolder, type Shard } from '../shard/shard-spec.ts'
import { describeShardSource, type ShardSource } from '../shard/shard-from-env.ts'
import { timingsFile } from '../shard/record-timings.ts'
import { readTimings } from '../shard/timings.ts'

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
  /** Run only this shard's share of the scenarios (`--shard i/n`, PARLANCE_SHARD, or the CI's parallel job). */
  shard?: Shard
  /** Where `shard` came from, said with it: `--shard 2/4`, `BUILDKITE_PARALLEL_JOB=1, …`. */
  shardSource?: ShardSource
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
  // Also hands the config's secret names to this process and, through its environment, to every worker.
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
  // Settings are the channel name's; each domain's channel is a run of its own, named by its id.
  const settings = new Map(
    plan.channels.map((c) => [c.id, { ...channelSettings(config, c.channel, parallel), channel: c.id }]),
  )
  out(
    chalk.bold(`parlance run ${runId}`) +
      chalk.dim(
        ` · channels ${plan.channels.map((c) => c.id).join(', ')} · ${describeWorkers([...settings.values()])}`,
      ),
  )
  // Found (or extracted, a few seconds) while the systems start; none is looked for when the browser is remote.
  const browserChannels = [...settings.values()].filter((s) => s.browser).map((s) => s.channel)
  const browser = browserChannels.length > 0 ? lookUpBrowser() : undefined

  let systems: RunningSystems | undefined
  const guard = guardRun({ systems: () => systems, forksWorkers: [...settings.values()].some((s) => s.workers > 1) })
  try {
    // A reader gone before the header (`parlance run | head -0`) shows as an EPIPE a tick after the write: let it
    // surface before any system starts for nobody.
    await new Promise(setImmediate)
    if (guard.aborting) return await guard.abandon()
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
    // Imported once for the selected domains; each domain's runs see the shared support and their own.
    const support = supportPatterns(config, plan.domains)
    const library = await loadSupportCode({ root, support, features, env })
    const libraries = new Map(plan.domains.map((domain) => [domain, scopeSupport(library, { root, config, domain })]))
    const results: ChannelRun[] = []
    for (const channel of plan.channels) {
      if (guard.aborting) return await guard.abandon()
      out(`\n${chalk.bold.inverse(` ${channel.id} `)} ${chalk.dim(channel.tags || 'every scenario')}`)
      const channelOptions = {
        root,
        library: libraries.get(channel.domain)!,
        settings: settings.get(channel.id)!,
        reportsDir: paths.reports,
        env,
      }
      results.push(await watch.runChannel(channel, channelOptions))
    }
    if (guard.aborting) return await guard.abandon()
    return await report(
      { config, plan, results, watch, paths, ...(options.shard ? { shard: options.shard } : {}) },
      out,
    )
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
  const from = options.shardSource ? ` (from ${describeShardSource(options.shardSource)})` : ''
  out(chalk.bold(`shard ${shard.index}/${shard.total}`) + chalk.dim(`${from} · ${share} · ${estimate}`))
  for (const channel of selection.skipped)
    out(chalk.dim(`  ${channel}: no scenario in shard ${shard.index}/${shard.total} — skipped`))
  if (selection.channels.length === 0) return undefined
  // Start only the systems the shard's channels need.
  return narrowPlan(config, selection.channels)
}

// The workers' environment: the systems' addresses, the run's id, the secret names to mask, and the Chromium found here
// (not looked for again).
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
  /** What ran: its domains are the summary's and the gate's sections, each with the channels it ran. */
  plan: RunPlan
  /** One per planned channel, in the plan's order. */
  results: ChannelRun[]
  watch: SystemWatch
  paths: ReportPaths
  /** The shard this run is: its gate judges its share only (the rest is not in this run); merge judges them all. */
  shard?: Shard
}

// The summary, the reports and timings, then the gate: the run's exit code.
async function report(
  { config, plan, results, watch, paths, shard }: RunResults,
  out: (line: string) => void,
): Promise<number> {
  // Loaded only now: nothing of the gate or the summary is needed before the last scenario, and their modules would
  // otherwise stand between `parlance run` and its first scenario.
  const [{ formatSummary, runFailed }, { recordTimings }, { runGate }] = await Promise.all([
    import('./summary.ts'),
    import('../shard/record-timings.ts'),
    import('../gate/index.ts'),
  ])
  // A channel not run (a system it needs had died) is in the summary, but has no reports to time or judge.
  const notRun = watch.channelsNotRun()
  const ran = plan.channels.map((channel) => channel.id).filter((id) => !notRun.includes(id))
  const deaths = watch.deaths()
  const domains = domainSections(config.domains, plan.channels)
  const names = [...new Set(plan.channels.map((channel) => channel.channel))]
  out(`\n${formatSummary(names, results, domains, deaths)}`)
  out(chalk.dim(`Reports   ${ran.map((id) => resolve(paths.reports, id)).join(', ')}`))
  const ranRuns = results.filter((_result, index) => ran.includes(plan.channels[index]!.id))
  out(chalk.dim(`Timings   ${recordTimings(paths.reports, ranRuns, paths.timings)}`))
  const failed = runFailed(results, deaths)
  if (ran.length === 0) return 1
  const share = shard && ` (shard ${shard.index}/${shard.total}: its share only; parlance merge judges the whole run)`
  out(`\n${chalk.bold('Gate')}${share ? chalk.dim(share) : ''}`)
  const inputs = ran.map((id) => resolve(paths.reports, id, 'messages.ndjson'))
  const gate = await runGate(
    { inputs, reportsDir: paths.reports, deaths, domains, ...(config.gate ? { config: config.gate } : {}) },
    out,
  )
  return failed || gate === 1 ? 1 : 0
}

// The workers connect to a remote browser themselves (they inherit PARLANCE_BROWSER_WS_ENDPOINT); the run only says so.
function lookUpBrowser(): Promise<BrowserLookup> {
  const remote = remoteBrowserEndpoint()
  if (remote !== undefined) return Promise.resolve({ remote })
  return findChromium().then(
    (choice): BrowserLookup => ({ choice }),
    (error: unknown): BrowserLookup => ({ error }),
  )
}

type BrowserLookup = { choice: ChromiumChoice } | { remote: string } | { error: unknown }

// Said once, before any channel runs: which browser the browser channels use, or that they cannot run and why.
function browserLine(lookup: BrowserLookup, channels: readonly string[]): string {
  if ('choice' in lookup) return chalk.dim(`  browser: ${lookup.choice.description}`)
  if ('remote' in lookup)
    return chalk.dim(
      `  browser: remote, ${browserWsEndpointEnvName}=${maskSecrets(lookup.remote)} (Playwright's connect)`,
    )
  const none = lookup.error as NoChromiumError
  const tried = none.tried.map((line) => `    - ${line}`).join('\n')
  return chalk.yellow(
    `  browser: none — the ${channels.join(', ')} channel's scenarios will not run. Tried:\n${tried}\n  ${none.fix}`,
  )
}
