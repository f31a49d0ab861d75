import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { readMessages } from '../merge/read-messages.ts'
import { mergeTimings, readTimings, timingsFromMessages, writeTimings } from './timings.ts'

const cck = (name: string): string => new URL(`../fixtures/cck/${name}/${name}.ndjson`, import.meta.url).pathname

describe('timings', () => {
  test('a scenario lasts from testCaseStarted to testCaseFinished, summed over retries', async () => {
    expect(timingsFromMessages('api', await readMessages(cck('retry')))).toEqual({
      // line 11: attempts of 3 ms + 3 ms; line 14: three attempts of 3 ms
      api: {
        'samples/retry/retry.feature:8': 3,
        'samples/retry/retry.feature:11': 6,
        'samples/retry/retry.feature:14': 9,
        'samples/retry/retry.feature:17': 9,
      },
    })
  })

  test('the latest lie over the previous; scenarios that did not run keep theirs', () => {
    expect(
      mergeTimings(
        { api: { 'a.feature:3': 100, 'a.feature:9': 50 }, ui: { 'a.feature:3': 7 } },
        { api: { 'a.feature:3': 120 } },
      ),
    ).toEqual({
      api: { 'a.feature:3': 120, 'a.feature:9': 50 },
      ui: { 'a.feature:3': 7 },
    })
  })

  test('round-trips through the file; a missing file is no timings; a bad one says which', () => {
    const dir = mkdtempSync(join(tmpdir(), 'timings-'))
    writeTimings(join(dir, 'timings.json'), { api: { 'b.feature:2': 1, 'a.feature:10': 2, 'a.feature:9': 3 } })
    expect(Object.keys(readTimings(join(dir, 'timings.json')).api!)).toEqual([
      'a.feature:9',
      'a.feature:10',
      'b.feature:2',
    ])
    expect(readTimings(join(dir, 'none.json'))).toEqual({})
    writeFileSync(join(dir, 'bad.json'), '{"api": 1}')
    expect(() => readTimings(join(dir, 'bad.json'))).toThrow(
      `timings file ${join(dir, 'bad.json')} has no { "scenarios": { CHANNEL: { "uri:line": ms } } }; delete ` +
        `it, or point --timings at another`,
    )
  })
})
