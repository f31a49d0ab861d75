/**
 * The spread of one measurement over repeated runs.
 *
 * @example
 *   summarize([3, 1, 2]) // { runs: 3, median: 2, min: 1, max: 3 }
 */
export interface Summary {
  runs: number
  median: number
  min: number
  max: number
}

/**
 * The middle value; for an even count, the mean of the two middle values.
 *
 * @example
 *   median([5, 1, 3]) // 3
 *   median([4, 1, 3, 2]) // 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: no values; measure at least once')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Median, minimum and maximum of repeated measurements.
 *
 * @example
 *   summarize([1200, 1100, 1300]) // { runs: 3, median: 1200, min: 1100, max: 1300 }
 */
export function summarize(values: readonly number[]): Summary {
  return { runs: values.length, median: median(values), min: Math.min(...values), max: Math.max(...values) }
}

/**
 * How many times `a`'s median is `b`'s.
 *
 * @example
 *   ratioOfMedians(summarize([1050]), summarize([1000])) // 1.05
 */
export function ratioOfMedians(a: Summary, b: Summary): number {
  if (b.median === 0) throw new RangeError('ratioOfMedians: the second median is 0, so there is no ratio')
  return a.median / b.median
}
