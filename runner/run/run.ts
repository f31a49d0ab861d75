import { resolve } from 'node:path'
import chalk from 'chalk'
import { findChromium, NoChromiumError, type ChromiumChoice } from '../../drivers/core/chromium-path.ts'
import { stopAllProcesses } from '../../drivers/core/process-supervisor.ts'
import { newRunId, runIdEnvName } from '../../dsl/core/aliases/index.ts'
import { runnerEnvName } from '../../dsl/core/cucumber/runner-env.ts'
import { loadSupportCode } from './channel-run.ts'
import { channelSettings, describeWorkers } from './channel-settings.ts'
import { guardRun } from './guard-run.ts'
import { loadConfig } from '../config/load-config.ts'
import { planRun, type ChannelPlan } from './plan.ts'
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
  channels?: string[]
  tags?: string
  parallel?: number
  env: 'local' | 'remote'
  /** Overrides the config's reports directory; relative to `cwd`. */
  reports?: string
  /** Run only this shard's share of the scenarios (`--shard i/n`, or GitLab's CI_NODE_INDEX/CI_NODE_TOTAL). */
  shard?: Shard
  /** The timings file to balance shards by; relative to `cwd`. Default: timings.json in the config's reports directory. */
  timings?: string
}

/**
 * `parlance run`: starts the systems once, runs cucumber once per channel,
 * writes the reports, prints the scenario × channel summary and the gate's
 * verdict (stories × criteria × channels; dod.md, junit.xml and report.html
 * in the reports), stops the systems. Resolves to the exit code: 0 if
 * everything passed and the gate is green, 1 otherwise.
 *
 * @example
 *   process.exitCode = await run({ cwd: process.cwd(), env: 'local' })
 *   await run({ cwd, channels: ['api', 'ui'], parallel: 4, env: 'remote' }) // tests what SETTLEMENT_URL points at
 */
export async function run(options: RunOptions): Promise<number> {
  const { config, root } = await loadConfig(options.config, options.cwd)
  let plan = planRun(config, { ...(options.channels ? { channels: options.channels } : {}), ...(options.tags ? { tags: options.tags } : {}) })
  // Loading cucumber takes a while; let it overlap with starting the systems. runChannel reports a failure to load.
  import('@cucumber/cucumber/api').catch(() => {})
  const runId = newRunId()
  const configReports = resolve(root, config.reports ?? 'reports')
  const shardReports = options.shard && resolve(configReports, shardFolder(options.shard))
  const reportsDir = options.reports ? resolve(options.cwd, options.reports) : (shardReports ?? configReports)
  const timingsIn = options.timings ? resolve(options.cwd, options.timings) : timingsFile(configReports)
  const out = (line: string): boolean => process.stdout.write(`${line}\n`)
  const features = [...new Set(plan.channels.flatMap((channel) => channel.features))]
  let channels: ChannelPlan[] = plan.channels
  if (options.shard) {
    const { shard } = options
    const selection = await selectShard(plan.channels, shard, { root, env: process.env, timings: readTimings(timingsIn) })
    const estimate = selection.basis === 'timings' ? `estimated ${(selection.load.estimatedMs / 1000).toFixed(1)} s by ${timingsIn}` : `no timings in ${timingsIn}: dealt round-robin`
    out(chalk.bold(`shard ${shard.index}/${shard.total}`) + chalk.dim(` · ${selection.load.units.length} of ${selection.scenarios} scenario runs · ${estimate}`))
    for (const channel of selection.skipped) out(chalk.dim(`  ${channel}: no scenario in shard ${shard.index}/${shard.total} — skipped`))
    if (selection.channels.length === 0) return 0
    // Start only the systems the shard's channels need.
    const needed = planRun(config, { channels: selection.channels.map((c) => c.channel), ...(options.tags ? { tags: options.tags } : {}) })
    plan = { ...needed, channels: selection.channels }
    channels = selection.channels
  }
  const settings = new Map(channels.map((c) => [c.channel, channelSettings(config, c.channel, options.parallel ? { parallel: options.parallel } : {})]))
  out(chalk.bold(`parlance run ${runId}`) + chalk.dim(` · channels ${channels.map((c) => c.channel).join(', ')} · ${describeWorkers([...settings.values()])}`))
  // Found (or extracted, a few seconds) while the systems start.
  const browserChannels = [...settings.values()].filter((s) => s.browser).map((s) => s.channel)
  const browser = browserChannels.length > 0 ? findChromium().then((choice): BrowserLookup => ({ choice }), (error: unknown): BrowserLookup => ({ error })) : undefined

  let systems: RunningSystems | undefined
  const guard = guardRun({ systems: () => systems, forksWorkers: [...settings.values()].some((s) => s.workers > 1) })
  try {
    systems = await startSystems(plan.systems, config.systems ?? {}, { root, remote: options.env === 'remote', env: process.env })
    for (const line of systems.lines) out(chalk.dim(`  ${line}`))
    const watch = new SystemWatch(systems, config, out)
    const chromium = await browser
    if (chromium && 'error' in chromium && !(chromium.error instanceof NoChromiumError)) throw chromium.error
    if (chromium) out(browserLine(chromium, browserChannels))

    const env = {
      ...process.env,
      ...systems.env,
      [runIdEnvName]: runId,
      [runnerEnvName]: '1',
      // Workers launch the Chromium found here, not look again (nor extract it twice).
      ...(chromium && 'choice' in chromium ? { PARLANCE_CHROMIUM: chromium.choice.path } : {}),
    }
    const library = await loadSupportCode({ root, support: config.support, features, env })
    const results: ChannelRun[] = []
    for (const channel of channels) {
      if (guard.aborting) return await guard.abandon()
      out(`\n${chalk.bold.inverse(` ${channel.channel} `)} ${chalk.dim(`${channel.domains.join(', ')} · ${channel.tags}`)}`)
      results.push(await watch.runChannel(channel, { root, library, settings: settings.get(channel.channel)!, reportsDir, allChannels: plan.allChannels, env }))
    }
    if (guard.aborting) return await guard.abandon()
    // A channel not run (a system it needs had died) is in the summary, but has no reports to time or judge.
    const planned = channels.map((c) => c.channel)
    const notRun = watch.channelsNotRun()
    const ran = results.filter((result) => !notRun.includes(result.channel)).map((result) => result.channel)
    const deaths = watch.deaths()
    out(`\n${formatSummary(planned, results, domainSections(config.domains, planned), deaths)}`)
    out(chalk.dim(`Reports   ${ran.map((channel) => resolve(reportsDir, channel)).join(', ')}`))
    out(chalk.dim(`Timings   ${await recordTimings(reportsDir, ran, timingsIn)}`))
    const failed = runFailed(results, deaths)
    // A shard judges nothing alone: parlance merge runs the gate on all the shards' results.
    if (options.shard) return failed ? 1 : 0
    if (ran.length === 0) return 1
    out(`\n${chalk.bold('Gate')}`)
    const inputs = ran.map((channel) => resolve(reportsDir, channel, 'messages.ndjson'))
    const domains = domainSections(config.domains, planned)
    const gate = await runGate({ inputs, reportsDir, deaths, domains, ...(config.gate ? { config: config.gate } : {}) }, out)
    return failed || gate === 1 ? 1 : 0
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

type BrowserLookup = { choice: ChromiumChoice } | { error: unknown }

// Said once, before any channel runs: which Chromium the browser channels use, or that they cannot run and why.
function browserLine(lookup: BrowserLookup, channels: readonly string[]): string {
  if ('choice' in lookup) return chalk.dim(`  browser: ${lookup.choice.description}`)
  const none = lookup.error as NoChromiumError
  const tried = none.tried.map((line) => `    - ${line}`).join('\n')
  return chalk.yellow(`  browser: none — the ${channels.join(', ')} channel's scenarios will not run. Tried:\n${tried}\n  ${none.fix}`)
}
