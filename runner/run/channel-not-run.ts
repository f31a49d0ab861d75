import { rmSync } from 'node:fs'
import { Writable } from 'node:stream'
import type { ChannelRunOptions } from './channel-run.ts'
import type { ChannelPlan } from './plan.ts'
import { channelReportFiles } from './reports.ts'
import { ResultCollector, type ChannelResult } from './results.ts'

/**
 * The result of a channel that is not run because systems it needs are dead:
 * every scenario cucumber would have run on it (found by a dry run: no step
 * and no hook runs), each not run with `detail` as its reason. The channel's
 * reports from an earlier run are removed, so that no one judges them as this
 * run's.
 *
 * @example
 *   const result = await channelNotRun(plan, options, ['settlement'], 'not run: it needs settlement, which was killed by SIGKILL during the ui channel')
 *   result.scenarios[0]?.status // 'not-run'
 */
export async function channelNotRun(plan: ChannelPlan, options: ChannelRunOptions, deadSystems: string[], detail: string): Promise<ChannelResult> {
  const { loadConfiguration, runCucumber } = await import('@cucumber/cucumber/api')
  for (const [, file] of channelReportFiles(options.reportsDir, plan.channel)) rmSync(file, { force: true })
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() })
  const environment = { cwd: options.root, env: { ...options.env, PARLANCE_CHANNEL: plan.channel }, stdout: silent, stderr: process.stderr }
  const { runConfiguration } = await loadConfiguration(
    { file: false, provided: { paths: plan.features, tags: plan.tags, dryRun: true, parallel: 0, format: [], publish: false } },
    environment,
  )
  const collector = new ResultCollector(plan.channel, options.allChannels)
  await runCucumber({ ...runConfiguration, support: options.library }, environment, (envelope) => collector.read(envelope))
  // A dry run's problems (its hooks are skipped) are not this run's; the features' own show on the channels that ran.
  const { scenarios } = collector.result(true, 0)
  return {
    channel: plan.channel,
    scenarios: scenarios.map(({ failureKind: _, ...scenario }) => ({ ...scenario, status: 'not-run', detail, notRunReason: detail })),
    problems: [],
    success: false,
    durationMs: 0,
    deadSystems,
  }
}
