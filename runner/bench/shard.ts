import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { cucumberShards } from '../shard/cucumber-shards.ts'
import { planShards, type ShardLoad, type ShardUnit } from '../shard/plan-shards.ts'
import type { Timings } from '../shard/timings.ts'
import { benchRealShards } from './shard-real.ts'

// `npm run bench:shard`: how evenly Parlance's --shard and cucumber's own
// round-robin --shard split this repository's suites, on the durations a real
// run recorded (runner/bench/fixtures/shard-timings.json: `parlance run` of
// every channel, 2 workers per channel, its reports/timings.json copied here).
// A shard's time is the sum of its scenario runs' durations; ideal is total / n.
//
// `npm run bench:shard -- --real N`: the example suite really run, unsharded and then as N shards one after
// another, merged by parlance merge (runner/bench/shard-real.ts).

const out = (line: string): boolean => process.stdout.write(`${line}\n`)
const { values } = parseArgs({ options: { real: { type: 'string' } } })
if (values.real === undefined) simulate()
else if (!/^[1-9]\d*$/.test(values.real) || Number(values.real) < 2) {
  process.stderr.write(`bench:shard: --real is "${values.real}"; expected a number of shards ≥ 2, e.g. --real 4\n`)
  process.exitCode = 2
} else process.exitCode = await benchRealShards(Number(values.real), out)

function simulate(): void {
  const file = fileURLToPath(new URL('./fixtures/shard-timings.json', import.meta.url))
  const timings = (JSON.parse(readFileSync(file, 'utf8')) as { scenarios: Timings }).scenarios
  const units: ShardUnit[] = Object.entries(timings).flatMap(([channel, scenarios]) =>
    Object.keys(scenarios).map((key) => ({ channel, key })),
  )
  const total = units.reduce((sum, unit) => sum + timings[unit.channel]![unit.key]!, 0)
  const longest = Math.max(...units.map((unit) => timings[unit.channel]![unit.key]!))
  const slowest = (shards: ShardLoad[]): number =>
    Math.max(...shards.map((shard) => shard.units.reduce((sum, unit) => sum + timings[unit.channel]![unit.key]!, 0)))
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`.padStart(8)

  out(
    `${units.length} scenario runs on ${Object.keys(timings).join(', ')} · ${seconds(total).trim()} in all · ` +
      `longest ${seconds(longest).trim()} · ${file}`,
  )
  out('')
  out('shards   ideal     parlance           cucumber round-robin   goal')
  let met = true
  for (const n of [2, 4, 8]) {
    const ideal = total / n
    const parlance = slowest(planShards(units, timings, n).shards)
    const cucumber = slowest(cucumberShards(units, timings, n))
    met &&= parlance <= 1.1 * ideal
    out(
      `${String(n).padEnd(6)} ${seconds(ideal)}  ${seconds(parlance)} ${(parlance / ideal).toFixed(2)}×   ` +
        `${seconds(cucumber)} ${(cucumber / ideal).toFixed(2)}×         ≤ 1.10× ` +
        `${parlance <= 1.1 * ideal ? 'met' : 'MISSED'}`,
    )
  }
  out('')
  out(
    `(the slowest shard; ideal = all durations / n; no split can beat max(ideal, longest) = ` +
      `${seconds(longest).trim()} per shard)`,
  )
  process.exitCode = met ? 0 : 1
}
