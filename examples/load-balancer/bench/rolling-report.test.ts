import { describe, expect, it } from 'vitest'
import { rollingLines, type RollingFigures } from './rolling-report.ts'

const rolled: RollingFigures = {
  host: 'web.bench',
  rate: 300,
  connections: 10,
  steps: [
    { old: 'web-1', replacement: 'web-v2-1', healthyAfterMs: 104, goneAfterMs: 1_236 },
    { old: 'web-2', replacement: 'web-v2-2', healthyAfterMs: 95.5, goneAfterMs: 1_120 },
  ],
  updateDelayMs: 1_000,
  replaceMs: 3_356,
  load: { requestsPerSecond: 300, p50Ms: 3, p99Ms: 21, ok: 1_305, non2xx: 0, errors: 0, seconds: 4.4 },
}

describe('rollingLines', () => {
  it('reports each step, the requests and the verdict', () => {
    expect(rollingLines(rolled)).toEqual([
      'Rolling replace of 2 replicas of web.bench, under a steady 300 req/s over 10 connections through the LB',
      '  web-1 → web-v2-1: new one healthy in status after 0.10 s, old one stopped, drained and gone after 1.24 s',
      '  web-2 → web-v2-2: new one healthy in status after 0.10 s, old one stopped, drained and gone after 1.12 s',
      '  replace took 3.36 s with a 1.00 s update delay between replicas; load ran 4.4 s',
      '  requests: 1305 (2xx: 1305, non-2xx: 0, errors: 0); the ≤ 10 in flight when the load stopped are not counted',
      '  latency p50 3.0 ms, p99 21.0 ms',
      'failed: 0 (goal 0: met)',
    ])
  })

  it('counts non-2xx and errors as failed', () => {
    const failing = { ...rolled, load: { ...rolled.load, ok: 1_300, non2xx: 3, errors: 2 } }
    expect(rollingLines(failing).at(-1)).toBe('failed: 5 (goal 0: missed)')
  })
})
