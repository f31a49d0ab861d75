import { ConfigurationError } from '../../core/errors/configuration-error.ts'
import { Duration } from '../../core/values/duration.ts'
import type { ResponseRecord, TrafficRecord } from './traffic-record.ts'

/**
 * How evenly the 2xx answers were shared: how many replicas answered, the fewest and most any one answered, and max /
 * min.
 *
 * @example
 *   declare const record: TrafficRecord
 *   spread(record) // { replicas: 2, min: 98, max: 102, ratio: 1.0408… }
 *   ratioAtMost(spread(record), 11, 10) // true: max / min ≤ 11/10, compared exactly
 */
export interface Spread {
  replicas: number
  min: number
  max: number
  /** max / min; Infinity when no replica answered. Compare with `ratioAtMost`, not float equality. */
  ratio: number
}

const isSuccess = (response: ResponseRecord): boolean =>
  response.error === undefined && response.status !== undefined && response.status >= 200 && response.status < 300

/**
 * Every response that is not a whole 2xx answer, one line each: its index, when it was sent, and what went wrong.
 *
 * @example
 *   declare const record: TrafficRecord
 *   failures(record)
 *   // → ['#17 at 412 ms: 502 service "x" could not be reached (ECONNREFUSED)', '#3 at 10 ms: ECONNRESET']
 *   failures(record).length === 0 // no request failed
 */
export function failures(record: TrafficRecord): string[] {
  return record.responses.filter((response) => !isSuccess(response)).map(describeFailure)
}

function describeFailure(response: ResponseRecord): string {
  const at = `#${response.index} at ${Math.round(response.sentAtMs)} ms: `
  if (response.error !== undefined)
    return at + (response.status === undefined ? response.error : `${response.status}, then ${response.error}`)
  const firstLine = response.body.split('\n', 1)[0]?.trim() ?? ''
  const retry = response.retryAfter === undefined ? '' : ` (Retry-After: ${response.retryAfter})`
  return `${at}${response.status}${firstLine === '' ? '' : ` ${firstLine}`}${retry}`
}

/**
 * How many 2xx answers each replica gave, by replica name in alphabetical order.
 *
 * @example
 *   declare const record: TrafficRecord
 *   countsByReplica(record) // Map { 'web-1' => 100, 'web-2' => 100 }
 *   countsByReplica(record).get('web-3') ?? 0 // 0: it answered nothing
 */
export function countsByReplica(record: TrafficRecord): Map<string, number> {
  return byName(
    tally(
      record.responses.flatMap((response) =>
        isSuccess(response) && response.replica !== undefined ? [response.replica] : [],
      ),
    ),
  )
}

/**
 * How evenly the replicas that answered shared the 2xx answers.
 *
 * @example
 *   declare const record: TrafficRecord, emptyRecord: TrafficRecord
 *   spread(record) // { replicas: 3, min: 66, max: 67, ratio: 1.0151… }
 *   spread(emptyRecord) // { replicas: 0, min: 0, max: 0, ratio: Infinity }
 */
export function spread(record: TrafficRecord): Spread {
  const counts = [...countsByReplica(record).values()]
  if (counts.length === 0) return { replicas: 0, min: 0, max: 0, ratio: Infinity }
  const min = Math.min(...counts)
  const max = Math.max(...counts)
  return { replicas: counts.length, min, max, ratio: max / min }
}

/**
 * Whether max / min ≤ numerator / denominator, compared in whole numbers; false when no replica answered.
 *
 * @example
 *   ratioAtMost({ replicas: 2, min: 2, max: 3, ratio: 1.5 }, 3, 2) // true
 *   declare const record: TrafficRecord
 *   ratioAtMost(spread(record), 12, 10) // at most 20% more on the busiest replica than the quietest
 */
export function ratioAtMost(spread: Spread, numerator: number, denominator = 1): boolean {
  return spread.replicas > 0 && spread.max * denominator <= spread.min * numerator
}

/**
 * The latency of the 2xx answers at each percentile, by nearest rank, rounded to whole ms; undefined for each when
 * there was no 2xx answer. Percentiles go from 0 to 100, in steps of 0.1.
 *
 * @example
 *   declare const record: TrafficRecord
 *   latencyPercentiles(record, [50, 99]) // [12, 48]
 *   const [median] = latencyPercentiles(record, [50])
 */
export function latencyPercentiles(record: TrafficRecord, percentiles: readonly number[]): (number | undefined)[] {
  const latencies = record.responses
    .filter(isSuccess)
    .map((response) => response.latencyMs)
    .sort((a, b) => a - b)
  return percentiles.map((percentile) => {
    const tenths = Math.round(percentile * 10)
    if (!(tenths >= 0 && tenths <= 1000 && Math.abs(tenths - percentile * 10) < 1e-9)) {
      throw new ConfigurationError(
        `latencyPercentiles: percentile ${percentile} is not allowed. Give a number from 0 to 100 in steps of ` +
          `0.1, e.g. 50 or 99.9`,
      )
    }
    // Nearest rank, ⌈p × n / 100⌉, in whole numbers: 0.99 × 100 in floats is 99.00000000000001.
    const rank = Math.max(1, Math.ceil((tenths * latencies.length) / 1000))
    const latency = latencies[rank - 1]
    return latency === undefined ? undefined : Math.round(latency)
  })
}

/**
 * The first response, in plan order, that the replica answered; undefined if it answered none.
 *
 * @example
 *   declare const record: TrafficRecord
 *   firstAnsweredBy(record, 'web-3')?.index // 57: the new replica took traffic from request 57 on
 *   firstAnsweredBy(record, 'web-9') // undefined
 */
export function firstAnsweredBy(record: TrafficRecord, replica: string): ResponseRecord | undefined {
  return record.responses.find((response) => response.replica === replica)
}

/**
 * A short summary of a run for a failure message: the plan, counts by status, by replica, by error, and the first
 * failures.
 *
 * @example
 *   import { AssertionFailedError } from '../../core/errors/assertion-failed-error.ts'
 *   declare const record: TrafficRecord
 *   describeRecord(record)
 *   // → '200 GET / to http://127.0.0.1:8080 (Host shop) over 2s, took 2.1s: 199 answered 2xx, 1 failed\n…'
 *   throw new AssertionFailedError(`2 requests failed\n${describeRecord(record)}`)
 */
export function describeRecord(record: TrafficRecord): string {
  const { plan, responses } = record
  const failed = failures(record)
  const statuses = responses.flatMap((response) => (response.status === undefined ? [] : [String(response.status)]))
  const errors = responses.flatMap((response) => (response.error === undefined ? [] : [response.error]))
  const lines = [
    `${plan.requests} ${plan.method ?? 'GET'} ${plan.path ?? '/'} to ${plan.url} (Host ${plan.host}) over ` +
      `${Duration.ms(plan.overMs)}, ` +
      `took ${Duration.ms(Math.round(record.durationMs))}: ${responses.length} recorded, ` +
      `${responses.length - failed.length} answered 2xx, ${failed.length} failed`,
    `statuses: ${showCounts(tally(statuses))}`,
    `replicas: ${showCounts(countsByReplica(record))}`,
    `errors: ${showCounts(tally(errors))}`,
    ...failed.slice(0, FAILURES_SHOWN),
  ]
  if (failed.length > FAILURES_SHOWN) lines.push(`… and ${failed.length - FAILURES_SHOWN} more failures`)
  return lines.join('\n')
}

const FAILURES_SHOWN = 5

function tally(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}

function showCounts(counts: ReadonlyMap<string, number>): string {
  if (counts.size === 0) return 'none'
  return [...byName(counts)].map(([value, count]) => `${value} ×${count}`).join(', ')
}

function byName(counts: ReadonlyMap<string, number>): Map<string, number> {
  return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
