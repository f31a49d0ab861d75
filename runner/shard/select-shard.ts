import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import type { ChannelPlan } from '../run/plan.ts'
import { planShards, type ShardLoad, type ShardUnit } from './plan-shards.ts'
import type { Shard } from './shard-spec.ts'
import { compareKeys, scenarioKey, type Timings } from './timings.ts'

/**
 * The part of a run that falls to one shard: its channels, each narrowed to
 * its scenarios as cucumber `uri:line` paths, and the channels it skips.
 *
 * @example
 *   declare const plan: import('../run/plan.ts').RunPlan, timings: Timings
 *   const { channels, skipped, load } = await selectShard(
 *     plan.channels,
 *     { index: 1, total: 4 },
 *     { root: process.cwd(), env: process.env, timings },
 *   )
 *   channels[0]?.features // ['specs/settlement/each-way.feature:12:30', …]
 */
export interface ShardSelection {
  channels: ChannelPlan[]
  skipped: string[]
  load: ShardLoad
  basis: 'timings' | 'round-robin'
  /** Every scenario of every shard: this shard's share is load.units. */
  scenarios: number
}

/**
 * Lists the scenarios each channel would run (cucumber's own loadSources:
 * the same paths, tag expression and order as the run), splits them over the
 * shards with {@link planShards} and keeps this shard's.
 *
 * @example
 *   import { readTimings } from './timings.ts'
 *   declare const plan: import('../run/plan.ts').RunPlan, shard: Shard
 *   const selection = await selectShard(plan.channels, shard, {
 *     root: process.cwd(),
 *     env: process.env,
 *     timings: readTimings('reports/timings.json'),
 *   })
 */
export async function selectShard(
  channels: readonly ChannelPlan[],
  shard: Shard,
  options: { root: string; env: Record<string, string | undefined>; timings: Timings },
): Promise<ShardSelection> {
  const perChannel = await Promise.all(channels.map((channel) => plannedScenarios(channel, options)))
  const units = perChannel.flat()
  const plan = planShards(units, options.timings, shard.total)
  const load = plan.shards[shard.index - 1]!
  const mine: ChannelPlan[] = []
  const skipped: string[] = []
  // Two domains may both have an `api` channel: a unit is its own plan's by the scenario it is.
  channels.forEach((channel, index) => {
    const own = new Set(perChannel[index]!.map((unit) => unit.key))
    const keys = load.units.filter((unit) => unit.channel === channel.channel && own.has(unit.key)).map((u) => u.key)
    if (keys.length === 0) skipped.push(channel.id)
    else mine.push({ ...channel, features: [...cucumberPaths(keys), ...outlinesOnly(own, keys)] })
  })
  return { channels: mine, skipped, load, basis: plan.basis, scenarios: units.length }
}

/**
 * `uri:line` keys as cucumber paths, one per file: `a.feature:3:9`.
 *
 * @example
 *   cucumberPaths(['a.feature:9', 'b.feature:2', 'a.feature:3']) // ['a.feature:3:9', 'b.feature:2']
 */
export function cucumberPaths(keys: readonly string[]): string[] {
  const byFile = new Map<string, string[]>()
  for (const key of [...keys].sort(compareKeys)) {
    const at = key.lastIndexOf(':')
    const file = key.slice(0, at)
    byFile.set(file, [...(byFile.get(file) ?? []), key.slice(at + 1)])
  }
  return [...byFile].map(([file, lines]) => `${file}:${lines.join(':')}`)
}

// The channel's other feature files, each at its line 1, which no scenario is on: cucumber reads them and runs
// nothing of them, so the shard's gate lists their criteria as not in this run.
function outlinesOnly(all: ReadonlySet<string>, keys: readonly string[]): string[] {
  const fileOf = (key: string): string => key.slice(0, key.lastIndexOf(':'))
  const shard = new Set(keys.map(fileOf))
  return [...new Set([...all].map(fileOf))].filter((file) => !shard.has(file)).map((file) => `${file}:1`)
}

async function plannedScenarios(
  channel: ChannelPlan,
  options: { root: string; env: Record<string, string | undefined> },
): Promise<ShardUnit[]> {
  const { loadConfiguration, loadSources } = await import('@cucumber/cucumber/api')
  const environment = { cwd: options.root, env: options.env }
  const { runConfiguration } = await loadConfiguration(
    { file: false, provided: { paths: channel.features, tags: channel.tags } },
    environment,
  )
  const { plan, errors } = await loadSources(runConfiguration.sources, environment)
  if (errors.length > 0) {
    const first = errors[0]!
    throw new ConfigurationError(
      `--shard cannot split the ${channel.id} channel: ` +
        `${first.uri}${first.location ? `:${first.location.line}` : ''} does not parse ` +
        `(${first.message})${errors.length > 1 ? ` and ${errors.length - 1} more` : ''}; fix the feature file`,
    )
  }
  return plan.map((pickle) => ({ channel: channel.channel, key: scenarioKey(pickle.uri, pickle.location.line) }))
}
