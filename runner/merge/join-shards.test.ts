import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Envelope } from '@cucumber/messages'
import { describe, expect, test } from 'vitest'
import { joinShards } from './join-shards.ts'
import { idProblems } from './message-references.ts'
import { readMessages } from './read-messages.ts'

const cckDir = fileURLToPath(new URL('../fixtures/cck/', import.meta.url))
const samples = readdirSync(cckDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
const read = (name: string): Promise<Envelope[]> => readMessages(`${cckDir}${name}/${name}.ndjson`)
const count = (envelopes: readonly Envelope[], type: keyof Envelope): number =>
  envelopes.filter((envelope) => envelope[type] !== undefined).length

describe('joinShards on the cucumber compatibility kit (protocol 33)', () => {
  test('has all 46 samples', () => expect(samples).toHaveLength(46))

  test.each(samples)('%s: alone, it keeps every message and every reference resolves', async (name) => {
    const sample = await read(name)
    const merged = joinShards([sample])
    expect(idProblems(merged)).toEqual([])
    for (const type of [
      'source',
      'pickle',
      'testCase',
      'testCaseStarted',
      'testStepFinished',
      'attachment',
      'testRunHookFinished',
      'testRunFinished',
    ] as const) {
      expect(count(merged, type), type).toBe(count(sample, type))
    }
  })

  test.each(samples)('%s: with itself, its definitions once and its runs twice', async (name) => {
    const sample = await read(name)
    const merged = joinShards([sample, sample])
    expect(idProblems(merged)).toEqual([])
    expect(count(merged, 'pickle')).toBe(count(sample, 'pickle'))
    expect(count(merged, 'stepDefinition')).toBe(count(sample, 'stepDefinition'))
    expect(count(merged, 'testCaseStarted')).toBe(2 * count(sample, 'testCaseStarted'))
    expect(count(merged, 'testRunStarted')).toBe(1)
    const finished = merged
      .filter((envelope) => envelope.testRunFinished)
      .map((envelope) => envelope.testRunFinished!.success)
    expect(finished).toEqual(
      sample.filter((envelope) => envelope.testRunFinished).map((envelope) => envelope.testRunFinished!.success),
    )
  })

  test('every sample with the next: the union of both, references resolving', async () => {
    for (const [i, name] of samples.entries()) {
      const other = samples[(i + 1) % samples.length]!
      const [a, b] = [await read(name), await read(other)]
      const merged = joinShards([a, b])
      expect(idProblems(merged), `${name} + ${other}`).toEqual([])
      expect(count(merged, 'testCaseStarted'), `${name} + ${other}`).toBe(
        count(a, 'testCaseStarted') + count(b, 'testCaseStarted'),
      )
    }
  })

  test('the run succeeded only if every shard did, from the earliest start to the latest finish', async () => {
    const [passing, failing] = [await read('minimal'), await read('hooks')]
    const merged = joinShards([passing, failing])
    expect(merged.find((envelope) => envelope.testRunFinished)?.testRunFinished).toMatchObject({ success: false })
    expect(joinShards([passing, passing]).find((envelope) => envelope.testRunFinished)?.testRunFinished?.success).toBe(
      true,
    )
    expect(
      joinShards([passing, passing.filter((envelope) => !envelope.testRunFinished)]).find(
        (envelope) => envelope.testRunFinished,
      )?.testRunFinished?.success,
    ).toBe(false)
  })

  test('refuses shards that ran different versions of a feature file', async () => {
    const sample = await read('minimal')
    const changed = sample.map((envelope) =>
      envelope.source ? { source: { ...envelope.source, data: `${envelope.source.data}\n# changed` } } : envelope,
    )
    expect(() => joinShards([sample, changed], ['reports/shard-1-of-2', 'reports/shard-2-of-2'])).toThrow(
      'samples/minimal/minimal.feature differs between reports/shard-1-of-2 and reports/shard-2-of-2: the ' +
        'shards ran different versions of it; merge only the shards of one pipeline (one commit)',
    )
  })
})
