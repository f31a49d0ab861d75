import { describe, expect, test } from 'vitest'
import type { FeatureOutline } from '../../drivers/core/run-model/index.ts'
import { attemptOf, channelRunOf, scenarioOf } from '../../drivers/core/run-model/test-runs.ts'
import { judge } from '../gate/index.ts'
import { type RunFigures, ratioLimits, shardBalance, verdictDifferences } from './shard-figures.ts'

const run = (wallMs: number, channelsMs: number, scenarioMs: number, longestMs = 1_000): RunFigures => ({
  wallMs,
  channelsMs,
  scenarioMs,
  longestMs,
})

describe('shardBalance', () => {
  test('the slowest shard against the unsharded wall time / N', () => {
    expect(
      shardBalance(200_000, [run(50_000, 0, 0), run(57_500, 0, 0), run(40_000, 0, 0), run(50_000, 0, 0)], 1.15),
    ).toEqual({ idealMs: 50_000, slowestMs: 57_500, slowest: 2, ratio: 1.15, met: true })
    expect(shardBalance(200_000, [run(60_000, 0, 0), run(50_000, 0, 0)], 1.15)).toEqual({
      idealMs: 100_000,
      slowestMs: 60_000,
      slowest: 1,
      ratio: 0.6,
      met: true,
    })
  })
})

describe('ratioLimits', () => {
  const whole = run(200_000, 180_000, 400_000)

  test('none when the goal is met', () => {
    const shards = [run(50_000, 45_000, 100_000), run(50_000, 45_000, 100_000)]
    expect(ratioLimits(whole, shards, shardBalance(100_000, shards, 1.15))).toEqual([])
  })

  test('the fixed cost every shard pays again, the uneven split and the largest scenario', () => {
    // Outside the channels: 20 s unsharded, 30 s in the slowest shard; its scenarios 150 s of a fair 100 s.
    const shards = [run(130_000, 100_000, 150_000, 120_000), run(80_000, 60_000, 50_000)]
    const balance = shardBalance(whole.wallMs, shards, 1.15)
    expect(balance).toEqual({ idealMs: 100_000, slowestMs: 130_000, slowest: 1, ratio: 1.3, met: false })
    expect(ratioLimits(whole, shards, balance)).toEqual([
      { kind: 'fixed-cost', wholeMs: 20_000, shardMs: 30_000, boundRatio: 1.2 },
      { kind: 'imbalance', shardMs: 150_000, fairMs: 100_000, ratio: 1.5 },
      { kind: 'largest-scenario', longestMs: 120_000, fairMs: 100_000 },
    ])
  })
})

describe('verdictDifferences', () => {
  const feature: FeatureOutline = {
    uri: 'specs/orders.feature',
    name: 'Orders',
    tags: ['@story:ORD-1'],
    storyId: 'ORD-1',
    rules: [{ name: 'Paid orders are confirmed', line: 5, scenarios: 1 }],
  }
  const rule = { name: 'Paid orders are confirmed', line: 5 }
  const passed = judge([channelRunOf('api', [scenarioOf(feature, 6, { rule })], [feature])], {})
  const failed = judge(
    [channelRunOf('api', [scenarioOf(feature, 6, { rule, attempts: [attemptOf('failed')] })], [feature])],
    {},
  )

  test('none between the same verdicts', () => {
    expect(verdictDifferences(passed, passed)).toEqual([])
  })

  test('green or red, and each criterion × channel that differs', () => {
    expect(verdictDifferences(passed, failed)).toEqual([
      { row: 'green', whole: 'true', merged: 'false' },
      { row: 'specs/orders.feature:5', channel: 'api', whole: 'tested passed', merged: 'tested error' },
    ])
  })
})
