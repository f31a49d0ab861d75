import { describe, expect, it } from 'vitest'
import { median, ratioOfMedians, summarize } from './stats.ts'

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([7])).toBe(7)
  })

  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([10, 20])).toBe(15)
  })

  it('sorts numerically, not as text', () => {
    expect(median([100, 9, 20])).toBe(20)
  })

  it('leaves its input alone', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })

  it('refuses no values', () => {
    expect(() => median([])).toThrow(new RangeError('median: no values; measure at least once'))
  })
})

describe('summarize', () => {
  it('gives runs, median, min and max', () => {
    expect(summarize([1200, 1100, 1300, 1150])).toEqual({ runs: 4, median: 1175, min: 1100, max: 1300 })
  })
})

describe('ratioOfMedians', () => {
  it('divides the first median by the second', () => {
    expect(ratioOfMedians(summarize([2100, 2000, 2200]), summarize([1000, 900, 1100]))).toBe(2.1)
  })

  it('refuses a zero second median', () => {
    expect(() => ratioOfMedians(summarize([1]), summarize([0]))).toThrow(
      new RangeError('ratioOfMedians: the second median is 0, so there is no ratio'),
    )
  })
})
