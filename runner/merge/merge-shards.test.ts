import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Envelope } from '@cucumber/messages'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { copyFixtureProject } from './fixture-project.ts'
import { idProblems } from './message-references.ts'
import { runParlance } from './run-parlance.ts'

let project: ReturnType<typeof copyFixtureProject>
const parlance = (args: string[]): ReturnType<typeof runParlance> => runParlance(args, project.dir)

// The fixture project's one domain is orders: parlance run writes <reports>/orders/<channel>/.
const messages = (dir: string, channel: string): Envelope[] =>
  readFileSync(join(project.dir, dir, 'orders', channel, 'messages.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Envelope)

/** The scenarios a run ran: `uri:line` of each test case's pickle. */
function ran(envelopes: readonly Envelope[]): string[] {
  const pickles = new Map(
    envelopes.flatMap((envelope) =>
      envelope.pickle
        ? [[envelope.pickle.id, `${envelope.pickle.uri}:${envelope.pickle.location?.line}`] as const]
        : [],
    ),
  )
  return envelopes
    .flatMap((envelope) =>
      envelope.testCase
        ? [pickles.get(envelope.testCase.pickleId) ?? `unknown pickle ${envelope.testCase.pickleId}`]
        : [],
    )
    .sort()
}

describe('parlance run --shard, then parlance merge, on a fixture project', { timeout: 180_000 }, () => {
  const outputs: Record<string, { code: number | null; stdout: string; stderr: string }> = {}
  // Three whole runs and a merge: 39 s in CI, over 90 s once on a machine shared with three other test runs.
  beforeAll(async () => {
    project = copyFixtureProject()
    outputs.whole = await parlance(['run', '--reports', 'whole'])
    outputs.first = await parlance(['run', '--shard', '1/2'])
    outputs.second = await parlance(['run', '--shard', '2/2'])
    outputs.merge = await parlance(['merge', '--out', 'merged'])
  }, 180_000)
  afterAll(() => project.remove())

  test('each shard says which it is and runs its share', () => {
    expect(outputs.first!.stdout).toContain('shard 1/2 (from --shard 1/2) · 6 of 12 scenario runs · no timings in')
    expect(outputs.second!.stdout).toContain('shard 2/2 (from --shard 2/2) · 6 of 12 scenario runs · no timings in')
    expect([outputs.first!.code, outputs.second!.code, outputs.first!.stderr, outputs.second!.stderr]).toEqual([
      0,
      0,
      '',
      '',
    ])
  })

  test('the merged messages hold exactly the union of the shards: what one whole run runs', () => {
    for (const channel of ['api', 'ui']) {
      const merged = messages('merged', channel)
      const shards = [
        ...ran(messages('reports/shard-1-of-2', channel)),
        ...ran(messages('reports/shard-2-of-2', channel)),
      ].sort()
      expect(ran(merged)).toEqual(shards)
      expect(ran(merged)).toEqual(ran(messages('whole', channel)))
      expect(new Set(shards).size).toBe(shards.length)
      const types = (envelopes: Envelope[], type: keyof Envelope): number =>
        envelopes.filter((envelope) => envelope[type]).length
      for (const type of [
        'meta',
        'source',
        'gherkinDocument',
        'pickle',
        'stepDefinition',
        'testRunStarted',
        'testRunFinished',
      ] as const) {
        expect(types(merged, type), `${channel} ${type}`).toBe(types(messages('whole', channel), type))
      }
    }
  })

  test('every id is defined once and every reference resolves', () => {
    for (const channel of ['api', 'ui']) expect(idProblems(messages('merged', channel))).toEqual([])
  })

  test('merge prints what it joined and the gate verdict, and exits with the gate', () => {
    const { stdout, code, stderr } = outputs.merge!
    expect(stdout).toContain('parlance merge · 2 shards: reports/shard-1-of-2, reports/shard-2-of-2')
    expect(stdout).toContain(
      '  orders/api  2 shards · 6 scenarios · 6 test case runs → merged/orders/api/messages.ndjson',
    )
    expect(stdout).toContain('Gate: GREEN')
    expect([code, stderr]).toEqual([0, ''])
  })

  test('the next shards are balanced by the durations the merge recorded', async () => {
    const timings = JSON.parse(readFileSync(join(project.dir, 'merged', 'timings.json'), 'utf8')) as {
      scenarios: Record<string, Record<string, number>>
    }
    expect(Object.keys(timings.scenarios.api!)).toHaveLength(6)
    const next = await parlance(['run', '--shard', '1/2', '--timings', 'merged/timings.json', '--reports', 'next'])
    expect(next.stdout).toMatch(
      /shard 1\/2 \(from --shard 1\/2\) · \d+ of 12 scenario runs · estimated \d+\.\d s by .*merged\/timings\.json/,
    )
  })

  test('a channel with no scenario in the shard is skipped, saying so', async () => {
    const { stdout, code } = await parlance(['run', '--channels', 'api', '--shard', '8/8', '--reports', 'empty'])
    expect(stdout).toContain('shard 8/8 (from --shard 8/8) · 0 of 6 scenario runs · no timings in')
    expect(stdout).toContain('api: no scenario in shard 8/8 — skipped')
    expect(code).toBe(0)
  })
})
