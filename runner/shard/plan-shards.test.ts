import { describe, expect, test } from 'vitest'
import { cucumberShards } from './cucumber-shards.ts'
import { planShards, type ShardUnit } from './plan-shards.ts'
import { cucumberPaths } from './select-shard.ts'

const unit = (channel: string, key: string): ShardUnit => ({ channel, key })
const units = [
  unit('api', 'a.feature:3'),
  unit('api', 'a.feature:9'),
  unit('api', 'b.feature:2'),
  unit('ui', 'a.feature:3'),
  unit('ui', 'a.feature:9'),
  unit('ui', 'b.feature:2'),
]
const timings = {
  api: { 'a.feature:3': 100, 'a.feature:9': 300, 'b.feature:2': 200 },
  ui: { 'a.feature:3': 700, 'a.feature:9': 400, 'b.feature:2': 400 },
}
const keys = (plan: { units: ShardUnit[] }[]): string[][] =>
  plan.map((shard) => shard.units.map((u) => `${u.channel} ${u.key}`))

describe('planShards', () => {
  test('deals the longest first to the least loaded shard, equal durations in channel name then key order', () => {
    const plan = planShards(units, timings, 2)
    expect(plan.basis).toBe('timings')
    // 700 → 1; 400 (ui a:9) → 2; 400 (ui b:2) → 2 (800); 300 → 1 (1000); 200 → 2 (1000); 100 → 1 (1100)
    expect(keys(plan.shards)).toEqual([
      ['api a.feature:3', 'api a.feature:9', 'ui a.feature:3'],
      ['api b.feature:2', 'ui a.feature:9', 'ui b.feature:2'],
    ])
    expect(plan.shards.map((shard) => shard.estimatedMs)).toEqual([1100, 1000])
  })

  test('gives the same split whatever order the units come in', () => {
    const shuffled = [units[4]!, units[0]!, units[5]!, units[2]!, units[3]!, units[1]!]
    expect(planShards(shuffled, timings, 3)).toEqual(planShards(units, timings, 3))
  })

  test('counts a scenario without a duration as the median of the known ones', () => {
    const plan = planShards([...units, unit('ui', 'c.feature:1')], timings, 2)
    // known: 100 200 300 400 400 700 → median 350: 700 → 1, 400 → 2, 400 → 2, 350 → 1, 300 → 2, 200 → 1, 100 → 2
    expect(plan.shards.map((shard) => shard.estimatedMs)).toEqual([1250, 1200])
    expect(keys(plan.shards)[0]).toContain('ui c.feature:1')
  })

  test('deals round-robin in channel name then key order when there are no timings at all', () => {
    const plan = planShards([...units].reverse(), {}, 4)
    expect(plan.basis).toBe('round-robin')
    expect(keys(plan.shards)).toEqual([
      ['api a.feature:3', 'ui a.feature:9'],
      ['api a.feature:9', 'ui b.feature:2'],
      ['api b.feature:2'],
      ['ui a.feature:3'],
    ])
  })

  test('leaves a shard empty when there are more shards than scenarios', () => {
    expect(planShards(units.slice(0, 2), timings, 3).shards.map((shard) => shard.units.length)).toEqual([1, 1, 0])
  })
})

describe('cucumberShards', () => {
  test("reproduces cucumber's --shard: pickle k of each channel's run goes to shard k % n + 1", () => {
    expect(keys(cucumberShards(units, timings, 2))).toEqual([
      ['api a.feature:3', 'api b.feature:2', 'ui a.feature:3', 'ui b.feature:2'],
      ['api a.feature:9', 'ui a.feature:9'],
    ])
  })
})

describe('cucumberPaths', () => {
  test('one cucumber path per file, its lines in order', () => {
    expect(cucumberPaths(['specs/a.feature:9', 'specs/b.feature:2', 'specs/a.feature:3'])).toEqual([
      'specs/a.feature:3:9',
      'specs/b.feature:2',
    ])
  })
})
