import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ISupportCodeLibrary } from '@cucumber/cucumber/api'
import type { Envelope } from '@cucumber/messages'
import { buildChannelRun, maskEnvelope, type ChannelRun } from '../../drivers/core/run-model/index.ts'
import { stepTimeoutEnvName } from '../../dsl/core/cucumber/runner-env.ts'
import type { ChannelSettings } from './channel-settings.ts'
import type { ChannelPlan } from './plan.ts'
import { unknownChannelTags } from './channel-tags.ts'
import { channelReportFiles } from './reports.ts'

/** Loads TypeScript in cucumber's worker processes; it must come first in `import`. */
const registerFile = fileURLToPath(new URL('../register.mjs', import.meta.url))

/**
 * Everything one channel's cucumber run needs besides its plan.
 *
 * @example
 *   declare const library: ISupportCodeLibrary, settings: ChannelSettings
 *   const options: ChannelRunOptions = {
 *     root: '/work/shop', library, settings, reportsDir: '/work/shop/reports',
 *     env: { ...process.env, PARLANCE_RUN_ID: 'r7k2', SETTLEMENT_URL: 'http://127.0.0.1:4100' },
 *   }
 */
export interface ChannelRunOptions {
  /** The project root: feature paths are relative to it. */
  root: string
  /** The domain's support code: loaded once by {@link loadSupportCode}, narrowed by `scopeSupport`. */
  library: ISupportCodeLibrary
  /** The channel's workers and step timeout. */
  settings: ChannelSettings
  /** The run's reports directory: the channel's go in `<domain>/<channel>/` under it. */
  reportsDir: string
  /** The workers' environment, without PARLANCE_CHANNEL and PARLANCE_STEP_TIMEOUT_MS (added per channel). */
  env: Record<string, string | undefined>
}

/**
 * Imports the support code once, in this process, for every channel: cucumber
 * needs its step definitions to plan a run, and an ES module is evaluated only
 * once per process anyway. Worker processes import it again from the same paths.
 *
 * @example
 *   const library = await loadSupportCode({
 *     root: '/work/shop',
 *     support: ['specs/support/**\/*.ts'],
 *     features: ['specs'],
 *     env: process.env,
 *   })
 */
export async function loadSupportCode(options: {
  root: string
  support: string[]
  features: string[]
  env: Record<string, string | undefined>
}): Promise<ISupportCodeLibrary> {
  const { loadConfiguration, loadSupport } = await import('@cucumber/cucumber/api')
  const environment = { cwd: options.root, env: options.env }
  const { runConfiguration } = await loadConfiguration(
    { file: false, provided: { paths: options.features, import: [registerFile, ...options.support] } },
    environment,
  )
  return withEnv(options.env, () => loadSupport(runConfiguration, environment))
}

/**
 * Runs one channel through cucumber's programmatic API, writes its reports and
 * prints progress to stdout. With more than one worker, in that many worker
 * processes, each started with the channel in `PARLANCE_CHANNEL` and its step
 * timeout in `PARLANCE_STEP_TIMEOUT_MS`; with one, in this process, its
 * environment set for the channel while it runs. If
 * cucumber gives up (a BeforeAll hook failed), that is a problem of the channel.
 * Its messages are read as they arrive and become the channel's run, the same
 * model the gate judges.
 *
 * @example
 *   declare const channel: ChannelPlan, options: ChannelRunOptions
 *   const result = await runChannel(channel, options)
 *   result.scenarios[0]?.status // 'passed'
 */
export async function runChannel(plan: ChannelPlan, options: ChannelRunOptions): Promise<ChannelRun> {
  const { loadConfiguration, loadSources, runCucumber } = await import('@cucumber/cucumber/api')
  const requested = options.settings.workers
  const env = {
    ...options.env,
    PARLANCE_CHANNEL: plan.channel,
    [stepTimeoutEnvName]: String(options.settings.stepTimeoutMs),
  }
  const environment = { cwd: options.root, env, stdout: process.stdout, stderr: process.stderr }
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: {
        paths: plan.features,
        tags: plan.tags,
        // A worker process costs ~0.35 s of start-up (node, tsx, support code), so one worker is this process.
        parallel: requested > 1 ? requested : 0,
        strict: true,
        format: ['progress', ...channelReportFiles(options.reportsDir, plan.id)],
        formatOptions: { junit: { suiteName: `parlance ${plan.domain} ${plan.channel}` } },
        publish: false,
      },
    },
    environment,
  )
  // No more workers than the channel has scenarios: each costs a process start-up (node, tsx, the support code), and
  // one worker is this process.
  const parallel =
    requested > 1 ? Math.min(requested, (await loadSources(runConfiguration.sources, environment)).plan.length) : 1
  const runtime = { ...runConfiguration.runtime, parallel: parallel > 1 ? parallel : 0 }
  const envelopes: Envelope[] = []
  // Registered before cucumber's formatters, so they write the envelope as masked here: an error cucumber caught
  // itself (an exception thrown in a timer) has not been through the World.
  const collect = (envelope: Envelope): number => envelopes.push(maskEnvelope(envelope))
  let success: boolean
  let stopped: string | undefined
  try {
    ;({ success } = await withEnv(parallel > 1 ? {} : env, () =>
      runCucumber({ ...runConfiguration, runtime, support: options.library }, environment, collect),
    ))
  } catch (error) {
    success = false
    stopped = `cucumber stopped: ${describe(error)}`
  }
  return readChannel(plan, envelopes, options, { success, ...(stopped ? { stopped } : {}) })
}

/**
 * A channel's run from the messages cucumber handed over, with the problems
 * only the runner sees: `@channel` tags naming no channel of the domain,
 * cucumber stopping, or failing the run outside any scenario.
 *
 * @example
 *   declare const envelopes: Envelope[]
 *   const plan = { id: 'shop/api', domain: 'shop', channel: 'api', domainChannels: ['api', 'ui'] }
 *   const ended = { success: false, stopped: 'cucumber stopped: worker exited' }
 *   readChannel(plan, envelopes, { reportsDir: 'reports' }, ended).problems // ['cucumber stopped: worker exited']
 */
export function readChannel(
  plan: Pick<ChannelPlan, 'id' | 'domain' | 'channel' | 'domainChannels'>,
  envelopes: Envelope[],
  options: Pick<ChannelRunOptions, 'reportsDir'>,
  ended: { success: boolean; stopped?: string },
): ChannelRun {
  const file = join(options.reportsDir, plan.id, 'messages.ndjson')
  const run = { ...buildChannelRun({ file, channel: plan.channel, envelopes }), domain: plan.domain }
  const tagProblems = envelopes.flatMap(({ pickle }) =>
    pickle
      ? unknownChannelTags(
          pickle.tags.map((tag) => tag.name),
          plan.domainChannels,
        ).map((problem) => `${pickle.uri}:${pickle.location?.line ?? '?'}: ${problem}`)
      : [],
  )
  const problems = [...new Set([...tagProblems, ...run.problems, ...(ended.stopped ? [ended.stopped] : [])])]
  if (
    !ended.success &&
    problems.length === 0 &&
    !run.scenarios.some((scenario) => scenario.status !== 'passed' && scenario.status !== 'not-applicable')
  ) {
    problems.push('cucumber reported a failure outside any scenario (a worker that crashed?); see its output above')
  }
  return { ...run, problems, success: ended.success }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message
}

/** Runs `action` with `vars` set in process.env, then puts back what was there. */
async function withEnv<T>(vars: Record<string, string | undefined>, action: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]))
  const assign = (values: Record<string, string | undefined>): void => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
  assign(vars)
  try {
    return await action()
  } finally {
    assign(saved)
  }
}
