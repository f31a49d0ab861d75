import { describe, expect, it } from 'vitest'
import {
  combineRounds,
  cpuRatioLine,
  figuresHeader,
  figuresLine,
  median,
  ratioLine,
  type LoadFigures,
} from './load-figures.ts'

const figures = (over: Partial<LoadFigures>): LoadFigures => ({
  requestsPerSecond: 10_000,
  p50Ms: 2,
  p99Ms: 6,
  ok: 100_000,
  non2xx: 0,
  errors: 0,
  seconds: 10,
  ...over,
})

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even count', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7])).toBe(7)
  })

  it('refuses no values, saying what to do', () => {
    expect(() => median([])).toThrow('median: no values; measure at least one round')
  })
})

describe('combineRounds', () => {
  it('takes medians of rate, latency and CPU, and totals of counts', () => {
    const combined = combineRounds([
      figures({ requestsPerSecond: 9_000, p50Ms: 3, p99Ms: 9, non2xx: 1, cpuUsPerRequest: 80 }),
      figures({ requestsPerSecond: 11_000, p50Ms: 1, p99Ms: 5, errors: 2, cpuUsPerRequest: 60 }),
      figures({ requestsPerSecond: 10_000, p50Ms: 2, p99Ms: 7, cpuUsPerRequest: 70 }),
    ])
    expect(combined).toEqual({
      requestsPerSecond: 10_000,
      p50Ms: 2,
      p99Ms: 7,
      ok: 300_000,
      non2xx: 1,
      errors: 2,
      seconds: 30,
      cpuUsPerRequest: 70,
    })
  })

  it('leaves CPU out when a round did not measure it', () => {
    expect(combineRounds([figures({ cpuUsPerRequest: 50 }), figures({})])).not.toHaveProperty('cpuUsPerRequest')
  })
})

describe('the throughput table', () => {
  it('lines up the header and a row', () => {
    expect(figuresHeader()).toBe('target                       req/s   p50 ms   p99 ms  non-2xx  errors  CPU µs/req')
    expect(
      figuresLine(
        'nginx (1 worker)',
        figures({ requestsPerSecond: 12_345.6, p50Ms: 1, p99Ms: 6.25, cpuUsPerRequest: 41.4 }),
      ),
    ).toBe('nginx (1 worker)             12346      1.0      6.3        0       0          41')
    expect(figuresLine('direct', figures({ non2xx: 3, errors: 12 }))).toBe(
      'direct                       10000      2.0      6.0        3      12           -',
    )
  })
})

describe('ratioLine', () => {
  it('meets the goal at or above the ratio with no failures', () => {
    expect(ratioLine(figures({ requestsPerSecond: 6_000 }), figures({}), 0.6)).toBe(
      'LB / nginx req/s: 0.60 (goal ≥ 0.6 with zero non-2xx: met)',
    )
  })

  it('says by how much it missed, and which failures count against it', () => {
    expect(ratioLine(figures({ requestsPerSecond: 3_100, non2xx: 2, errors: 1 }), figures({}), 0.6)).toBe(
      'LB / nginx req/s: 0.31 (goal ≥ 0.6 with zero non-2xx: missed — 0.31 < 0.6 — 2 non-2xx and 1 errors ' +
        'through the LB)',
    )
    expect(ratioLine(figures({ requestsPerSecond: 8_000, non2xx: 4 }), figures({}), 0.6)).toBe(
      'LB / nginx req/s: 0.80 (goal ≥ 0.6 with zero non-2xx: missed — 4 non-2xx and 0 errors through the LB)',
    )
  })
})

describe('cpuRatioLine', () => {
  it('meets the goal at or below the ratio, and names the pair', () => {
    const nginx = figures({ cpuUsPerRequest: 40 })
    expect(cpuRatioLine(figures({ cpuUsPerRequest: 80 }), nginx, 2)).toBe(
      'LB / nginx CPU per request: 2.00× (goal ≤ 2×: met)',
    )
    expect(cpuRatioLine(figures({ cpuUsPerRequest: 130 }), nginx, 2, 'LB 2 procs / nginx 2 workers')).toBe(
      'LB 2 procs / nginx 2 workers CPU per request: 3.25× (goal ≤ 2×: missed)',
    )
  })

  it('says when either side has no CPU figure', () => {
    expect(cpuRatioLine(figures({}), figures({ cpuUsPerRequest: 40 }), 2)).toBe(
      'LB / nginx CPU per request: not measured (/proc could not tell)',
    )
  })
})
