import { join } from 'node:path'
import type { ChannelRun } from '../../drivers/core/run-model/index.ts'
import { mergeTimings, readTimingsOrNone, timingsOf, writeTimings } from './timings.ts'

/**
 * The timings file of a reports directory.
 *
 * @example
 *   timingsFile('/work/shop/reports') // '/work/shop/reports/timings.json'
 */
export function timingsFile(reportsDir: string): string {
  return join(reportsDir, 'timings.json')
}

/**
 * Lays the durations of the channels that ran (their runs, as `parlance run`
 * already read them) over the previous timings (so a scenario that did not
 * run keeps its last duration) and writes `reportsDir/timings.json`. Returns
 * the file written. A previous file that cannot be read is replaced: a run
 * must not fail over last time's durations.
 *
 * @example
 *   declare const runs: ChannelRun[]
 *   recordTimings('/work/shop/reports', runs, '/work/shop/reports/timings.json') // '/work/shop/reports/timings.json'
 */
export function recordTimings(reportsDir: string, runs: readonly ChannelRun[], previousFile: string): string {
  const file = timingsFile(reportsDir)
  writeTimings(file, mergeTimings(readTimingsOrNone(previousFile), ...runs.map(timingsOf)))
  return file
}
