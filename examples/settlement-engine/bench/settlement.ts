// `npm run bench:settlement`: a Grand National weekend through the stream path,
// ingested and settled, with bets/s, wall time and the engine's peak memory.
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { feedStream } from './feed-stream.ts'
import { peakRss } from './peak-rss.ts'
import { startEngine } from './start-engine.ts'
import { watchSettlements } from './watch-settlements.ts'
import { weekendFile } from './weekend-file.ts'

const help = `Usage: npm run bench:settlement -- [options]

Generates a Grand National weekend (168 races; mostly win singles, a fifth
each-way, a tenth multiples of 2-5 legs; withdrawals, dead heats, SP bets)
as NDJSON commands (untimed, cached in the temp directory), starts the engine
on an empty data directory, streams the file through POST /stream, follows
GET /settlements until every bet is settled, and prints the figures.

Goal on a 2-core machine: 6.2 million bets ingested and settled in <= 20 s,
engine peak RSS <= 1 GB.

Options:
  --bets N     how many bets (default 6200000)
  --seed N     the generator's seed (default 2024)
  -h, --help   show this help`

const goals = { seconds: 20, rssBytes: 1024 ** 3 }

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      bets: { type: 'string', default: '6200000' },
      seed: { type: 'string', default: '2024' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(help)
    return 0
  }
  const bets = Number(values.bets)
  const seed = Number(values.seed)
  if (!Number.isSafeInteger(bets) || bets < 1)
    throw new Error(`--bets: "${values.bets}" is not a whole number of bets ≥ 1`)
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed: "${values.seed}" is not a whole number`)

  console.log(
    `Settlement benchmark: ${bets.toLocaleString('en-GB')} bets, seed ${seed}, ${cpus().length} × ` +
      `${cpus()[0]?.model.trim()}, node ${process.version}`,
  )
  const file = await weekendFile({ bets, seed })
  console.log(`  commands: ${file.path} (${mib(file.bytes)}${file.reused ? ', reused' : ''})`)

  const dataDir = mkdtempSync(join(tmpdir(), 'settlement-bench-'))
  const engine = await startEngine(dataDir)
  try {
    const watch = watchSettlements(engine.url)
    const start = performance.now()
    const fed = await feedStream(engine.url, file.path)
    const ingested = performance.now()
    if (fed.refused > 0) console.log(`  ${fed.refused} commands refused, e.g.\n    ${fed.firstRefusals.join('\n    ')}`)
    const expected = bets - fed.refused
    const settled = await watch.until(expected, 600_000)
    const done = Math.max(settled.lastAt, ingested)
    watch.stop()
    const rss = peakRss(engine.pid)
    const seconds = (done - start) / 1000
    console.log(
      `  ingested ${fed.outcomes.toLocaleString('en-GB')} commands in ${((ingested - start) / 1000).toFixed(1)} s`,
    )
    console.log(
      `  settled ${settled.count.toLocaleString('en-GB')} bets; all settled ${seconds.toFixed(1)} s after the ` +
        `first command`,
    )
    console.log(`  throughput: ${Math.round(bets / seconds).toLocaleString('en-GB')} bets/s (ingest and settle)`)
    console.log(`  engine peak RSS: ${rss === undefined ? 'unknown' : mib(rss)}; log on disk: ${mib(dirSize(dataDir))}`)
    console.log(
      `  goal ≤ ${goals.seconds} s: ${seconds <= goals.seconds ? 'met' : 'missed'} · goal RSS ≤ 1 GiB: ` +
        `${rss !== undefined && rss <= goals.rssBytes ? 'met' : 'missed'}` +
        (bets < 6_200_000 ? ' (a partial weekend: the goals are for 6.2 million)' : ''),
    )
    return 0
  } finally {
    await engine.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function mib(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(0)} MiB`
}

function dirSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0)
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:settlement: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
