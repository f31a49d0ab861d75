import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Envelope } from '@cucumber/messages'
import { buildChannelRun, type ChannelRun } from '../../drivers/core/run-model/index.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'

/**
 * How long each scenario took on each channel the last time it ran:
 * channel → scenario key (`uri:line`) → milliseconds. Written to
 * `reports/timings.json` by every `parlance run` and read by `--shard`.
 *
 * @example
 *   const timings: Timings = { api: { 'specs/settlement/each-way.feature:12': 840 } }
 */
export type Timings = Record<string, Record<string, number>>

/**
 * The key of a scenario in the timings file and on cucumber's command line: `uri:line`.
 *
 * @example
 *   scenarioKey('specs/settlement/each-way.feature', 12) // 'specs/settlement/each-way.feature:12'
 */
export function scenarioKey(uri: string, line: number): string {
  return `${uri}:${line}`
}

/**
 * Reads a timings file to add to: a missing or damaged one is no timings, as
 * the durations about to be written replace it anyway.
 *
 * @example
 *   declare const latest: Timings
 *   mergeTimings(readTimingsOrNone('reports/timings.json'), latest)
 */
export function readTimingsOrNone(file: string): Timings {
  try {
    return readTimings(file)
  } catch {
    return {}
  }
}

/**
 * Reads a timings file; a missing file is no timings. A file that is not a
 * timings file is a ConfigurationError naming it.
 *
 * @example
 *   readTimings('reports/timings.json').api?.['specs/settlement/each-way.feature:12'] // 840
 */
export function readTimings(file: string): Timings {
  if (!existsSync(file)) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ConfigurationError(
      `timings file ${file} is not JSON (${error instanceof Error ? error.message : String(error)}); delete ` +
        `it, or point --timings at another`,
      { cause: error },
    )
  }
  const scenarios = (parsed as { scenarios?: unknown } | null)?.scenarios
  const valid =
    typeof scenarios === 'object' &&
    scenarios !== null &&
    Object.values(scenarios).every(
      (channel) =>
        typeof channel === 'object' &&
        channel !== null &&
        Object.values(channel).every((ms) => typeof ms === 'number' && ms >= 0),
    )
  if (!valid)
    throw new ConfigurationError(
      `timings file ${file} has no { "scenarios": { CHANNEL: { "uri:line": ms } } }; delete it, or point ` +
        `--timings at another`,
    )
  return scenarios as Timings
}

/**
 * Writes timings with sorted keys, so the file diffs well when committed or cached.
 *
 * @example
 *   declare const latest: Timings
 *   writeTimings('reports/timings.json', mergeTimings(readTimings('reports/timings.json'), latest))
 */
export function writeTimings(file: string, timings: Timings): void {
  const sorted = Object.fromEntries(
    Object.keys(timings)
      .sort()
      .map((channel) => [
        channel,
        Object.fromEntries(Object.entries(timings[channel] ?? {}).sort(([a], [b]) => compareKeys(a, b))),
      ]),
  )
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify({ version: 1, scenarios: sorted }, null, 2)}\n`)
}

/**
 * The previous timings with the latest laid over them: a scenario that did not
 * run this time keeps its last duration.
 *
 * @example
 *   mergeTimings({ api: { 'a.feature:3': 100, 'a.feature:9': 50 } }, { api: { 'a.feature:3': 120 } })
 *   // { api: { 'a.feature:3': 120, 'a.feature:9': 50 } }
 */
export function mergeTimings(...layers: Timings[]): Timings {
  const merged: Timings = {}
  for (const layer of layers)
    for (const [channel, scenarios] of Object.entries(layer)) merged[channel] = { ...merged[channel], ...scenarios }
  return merged
}

/**
 * One channel's durations from its cucumber messages, read by the run model.
 *
 * @example
 *   import { readMessages } from '../merge/read-messages.ts'
 *   timingsFromMessages('api', await readMessages('reports/api/messages.ndjson'))
 *   // { api: { 'specs/settlement/each-way.feature:12': 840, … } }
 */
export function timingsFromMessages(channel: string, envelopes: readonly Envelope[]): Timings {
  return timingsOf(buildChannelRun({ file: `${channel}/messages.ndjson`, channel, envelopes: [...envelopes] }))
}

/**
 * One channel's durations: each scenario that ran, its time summed over its
 * attempts (testCaseStarted → testCaseFinished each).
 *
 * @example
 *   declare const run: ChannelRun
 *   timingsOf(run) // { api: { 'specs/settlement/each-way.feature:12': 840, … } }
 */
export function timingsOf(run: ChannelRun): Timings {
  const ran = run.scenarios.filter((scenario) => scenario.attempts.length > 0)
  return { [run.channel]: Object.fromEntries(ran.map((scenario) => [scenario.key, scenario.durationMs])) }
}

/** Orders `uri:line` keys by uri, then by line as a number: cucumber's order within a file. */
export function compareKeys(a: string, b: string): number {
  const [uriA, lineA] = splitKey(a)
  const [uriB, lineB] = splitKey(b)
  return uriA < uriB ? -1 : uriA > uriB ? 1 : lineA - lineB
}

function splitKey(key: string): [string, number] {
  const at = key.lastIndexOf(':')
  return [key.slice(0, at), Number(key.slice(at + 1))]
}
