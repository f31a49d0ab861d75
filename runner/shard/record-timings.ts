import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { readMessages } from '../merge/read-messages.ts'
import { mergeTimings, readTimingsOrNone, timingsFromMessages, writeTimings, type Timings } from './timings.ts'

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
 * Reads the durations of the channels that ran from their messages in
 * `reportsDir`, lays them over the previous timings (so a scenario that did
 * not run keeps its last duration) and writes `reportsDir/timings.json`.
 * Resolves to the file written. A previous file that cannot be read is
 * replaced: a run must not fail over last time's durations.
 *
 * @example
 *   await recordTimings('/work/shop/reports', ['api', 'ui'], '/work/shop/reports/timings.json')
 */
export async function recordTimings(
  reportsDir: string,
  channels: readonly string[],
  previousFile: string,
): Promise<string> {
  const latest: Timings[] = []
  for (const channel of channels) {
    const messages = join(reportsDir, channel, 'messages.ndjson')
    if (existsSync(messages)) latest.push(timingsFromMessages(channel, await readMessages(messages)))
  }
  const file = timingsFile(reportsDir)
  writeTimings(file, mergeTimings(readTimingsOrNone(previousFile), ...latest))
  return file
}
