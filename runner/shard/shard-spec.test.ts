import { describe, expect, test } from 'vitest'
import { parseRunArgs } from '../run/run-command.ts'
import { chooseShard, describeShardSource, shardFromEnv } from './shard-from-env.ts'
import { parseShard, shardFolder } from './shard-spec.ts'

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
      shardSource: { kind: 'option', text: '2/3' },
      timings: 'ci/timings.json',
    })
  })
})

const shardOf = (env: Record<string, string>) => {
  const choice = chooseShard(undefined, env)
  return choice && { shard: choice.shard, from: describeShardSource(choice.source) }
}

describe("each CI's parallel job variables give the shard, counted from 1", () => {
  test.each([
    ['GitLab, from 1', { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '4' }, 2, 'CI_NODE_INDEX=2, CI_NODE_TOTAL=4'],
    [
      'Buildkite, from 0',
      { BUILDKITE_PARALLEL_JOB: '1', BUILDKITE_PARALLEL_JOB_COUNT: '4' },
      2,
      'BUILDKITE_PARALLEL_JOB=1, BUILDKITE_PARALLEL_JOB_COUNT=4',
    ],
    [
      'CircleCI, from 0',
      { CIRCLE_NODE_INDEX: '3', CIRCLE_NODE_TOTAL: '4' },
      4,
      'CIRCLE_NODE_INDEX=3, CIRCLE_NODE_TOTAL=4',
    ],
    [
      'a Kubernetes Indexed Job, from 0, with PARLANCE_SHARD_TOTAL',
      { JOB_COMPLETION_INDEX: '0', PARLANCE_SHARD_TOTAL: '4' },
      1,
      'JOB_COMPLETION_INDEX=0, PARLANCE_SHARD_TOTAL=4',
    ],
    ['PARLANCE_SHARD, from 1, on any CI', { PARLANCE_SHARD: '3/4' }, 3, 'PARLANCE_SHARD=3/4'],
  ])('%s', (_ci, env, index, from) => {
    expect(shardOf(env)).toEqual({ shard: { index, total: 4 }, from })
  })

  test('--shard gives the shard and says so', () => {
    const choice = chooseShard('2/4', {})!
    expect({ shard: choice.shard, from: describeShardSource(choice.source) }).toEqual({
      shard: { index: 2, total: 4 },
      from: '--shard 2/4',
    })
  })

  test('none set, or a total of 1 (CircleCI sets 0 of 1 on a job without parallelism), is the whole run', () => {
    expect(shardOf({})).toBeUndefined()
    expect(shardOf({ CIRCLE_NODE_INDEX: '0', CIRCLE_NODE_TOTAL: '1' })).toBeUndefined()
    expect(shardOf({ BUILDKITE_PARALLEL_JOB: '0', BUILDKITE_PARALLEL_JOB_COUNT: '1' })).toBeUndefined()
    expect(shardFromEnv({ CI_NODE_INDEX: '1', CI_NODE_TOTAL: '1' })).toBeUndefined()
  })

  test('two CIs that agree give their shard, from the first', () => {
    expect(
      shardOf({
        CI_NODE_INDEX: '2',
        CI_NODE_TOTAL: '4',
        BUILDKITE_PARALLEL_JOB: '1',
        BUILDKITE_PARALLEL_JOB_COUNT: '4',
      }),
    ).toEqual({ shard: { index: 2, total: 4 }, from: 'CI_NODE_INDEX=2, CI_NODE_TOTAL=4' })
  })
})

describe('precedence: --shard, then PARLANCE_SHARD, then the CI', () => {
  const ci = { CIRCLE_NODE_INDEX: '0', CIRCLE_NODE_TOTAL: '4' }

  test('--shard wins over PARLANCE_SHARD and the CI, even when they are wrong', () => {
    expect(parseRunArgs(['--shard', '2/2'], '/work', { ...ci, PARLANCE_SHARD: 'x' })).toMatchObject({
      shard: { index: 2, total: 2 },
      shardSource: { kind: 'option', text: '2/2' },
    })
  })

  test("PARLANCE_SHARD wins over the CI's variables, even when they are wrong or disagree", () => {
    const env = { ...ci, PARLANCE_SHARD: '2/3', CI_NODE_INDEX: '9', BUILDKITE_PARALLEL_JOB: '1' }
    expect(parseRunArgs([], '/work', env)).toMatchObject({
      shard: { index: 2, total: 3 },
      shardSource: { kind: 'variables', variables: [['PARLANCE_SHARD', '2/3']] },
    })
  })

  test('two CIs that disagree are an error naming both', () => {
    expect(() => parseRunArgs([], '/work', { ...ci, CI_NODE_INDEX: '2', CI_NODE_TOTAL: '4' })).toThrow(
      'CI_NODE_INDEX=2, CI_NODE_TOTAL=4 (GitLab: shard 2/4) and CIRCLE_NODE_INDEX=0, CIRCLE_NODE_TOTAL=4 ' +
        "(CircleCI: shard 1/4) disagree; unset one CI's variables, or choose with --shard INDEX/TOTAL or " +
        'PARLANCE_SHARD=INDEX/TOTAL',
    )
  })
})

describe('a bad PARLANCE_SHARD names it', () => {
  test.each([
    ['2', 'PARLANCE_SHARD is "2"; expected INDEX/TOTAL with whole numbers, e.g. PARLANCE_SHARD=2/4'],
    ['0/4', 'PARLANCE_SHARD is "0/4"; the index counts from 1: expected 1/4 … 4/4'],
    ['5/4', 'PARLANCE_SHARD is "5/4"; the index is larger than the total: expected 1/4 … 4/4'],
    ['1/0', 'PARLANCE_SHARD is "1/0"; the total must be at least 1, e.g. PARLANCE_SHARD=1/4'],
  ])('%s', (value, message) => {
    expect(() => parseRunArgs([], '/work', { PARLANCE_SHARD: value })).toThrow(message)
  })
})

describe('a bad CI variable names it and what is allowed', () => {
  test.each([
    [
      { BUILDKITE_PARALLEL_JOB: '4', BUILDKITE_PARALLEL_JOB_COUNT: '4' },
      'BUILDKITE_PARALLEL_JOB is "4"; expected a whole number from 0 to BUILDKITE_PARALLEL_JOB_COUNT - 1 (3); ' +
        'Buildkite counts from 0',
    ],
    [
      { BUILDKITE_PARALLEL_JOB: '1', BUILDKITE_PARALLEL_JOB_COUNT: '0' },
      'BUILDKITE_PARALLEL_JOB_COUNT is "0"; expected a whole number ≥ 1, the step\'s parallelism: N',
    ],
    [
      { BUILDKITE_PARALLEL_JOB: '1' },
      'BUILDKITE_PARALLEL_JOB is "1" but BUILDKITE_PARALLEL_JOB_COUNT is not set; set both (Buildkite does, for a ' +
        'step with parallelism: N) or pass --shard INDEX/TOTAL',
    ],
    [
      { CIRCLE_NODE_INDEX: '-1', CIRCLE_NODE_TOTAL: '4' },
      'CIRCLE_NODE_INDEX is "-1"; expected a whole number from 0 to CIRCLE_NODE_TOTAL - 1 (3); CircleCI counts from 0',
    ],
    [
      { CIRCLE_NODE_INDEX: '1', CIRCLE_NODE_TOTAL: 'many' },
      'CIRCLE_NODE_TOTAL is "many"; expected a whole number ≥ 1, the job\'s parallelism: N',
    ],
    [
      { CIRCLE_NODE_TOTAL: '4' },
      'CIRCLE_NODE_TOTAL is "4" but CIRCLE_NODE_INDEX is not set; set both (CircleCI does, for a job with ' +
        'parallelism: N) or pass --shard INDEX/TOTAL',
    ],
    [
      { JOB_COMPLETION_INDEX: '2' },
      'JOB_COMPLETION_INDEX is "2" but PARLANCE_SHARD_TOTAL is not set; set both (an Indexed Job sets ' +
        "JOB_COMPLETION_INDEX; set PARLANCE_SHARD_TOTAL to the Job's completions) or pass --shard INDEX/TOTAL",
    ],
    [
      { PARLANCE_SHARD_TOTAL: '4' },
      'PARLANCE_SHARD_TOTAL is "4" but JOB_COMPLETION_INDEX is not set; set both (an Indexed Job sets ' +
        "JOB_COMPLETION_INDEX; set PARLANCE_SHARD_TOTAL to the Job's completions) or pass --shard INDEX/TOTAL",
    ],
    [
      { JOB_COMPLETION_INDEX: 'one', PARLANCE_SHARD_TOTAL: '4' },
      'JOB_COMPLETION_INDEX is "one"; expected a whole number from 0 to PARLANCE_SHARD_TOTAL - 1 (3); ' +
        'Kubernetes counts from 0',
    ],
    [
      { JOB_COMPLETION_INDEX: '0', PARLANCE_SHARD_TOTAL: '4.5' },
      'PARLANCE_SHARD_TOTAL is "4.5"; expected a whole number ≥ 1, the Indexed Job\'s completions',
    ],
  ])('%o', (env, message) => {
    expect(() => parseRunArgs([], '/work', env)).toThrow(message)
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
