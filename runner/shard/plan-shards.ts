import { compareKeys, type Timings } from './timings.ts'

/**
 * One thing a shard can run: a scenario (`uri:line`) on a channel.
 *
 * @example
 *   const unit: ShardUnit = { channel: 'api', key: 'specs/settlement/each-way.feature:12' }
 */
export interface ShardUnit {
  channel: string
  key: string
}

/**
 * What one shard runs, and how long that should take by the timings.
 *
 * @example
 *   declare const units: ShardUnit[], timings: Timings
 *   const { shards } = planShards(units, timings, 4)
 *   shards[0] // { units: [{ channel: 'ui', key: 'specs/settlement/void.feature:4' }, …], estimatedMs: 41_200 }
 */
export interface ShardLoad {
  units: ShardUnit[]
  estimatedMs: number
}

/**
 * A split of the units over the shards; `basis` says whether durations drove it.
 *
 * @example
 *   declare const units: ShardUnit[], timings: Timings
 *   planShards(units, timings, 4).basis // 'timings'
 */
export interface ShardPlan {
  shards: ShardLoad[]
  basis: 'timings' | 'round-robin'
}

/**
 * Splits (channel, scenario) units over `total` shards so they finish
 * together: longest first, each to the shard with the least work so far
 * (greedy LPT; ties go to the lower shard, equal durations are taken in
 * channel name then key order). A unit without a duration counts as the median of
 * the known ones; with no known duration at all, the units are dealt out
 * round-robin in channel name then key order. The same units and timings always
 * give the same split, whatever order the units come in.
 *
 * @example
 *   planShards(
 *     [
 *       { channel: 'api', key: 'a.feature:3' },
 *       { channel: 'api', key: 'a.feature:9' },
 *     ],
 *     { api: { 'a.feature:3': 900, 'a.feature:9': 100 } },
 *     2,
 *   )
 *   // { basis: 'timings', shards: [{ units: [a.feature:3], estimatedMs: 900 },
 *   //   { units: [a.feature:9], estimatedMs: 100 }] }
 */
export function planShards(units: readonly ShardUnit[], timings: Timings, total: number): ShardPlan {
  const ordered = canonicalOrder(units)
  const shards: ShardLoad[] = Array.from({ length: total }, () => ({ units: [], estimatedMs: 0 }))
  const known = ordered.flatMap((unit) => {
    const ms = timings[unit.channel]?.[unit.key]
    return ms === undefined ? [] : [ms]
  })
  if (known.length === 0) {
    ordered.forEach((unit, i) => shards[i % total]!.units.push(unit))
    return { shards, basis: 'round-robin' }
  }
  const fallback = median(known)
  const weighted = ordered.map((unit, order) => ({ unit, order, ms: timings[unit.channel]?.[unit.key] ?? fallback }))
  weighted.sort((a, b) => b.ms - a.ms || a.order - b.order)
  for (const { unit, ms } of weighted) {
    let least = shards[0]!
    for (const shard of shards) if (shard.estimatedMs < least.estimatedMs) least = shard
    least.units.push(unit)
    least.estimatedMs += ms
  }
  for (const shard of shards) shard.units = canonicalOrder(shard.units)
  return { shards, basis: 'timings' }
}

/** By channel name, then by key: an order that does not depend on the order the units came in. */
function canonicalOrder(units: readonly ShardUnit[]): ShardUnit[] {
  return [...units].sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : compareKeys(a.key, b.key)))
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
