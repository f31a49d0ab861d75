import type { ShardLoad, ShardUnit } from './plan-shards.ts'
import { compareKeys, type Timings } from './timings.ts'

/**
 * The split cucumber-js's own `--shard i/n` makes, for comparison: its
 * sharding plugin (`lib/sharding/sharding_plugin.js`) keeps, of the pickles
 * left after the tag filter and in run order, those whose index `k` has
 * `k % n === i - 1`. Parlance runs cucumber once per channel, so the index
 * restarts at 0 on every channel. Run order is the sorted feature paths, then
 * document order within a file — the `uri:line` order of the keys.
 *
 * @example
 *   cucumberShards(
 *     [
 *       { channel: 'api', key: 'a.feature:3' },
 *       { channel: 'api', key: 'a.feature:9' },
 *       { channel: 'ui', key: 'a.feature:3' },
 *     ],
 *     {},
 *     2,
 *   )
 *   // shard 1: api a.feature:3, ui a.feature:3 · shard 2: api a.feature:9
 */
export function cucumberShards(units: readonly ShardUnit[], timings: Timings, total: number): ShardLoad[] {
  const shards: ShardLoad[] = Array.from({ length: total }, () => ({ units: [], estimatedMs: 0 }))
  const channels = [...new Set(units.map((unit) => unit.channel))]
  for (const channel of channels) {
    const pickles = units.filter((unit) => unit.channel === channel).sort((a, b) => compareKeys(a.key, b.key))
    pickles.forEach((unit, k) => {
      const shard = shards[k % total]!
      shard.units.push(unit)
      shard.estimatedMs += timings[channel]?.[unit.key] ?? 0
    })
  }
  return shards
}
