import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '../../core/errors/configuration-error.ts'
import {
  countsByReplica,
  describeRecord,
  failures,
  firstAnsweredBy,
  latencyPercentiles,
  ratioAtMost,
  spread,
} from './analysis.ts'
import type { ResponseRecord, TrafficRecord } from './traffic-record.ts'

const ok = (index: number, replica: string, latencyMs = 5): ResponseRecord => ({
  index,
  sentAtMs: index * 10,
  latencyMs,
  status: 200,
  replica,
  body: JSON.stringify({ container: replica, requests: index + 1, path: '/' }),
})

const recordOf = (responses: ResponseRecord[]): TrafficRecord => ({
  plan: { url: 'http://127.0.0.1:8080', host: 'shop.example', requests: responses.length, overMs: 2000 },
  startedAtMs: 1_700_000_000_000,
  durationMs: 2104.6,
  responses,
})

const mixed = recordOf([
  ok(0, 'web-2'),
  ok(1, 'web-1'),
  { index: 2, sentAtMs: 20.4, latencyMs: 1, error: 'ECONNRESET', body: '' },
  ok(3, 'web-2'),
  {
    index: 4,
    sentAtMs: 411.6,
    latencyMs: 3,
    status: 502,
    body: 'service "shop.example" could not be reached (ECONNREFUSED)\n',
  },
  {
    index: 5,
    sentAtMs: 50,
    latencyMs: 2,
    status: 503,
    retryAfter: '1',
    body: 'service "shop.example" has no healthy replica\n',
  },
  { index: 6, sentAtMs: 60, latencyMs: 10_000, status: 200, error: 'timeout after 10000 ms', body: '{"cont' },
  ok(7, 'web-3'),
])

describe('failures', () => {
  it('describes every response that is not a whole 2xx answer, one line each', () => {
    expect(failures(mixed)).toEqual([
      '#2 at 20 ms: ECONNRESET',
      '#4 at 412 ms: 502 service "shop.example" could not be reached (ECONNREFUSED)',
      '#5 at 50 ms: 503 service "shop.example" has no healthy replica (Retry-After: 1)',
      '#6 at 60 ms: 200, then timeout after 10000 ms',
    ])
    expect(failures(recordOf([ok(0, 'web-1'), { ...ok(1, 'web-1'), status: 204 }]))).toEqual([])
    expect(failures(recordOf([{ index: 0, sentAtMs: 0, latencyMs: 1, status: 404, body: '' }]))).toEqual([
      '#0 at 0 ms: 404',
    ])
  })
})

describe('countsByReplica and spread', () => {
  it('counts 2xx answers by replica, in name order', () => {
    expect(countsByReplica(mixed)).toEqual(
      new Map([
        ['web-1', 1],
        ['web-2', 2],
        ['web-3', 1],
      ]),
    )
    expect([...countsByReplica(mixed).keys()]).toEqual(['web-1', 'web-2', 'web-3'])
  })

  it('gives the fewest and most answers per replica, and their ratio', () => {
    expect(spread(mixed)).toEqual({ replicas: 3, min: 1, max: 2, ratio: 2 })
    expect(spread(recordOf([]))).toEqual({ replicas: 0, min: 0, max: 0, ratio: Infinity })
  })

  it('compares the ratio exactly, in whole numbers', () => {
    const thirds = recordOf([...Array(3).keys()].map((i) => ok(i, 'a')).concat([3, 4].map((i) => ok(i, 'b'))))
    expect(spread(thirds)).toMatchObject({ min: 2, max: 3 })
    expect(ratioAtMost(spread(thirds), 3, 2)).toBe(true)
    expect(ratioAtMost(spread(thirds), 149, 100)).toBe(false)
    expect(ratioAtMost(spread(mixed), 2)).toBe(true)
    expect(ratioAtMost(spread(recordOf([])), 100)).toBe(false)
  })
})

describe('latencyPercentiles', () => {
  const hundred = recordOf([...Array(100).keys()].map((i) => ok(i, 'web-1', 100 - i + 0.4)))

  it('takes the nearest rank among 2xx latencies, in whole ms', () => {
    expect(latencyPercentiles(hundred, [0, 1, 50, 99, 99.9, 100])).toEqual([1, 1, 50, 99, 100, 100])
    expect(latencyPercentiles(mixed, [50, 100])).toEqual([5, 5])
    expect(latencyPercentiles(recordOf([ok(0, 'a', 3), ok(1, 'a', 9), ok(2, 'a', 4)]), [50, 67, 66])).toEqual([4, 9, 4])
  })

  it('has no latency to give when nothing answered 2xx', () => {
    expect(latencyPercentiles(recordOf([]), [50, 99])).toEqual([undefined, undefined])
  })

  it.each([-1, 100.5, 99.95, Number.NaN])('refuses the percentile %s', (percentile) => {
    expect(() => latencyPercentiles(hundred, [percentile])).toThrow(
      new ConfigurationError(
        `latencyPercentiles: percentile ${percentile} is not allowed. Give a number from 0 to 100 in steps of ` +
          `0.1, e.g. 50 or 99.9`,
      ),
    )
  })
})

describe('firstAnsweredBy', () => {
  it('finds the first response, in plan order, from the replica', () => {
    expect(firstAnsweredBy(mixed, 'web-2')).toBe(mixed.responses[0])
    expect(firstAnsweredBy(mixed, 'web-3')?.index).toBe(7)
    expect(firstAnsweredBy(mixed, 'web-9')).toBeUndefined()
  })
})

describe('describeRecord', () => {
  it('sums a run up for a failure message', () => {
    expect(describeRecord(mixed)).toBe(
      [
        '8 GET / to http://127.0.0.1:8080 (Host shop.example) over 2s, took 2.105s: 8 recorded, 4 answered ' +
          '2xx, 4 failed',
        'statuses: 200 ×5, 502 ×1, 503 ×1',
        'replicas: web-1 ×1, web-2 ×2, web-3 ×1',
        'errors: ECONNRESET ×1, timeout after 10000 ms ×1',
        '#2 at 20 ms: ECONNRESET',
        '#4 at 412 ms: 502 service "shop.example" could not be reached (ECONNREFUSED)',
        '#5 at 50 ms: 503 service "shop.example" has no healthy replica (Retry-After: 1)',
        '#6 at 60 ms: 200, then timeout after 10000 ms',
      ].join('\n'),
    )
  })

  it('shows only the first five failures', () => {
    const refused = recordOf(
      [...Array(7).keys()].map((index) => ({ index, sentAtMs: index, latencyMs: 1, error: 'ECONNREFUSED', body: '' })),
    )
    expect(describeRecord(refused).split('\n')).toEqual([
      '7 GET / to http://127.0.0.1:8080 (Host shop.example) over 2s, took 2.105s: 7 recorded, 0 answered 2xx, 7 failed',
      'statuses: none',
      'replicas: none',
      'errors: ECONNREFUSED ×7',
      '#0 at 0 ms: ECONNREFUSED',
      '#1 at 1 ms: ECONNREFUSED',
      '#2 at 2 ms: ECONNREFUSED',
      '#3 at 3 ms: ECONNREFUSED',
      '#4 at 4 ms: ECONNREFUSED',
      '… and 2 more failures',
    ])
  })
})
