import type { GateCell, Verdict } from '../gate/index.ts'

/**
 * What one `parlance run` of the real shard bench took: the unsharded run or one shard.
 *
 * @example
 *   const run: RunFigures = { wallMs: 61_000, channelsMs: 48_000, scenarioMs: 150_000, longestMs: 9_000 }
 */
export interface RunFigures {
  /** From the spawn of `parlance run` to its exit. */
  wallMs: number
  /** Its channels' cucumber runs (testRunStarted → testRunFinished), summed: the rest is start-up and the gate. */
  channelsMs: number
  /** Its scenario runs' durations, summed over channels (workers overlap them, so this exceeds the wall time). */
  scenarioMs: number
  /** Its longest single scenario run. */
  longestMs: number
}

/**
 * How evenly N shards run one after another split the unsharded run: the slowest shard's wall time against the
 * ideal, the unsharded run's wall time / N.
 *
 * @example
 *   const balance: ShardBalance = { idealMs: 45_000, slowestMs: 50_000, slowest: 2, ratio: 1.11, met: true }
 */
export interface ShardBalance {
  idealMs: number
  slowestMs: number
  /** Which shard was slowest, counted from 1. */
  slowest: number
  ratio: number
  /** ratio ≤ the goal. */
  met: boolean
}

/**
 * The slowest shard against the ideal.
 *
 * @example
 *   shardBalance(180_000, [{ wallMs: 50_000 }, { wallMs: 48_000 }, { wallMs: 47_000 }, { wallMs: 46_000 }], 1.15)
 *   // { idealMs: 45_000, slowestMs: 50_000, slowest: 1, ratio: 1.11…, met: true }
 */
export function shardBalance(
  wholeWallMs: number,
  shards: readonly Pick<RunFigures, 'wallMs'>[],
  goal: number,
): ShardBalance {
  const idealMs = wholeWallMs / shards.length
  const slowestMs = Math.max(...shards.map((shard) => shard.wallMs))
  const ratio = slowestMs / idealMs
  return { idealMs, slowestMs, slowest: shards.findIndex((s) => s.wallMs === slowestMs) + 1, ratio, met: ratio <= goal }
}

/**
 * One thing that keeps the slowest shard above the ideal, with the figures that show it.
 *
 * @example
 *   const limit: RatioLimit = { kind: 'fixed-cost', wholeMs: 20_000, shardMs: 18_000, boundRatio: 1.3 }
 */
export type RatioLimit =
  /**
   * Time outside the channels (process start, systems start, support code, the gate): the unsharded run pays it once,
   * every shard again. `boundRatio`: the slowest shard's ratio if its channels took exactly their share.
   */
  | { kind: 'fixed-cost'; wholeMs: number; shardMs: number; boundRatio: number }
  /** The slowest shard's scenario time against its fair share of all of it (`ratio` of the two). */
  | { kind: 'imbalance'; shardMs: number; fairMs: number; ratio: number }
  /** A single scenario run longer than a shard's fair share of scenario time: no split can beat it. */
  | { kind: 'largest-scenario'; longestMs: number; fairMs: number }

/**
 * What limits the slowest shard's ratio, largest effect first; empty when the ratio is within the goal.
 *
 * @example
 *   declare const whole: RunFigures, shards: RunFigures[]
 *   ratioLimits(whole, shards, shardBalance(whole.wallMs, shards, 1.15)).map((limit) => limit.kind)
 *   // ['fixed-cost', 'imbalance']
 */
export function ratioLimits(whole: RunFigures, shards: readonly RunFigures[], balance: ShardBalance): RatioLimit[] {
  if (balance.met) return []
  const n = shards.length
  const slowest = shards[balance.slowest - 1]!
  const outside = (run: RunFigures): number => run.wallMs - run.channelsMs
  const fairMs = shards.reduce((sum, shard) => sum + shard.scenarioMs, 0) / n
  const limits: RatioLimit[] = []
  const boundRatio = (outside(slowest) + whole.channelsMs / n) / balance.idealMs
  if (outside(slowest) > outside(whole) / n)
    limits.push({ kind: 'fixed-cost', wholeMs: outside(whole), shardMs: outside(slowest), boundRatio })
  if (slowest.scenarioMs > fairMs)
    limits.push({ kind: 'imbalance', shardMs: slowest.scenarioMs, fairMs, ratio: slowest.scenarioMs / fairMs })
  const longestMs = Math.max(...shards.map((shard) => shard.longestMs))
  if (longestMs > fairMs) limits.push({ kind: 'largest-scenario', longestMs, fairMs })
  return limits
}

/**
 * One row × channel of the gate's table where two verdicts disagree; `undefined`: the row is not in that verdict.
 *
 * @example
 *   const difference: VerdictDifference = {
 *     row: 'settlement specs/settlement/each-way.feature:6',
 *     channel: 'api',
 *     whole: 'tested passed',
 *     merged: 'tested assertion-failed',
 *   }
 */
export interface VerdictDifference {
  /** `green` for the verdict itself, else the row's domain and `uri:line`. */
  row: string
  channel?: string
  whole: string | undefined
  merged: string | undefined
}

/**
 * Where the unsharded run's gate verdict and the merged shards' differ: green or red, and every criterion's
 * coverage and cell on every channel. Empty: the same verdict.
 *
 * @example
 *   declare const whole: Verdict, merged: Verdict
 *   verdictDifferences(whole, merged) // []
 */
export function verdictDifferences(whole: Verdict, merged: Verdict): VerdictDifference[] {
  const differences: VerdictDifference[] = []
  if (whole.green !== merged.green)
    differences.push({ row: 'green', whole: String(whole.green), merged: String(merged.green) })
  const [a, b] = [cellsOf(whole), cellsOf(merged)]
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (a.get(key) === b.get(key)) continue
    const [row, channel] = key.split('\t') as [string, string]
    differences.push({ row, channel, whole: a.get(key), merged: b.get(key) })
  }
  return differences
}

// `domain uri:line<TAB>channel` → `coverage cell`, for every row of every domain.
function cellsOf(verdict: Verdict): Map<string, string> {
  const cells = new Map<string, string>()
  for (const domain of verdict.domains)
    for (const row of [...domain.criteria, ...domain.loose])
      for (const [channel, cell] of Object.entries(row.cells) as [string, GateCell][])
        cells.set(
          `${domain.name ? `${domain.name} ` : ''}${row.uri}:${row.line}\t${channel}`,
          `${row.coverage} ${cell}`,
        )
  return cells
}
