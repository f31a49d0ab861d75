import type { Verdict } from '../gate/index.ts'
import type { RatioLimit, RunFigures, ShardBalance, VerdictDifference } from './shard-figures.ts'

type RunRead = RunFigures & { verdict: Verdict; scenarios: number; code: number | null }

/**
 * Everything `bench:shard --real N` measured, for `printRealShards`.
 *
 * @example
 *   declare const figures: RealShardFigures
 *   figures.balance.ratio // 1.12
 */
export interface RealShardFigures {
  n: number
  goal: number
  cores: number
  /** os.loadavg() before the first run and after the merge. */
  load: { start: number[]; end: number[] }
  whole: RunRead
  shards: RunRead[]
  merged: { verdict: Verdict; code: number | null }
  balance: ShardBalance
  limits: RatioLimit[]
  differences: VerdictDifference[]
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
const load = (averages: number[]): string => averages.map((value) => value.toFixed(2)).join(' ')
const verdictWord = (verdict: Verdict): string => (verdict.green ? 'GREEN' : 'RED')

/**
 * Prints the real shard bench's figures: a row per run, the slowest shard against the ideal, what limits it, the load
 * average, and both verdicts.
 *
 * @example
 *   declare const figures: RealShardFigures
 *   printRealShards(figures, (line) => process.stdout.write(`${line}\n`))
 */
export function printRealShards(figures: RealShardFigures, out: (line: string) => void): void {
  const { n, balance } = figures
  out('')
  out(`bench:shard --real ${n}: the example suite run whole, then as ${n} shards one after another, then merged`)
  out(
    `load average (1, 5, 15 min) at start ${load(figures.load.start)} · at end ${load(figures.load.end)} · ` +
      `${figures.cores} cores`,
  )
  out('')
  const columns = ['wall', 'in channels', 'outside', 'scenario time', 'longest', 'runs', 'exit']
  out(`${'run'.padEnd(12)}${columns.map((column) => column.padStart(14)).join('')}`)
  const row = (name: string, run: RunRead): void =>
    out(
      name.padEnd(12) +
        [
          seconds(run.wallMs),
          seconds(run.channelsMs),
          seconds(run.wallMs - run.channelsMs),
          seconds(run.scenarioMs),
          seconds(run.longestMs),
          String(run.scenarios),
          String(run.code),
        ]
          .map((cell) => cell.padStart(14))
          .join(''),
    )
  row('unsharded', figures.whole)
  figures.shards.forEach((shard, i) => row(`shard ${i + 1}/${n}`, shard))
  out('')
  out(
    `ideal ${seconds(figures.whole.wallMs)} / ${n} = ${seconds(balance.idealMs)} · slowest: shard ` +
      `${balance.slowest}/${n}, ${seconds(balance.slowestMs)} = ${balance.ratio.toFixed(2)}× the ideal · goal ≤ ` +
      `${figures.goal.toFixed(2)}× ${balance.met ? 'met' : 'MISSED'}`,
  )
  for (const limit of figures.limits) out(`  limited by ${describeLimit(limit, balance.slowest, n)}`)
  out(
    '(wall: spawn to exit · in channels: cucumber runs, testRunStarted → testRunFinished · outside: process and ' +
      'systems start, support code, gate · scenario time: summed over workers, which overlap)',
  )
  out('')
  const equal = figures.differences.length === 0
  out(
    `verdicts: unsharded ${verdictWord(figures.whole.verdict)} · merged shards ` +
      `${verdictWord(figures.merged.verdict)} (parlance merge exit ${figures.merged.code}) · ` +
      `${equal ? 'equal' : 'DIFFERENT'}`,
  )
  for (const difference of figures.differences.slice(0, 20))
    out(
      `  ${difference.row}${difference.channel ? ` on ${difference.channel}` : ''}: unsharded ` +
        `${difference.whole ?? 'absent'}, merged ${difference.merged ?? 'absent'}`,
    )
  if (figures.differences.length > 20) out(`  … and ${figures.differences.length - 20} more`)
}

function describeLimit(limit: RatioLimit, slowest: number, n: number): string {
  switch (limit.kind) {
    case 'fixed-cost':
      return (
        `fixed cost outside the channels: ${seconds(limit.wholeMs)} in the unsharded run, ${seconds(limit.shardMs)} ` +
        `in shard ${slowest}/${n}, paid again by every shard; with its channels at exactly 1/${n} of the ` +
        `unsharded run's, shard ${slowest}/${n} would still be ${limit.boundRatio.toFixed(2)}× the ideal`
      )
    case 'imbalance':
      return (
        `the split: shard ${slowest}/${n}'s scenarios took ${seconds(limit.shardMs)}, ${limit.ratio.toFixed(2)}× ` +
        `a fair share (${seconds(limit.fairMs)})`
      )
    case 'largest-scenario':
      return (
        `the largest single scenario run, ${seconds(limit.longestMs)}, is longer than a shard's fair share of ` +
        `scenario time (${seconds(limit.fairMs)}): no split can beat it`
      )
  }
}
