import { rmSync } from 'node:fs'
import { Writable } from 'node:stream'
import type { Envelope } from '@cucumber/messages'
import type { ChannelRun } from '../../drivers/core/run-model/index.ts'
import { readChannel, type ChannelRunOptions } from './channel-run.ts'
import type { ChannelPlan } from './plan.ts'
import { channelReportFiles } from './reports.ts'

/**
 * The result of a channel that is not run because systems it needs are dead:
 * every scenario cucumber would have run on it (found by a dry run: no step
 * and no hook runs), each not run for `reason`. The channel's reports from an
 * earlier run are removed, so that no one judges them as this run's.
 *
 * @example
 *   declare const plan: ChannelPlan, options: ChannelRunOptions
 *   const result = await channelNotRun(
 *     plan,
 *     options,
 *     'it needs settlement, which was killed by SIGKILL during settlement/ui',
 *   )
 *   result.scenarios[0]?.status // 'not-run'
 */
export async function channelNotRun(
  plan: ChannelPlan,
  options: ChannelRunOptions,
  reason: string,
): Promise<ChannelRun> {
  const { loadConfiguration, runCucumber } = await import('@cucumber/cucumber/api')
  for (const [, file] of channelReportFiles(options.reportsDir, plan.id)) rmSync(file, { force: true })
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() })
  const environment = {
    cwd: options.root,
    env: { ...options.env, PARLANCE_CHANNEL: plan.channel },
    stdout: silent,
    stderr: process.stderr,
  }
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: { paths: plan.features, tags: plan.tags, dryRun: true, parallel: 0, format: [], publish: false },
    },
    environment,
  )
  const envelopes: Envelope[] = []
  await runCucumber({ ...runConfiguration, support: options.library }, environment, (envelope) =>
    envelopes.push(envelope),
  )
  const dryRun = readChannel(plan, envelopes, options, { success: true })
  // A dry run's problems (its hooks are skipped) are not this run's; the features' own show on the channels that ran.
  return {
    ...dryRun,
    scenarios: dryRun.scenarios.map((scenario) => ({
      ...scenario,
      attempts: [],
      status: 'not-run',
      notRun: { reason, fix: '' },
      retriedFailures: [],
      durationMs: 0,
    })),
    problems: [],
    success: false,
    durationMs: undefined,
  }
}
