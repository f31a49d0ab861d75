import { describe, expect, test } from 'vitest'
import { parseRunArgs } from '../run/run-command.ts'
import { parseShard, shardFolder, shardFromEnv } from './shard-spec.ts'

describe('--shard', () => {
  test('parses INDEX/TOTAL, counted from 1', () => {
    expect(parseShard('1/1')).toEqual({ index: 1, total: 1 })
    expect(parseShard('3/4')).toEqual({ index: 3, total: 4 })
    expect(shardFolder({ index: 3, total: 4 })).toBe('shard-3-of-4')
  })

  test.each([
    ['2', '--shard is "2"; expected INDEX/TOTAL with whole numbers, e.g. --shard 2/4'],
    ['a/b', '--shard is "a/b"; expected INDEX/TOTAL with whole numbers, e.g. --shard 2/4'],
    ['1.5/4', '--shard is "1.5/4"; expected INDEX/TOTAL with whole numbers, e.g. --shard 2/4'],
    ['0/4', '--shard is "0/4"; the index counts from 1: expected 1/4 … 4/4'],
    ['5/4', '--shard is "5/4"; the index is larger than the total: expected 1/4 … 4/4'],
    ['1/0', '--shard is "1/0"; the total must be at least 1, e.g. --shard 1/4'],
  ])('rejects %s', (text, message) => {
    expect(() => parseRunArgs(['--shard', text], '/work', {})).toThrow(message)
  })

  test('is read from parlance run arguments, with --timings', () => {
    expect(parseRunArgs(['--shard', '2/3', '--timings', 'ci/timings.json'], '/work', {})).toEqual({
      cwd: '/work',
      env: 'local',
      shard: { index: 2, total: 3 },
      timings: 'ci/timings.json',
    })
  })
})

describe("GitLab's CI_NODE_INDEX and CI_NODE_TOTAL", () => {
  test('give the shard when --shard is absent; GitLab counts from 1', () => {
    expect(parseRunArgs([], '/work', { CI_NODE_INDEX: '4', CI_NODE_TOTAL: '4' }).valueOf()).toMatchObject({
      shard: { index: 4, total: 4 },
    })
    expect(shardFromEnv({})).toBeUndefined()
  })

  test('--shard wins over them, even when they are wrong', () => {
    expect(parseRunArgs(['--shard', '1/2'], '/work', { CI_NODE_INDEX: 'x', CI_NODE_TOTAL: '4' })).toMatchObject({
      shard: { index: 1, total: 2 },
    })
  })

  test.each([
    [
      { CI_NODE_INDEX: '0', CI_NODE_TOTAL: '4' },
      'CI_NODE_INDEX is "0"; expected a whole number from 1 to CI_NODE_TOTAL (4)',
    ],
    [
      { CI_NODE_INDEX: '5', CI_NODE_TOTAL: '4' },
      'CI_NODE_INDEX is "5"; expected a whole number from 1 to CI_NODE_TOTAL (4)',
    ],
    [
      { CI_NODE_INDEX: '1', CI_NODE_TOTAL: 'four' },
      'CI_NODE_TOTAL is "four"; expected a whole number ≥ 1, the job\'s parallel: N',
    ],
    [
      { CI_NODE_INDEX: '1' },
      'CI_NODE_INDEX is "1" but CI_NODE_TOTAL is not set; set both (GitLab does, for a job with parallel: N) ' +
        'or pass --shard INDEX/TOTAL',
    ],
    [
      { CI_NODE_TOTAL: '4' },
      'CI_NODE_TOTAL is "4" but CI_NODE_INDEX is not set; set both (GitLab does, for a job with parallel: N) ' +
        'or pass --shard INDEX/TOTAL',
    ],
  ])('a bad value names the variable: %o', (env, message) => {
    expect(() => parseRunArgs([], '/work', env)).toThrow(message)
  })
})
