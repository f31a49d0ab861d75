import { describe, expect, it } from 'vitest'
import { sumFigures, type ProxyFigures } from './proxy-figures.ts'

describe('sumFigures', () => {
  it('sums every count of several workers, keys sorted, and keeps a key only one worker has', () => {
    const a: ProxyFigures = {
      metrics: {
        responses: { shop: { '200': 3, '502': 1 }, '(unknown)': { '404': 2 } },
        retries: 1,
        errors: { ECONNREFUSED: 1 },
        forwarded: { r2: 3 },
      },
      inFlight: { r2: 1 },
    }
    const b: ProxyFigures = {
      metrics: { responses: { shop: { '200': 4 }, api: { '200': 1 } }, retries: 2, errors: {}, forwarded: { r1: 5 } },
      inFlight: { r1: 2, r2: 1 },
    }
    expect(sumFigures([a, b])).toEqual({
      metrics: {
        responses: { '(unknown)': { '404': 2 }, api: { '200': 1 }, shop: { '200': 7, '502': 1 } },
        retries: 3,
        errors: { ECONNREFUSED: 1 },
        forwarded: { r1: 5, r2: 3 },
      },
      inFlight: { r1: 2, r2: 2 },
    })
    expect(Object.keys(sumFigures([a, b]).metrics.responses)).toEqual(['(unknown)', 'api', 'shop'])
  })

  it('is all zeros for no workers', () => {
    expect(sumFigures([])).toEqual({
      metrics: { responses: {}, retries: 0, errors: {}, forwarded: {} },
      inFlight: {},
    })
  })
})
