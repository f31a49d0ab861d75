import { resolve } from 'node:path'
import chalk from 'chalk'
import { stopAllProcesses } from '../drivers/core/process-supervisor.ts'
import { newRunId, runIdEnvName } from '../dsl/core/aliases/index.ts'
import { runnerEnvName } from '../dsl/core/cucumber/runner-env.ts'
import { loadSupportCode, runChannel } from './channel-run.ts'
import { guardRun } from './guard-run.ts'
import { loadConfig } from './load-config.ts'
import { planRun } from './plan.ts'
import type { ChannelResult } from './results.ts'
import { formatSummary, runFailed } from './summary.ts'
import { domainSections } from './summary-sections.ts'
import { startSystems, type RunningSystems } from './systems.ts'

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
}

/**
 * `parlance run`: starts the systems once, runs cucumber once per channel,
 * writes the reports, prints the scenario × channel summary, stops the
 * systems. Resolves to the exit code: 0 if everything passed, 1 otherwise.
 *
 * @example
 *   process.exitCode = await run({ cwd: process.cwd(), env: 'local' })
 *   await run({ cwd, channels: ['api', 'ui'], parallel: 4, env: 'remote' }) // tests what SETTLEMENT_URL points at
 */
export async function run(options: RunOptions): Promise<number> {
  const { config, root } = await loadConfig(options.config, options.cwd)
  const plan = planRun(config, { ...(options.channels ? { channels: options.channels } : {}), ...(options.tags ? { tags: options.tags } : {}) })
  // Loading cucumber takes a while; let it overlap with starting the systems. runChannel reports a failure to load.
  import('@cucumber/cucumber/api').catch(() => {})
  const runId = newRunId()
  const parallel = options.parallel ?? config.parallel ?? 1
  const reportsDir = options.reports ? resolve(options.cwd, options.reports) : resolve(root, config.reports ?? 'reports')
  const out = (line: string): boolean => process.stdout.write(`${line}\n`)
  out(chalk.bold(`parlance run ${runId}`) + chalk.dim(` · channels ${plan.channels.map((c) => c.channel).join(', ')} · ${parallel} worker${parallel === 1 ? '' : 's'} per channel`))

  let systems: RunningSystems | undefined
  const guard = guardRun({ systems: () => systems, forksWorkers: parallel > 1 })
  try {
    systems = await startSystems(plan.systems, config.systems ?? {}, { root, remote: options.env === 'remote', env: process.env })
    for (const line of systems.lines) out(chalk.dim(`  ${line}`))

    const env = { ...process.env, ...systems.env, [runIdEnvName]: runId, [runnerEnvName]: '1' }
    const features = [...new Set(plan.channels.flatMap((channel) => channel.features))]
    const library = await loadSupportCode({ root, support: config.support, features, env })
    const results: ChannelResult[] = []
    for (const channel of plan.channels) {
      if (guard.aborting) return await guard.abandon()
      out(`\n${chalk.bold.inverse(` ${channel.channel} `)} ${chalk.dim(`${channel.domains.join(', ')} · ${channel.tags}`)}`)
      results.push(await runChannel(channel, { root, library, parallel, reportsDir, allChannels: plan.allChannels, env }))
    }
    if (guard.aborting) return await guard.abandon()
    const ran = plan.channels.map((c) => c.channel)
    out(`\n${formatSummary(ran, results, domainSections(config.domains, ran))}`)
    out(chalk.dim(`Reports   ${plan.channels.map((c) => resolve(reportsDir, c.channel)).join(', ')}`))
    return runFailed(results) ? 1 : 0
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

