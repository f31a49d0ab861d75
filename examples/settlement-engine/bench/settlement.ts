// `npm run bench:settlement`: a Grand National weekend through the stream path
// and through the offline ingest, with wall time, bets/s, the engine's peak
// memory, the machine's load, where the engine's time went, and each goal.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { feedStream } from './feed-stream.ts'
import { ingestInChild } from './ingest-child.ts'
import { peakRss } from './peak-rss.ts'
import { profileBreakdown, SHARE_LABELS, SHARE_REMEDIES, type TimeShare } from './profile-breakdown.ts'
import { startEngine } from './start-engine.ts'
import { watchSettlements } from './watch-settlements.ts'
import { weekendFile } from './weekend-file.ts'

const help = `Usage: npm run bench:settlement -- [options]

Generates a Grand National weekend (168 races; mostly win singles, a fifth
each-way, a tenth multiples of 2-5 legs; withdrawals, dead heats, SP bets)
as NDJSON commands (untimed, cached in the temp directory), then times two
paths, each engine in its own process on an empty data directory:
  stream   POST /stream the file, follow GET /settlements until every bet is
           settled (from the first command to the last settlement)
  ingest   settlement-engine ingest FILE (its own timing, start-up excluded)
It prints wall time, bets/s, peak RSS, the load average at start and end,
where this tree's engine spent its time (from a third run of each path under
--cpu-prof, sampled every 2 ms) and each goal, met or missed, with what limits it.

Goals on a 2-core machine, for 6.2 million bets: stream <= 20 s, ingest
<= 10 s, engine peak RSS <= 1 GiB.

Options:
  --bets N          how many bets (default 6200000)
  --seed N          the generator's seed (default 2024)
  --baseline DIR    also run the engine of another checkout (e.g. a git
                    worktree of the previous commit) and print both side by side
  -h, --help        show this help`

const goals = { streamSeconds: 20, ingestSeconds: 10, rssBytes: 1024 ** 3 }
const FULL_WEEKEND = 6_200_000

interface PathRun {
  seconds: number
  rssBytes: number | undefined
  shares?: Record<TimeShare, number>
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      bets: { type: 'string', default: '6200000' },
      seed: { type: 'string', default: '2024' },
      baseline: { type: 'string' },
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
  const baselineMain =
    values.baseline === undefined ? undefined : resolve(values.baseline, 'examples/settlement-engine/main.ts')

  console.log(
    `Settlement benchmark: ${bets.toLocaleString('en-GB')} bets, seed ${seed}, ${cpus().length} × ` +
      `${cpus()[0]?.model.trim()}, node ${process.version}`,
  )
  console.log(`  load average at start: ${load()}`)
  const file = await weekendFile({ bets, seed })
  console.log(`  commands: ${file.path} (${mib(file.bytes)}${file.reused ? ', reused' : ''})`)

  // Timed runs are not profiled; a third run of each path is, for the breakdown.
  const stream = await runStream(file.path, bets, {})
  const baseStream =
    baselineMain === undefined ? undefined : await runStream(file.path, bets, { mainFile: baselineMain })
  const streamProfiled = await runStream(file.path, bets, { profiled: true })
  const ingest = await runIngest(file.path, {})
  const baseIngest = baselineMain === undefined ? undefined : await runIngest(file.path, { mainFile: baselineMain })
  const ingestProfiled = await runIngest(file.path, { profiled: true })

  console.log('')
  console.log(
    `  ${'path'.padEnd(8)} ${'this tree'.padStart(28)}${baselineMain ? ` ${'baseline'.padStart(28)}  speed-up` : ''}`,
  )
  for (const [name, run, base] of [
    ['stream', stream, baseStream],
    ['ingest', ingest, baseIngest],
  ] as const) {
    const versus =
      base === undefined ? '' : ` ${figures(base, bets).padStart(28)}  ${(base.seconds / run.seconds).toFixed(2)}×`
    console.log(`  ${name.padEnd(8)} ${figures(run, bets).padStart(28)}${versus}`)
  }
  if (baselineMain) console.log(`  baseline: ${baselineMain} (same bench client, same file)`)
  for (const [name, run, profiled] of [
    ['stream', stream, streamProfiled],
    ['ingest', ingest, ingestProfiled],
  ] as const) {
    run.shares = profiled.shares
    printShares(name, profiled)
  }

  const partial = bets < FULL_WEEKEND ? ' (a partial weekend: the goals are for 6.2 million)' : ''
  console.log('')
  printGoal(`stream ≤ ${goals.streamSeconds} s`, stream.seconds <= goals.streamSeconds, stream, partial)
  printGoal(`ingest ≤ ${goals.ingestSeconds} s`, ingest.seconds <= goals.ingestSeconds, ingest, partial)
  const peak = Math.max(stream.rssBytes ?? Number.POSITIVE_INFINITY, ingest.rssBytes ?? Number.POSITIVE_INFINITY)
  console.log(`  goal peak RSS ≤ 1 GiB: ${peak <= goals.rssBytes ? 'met' : 'missed'} (${mib(peak)})${partial}`)
  console.log(`  load average at end: ${load()}`)
  return 0
}

interface RunOptions {
  /** A baseline tree's engine; this tree's by default. */
  mainFile?: string
  /** Sample the engine's CPU (it slows it a little) for the breakdown. */
  profiled?: boolean
}

async function runStream(file: string, bets: number, { mainFile, profiled }: RunOptions): Promise<PathRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'settlement-bench-'))
  const profileDir = join(dataDir, 'profile')
  const nodeArgs = profiled ? profileArgs(profileDir) : []
  const engine = await startEngine(join(dataDir, 'data'), { mainFile, nodeArgs })
  try {
    const watch = watchSettlements(engine.url)
    const start = performance.now()
    const fed = await feedStream(engine.url, file)
    const ingested = performance.now()
    if (fed.refused > 0) console.log(`  ${fed.refused} commands refused, e.g.\n    ${fed.firstRefusals.join('\n    ')}`)
    const settled = await watch.until(bets - fed.refused, 600_000)
    const done = Math.max(settled.lastAt, ingested)
    watch.stop()
    const rssBytes = peakRss(engine.pid)
    const seconds = (done - start) / 1000
    console.log(
      `  stream (${describe(mainFile, profiled)}): ${fed.outcomes.toLocaleString('en-GB')} outcomes in ` +
        `${((ingested - start) / 1000).toFixed(1)} s, ${settled.count.toLocaleString('en-GB')} settled by ` +
        `${seconds.toFixed(1)} s; log on disk ${mib(dirSize(join(dataDir, 'data')))}`,
    )
    await engine.stop()
    return { seconds, rssBytes, ...(profiled ? { shares: profileBreakdown(profileDir) } : {}) }
  } finally {
    await engine.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function runIngest(file: string, { mainFile, profiled }: RunOptions): Promise<PathRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'settlement-bench-'))
  const profileDir = join(dataDir, 'profile')
  try {
    const nodeArgs = profiled ? profileArgs(profileDir) : []
    const run = await ingestInChild(file, join(dataDir, 'data'), { mainFile, nodeArgs })
    console.log(`  ingest (${describe(mainFile, profiled)}): ${run.summary}`)
    return {
      seconds: run.seconds,
      rssBytes: run.rssBytes,
      ...(profiled ? { shares: profileBreakdown(profileDir) } : {}),
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function describe(mainFile: string | undefined, profiled: boolean | undefined): string {
  return mainFile === undefined ? `this tree${profiled ? ', profiled' : ''}` : `baseline ${mainFile}`
}

function profileArgs(dir: string): string[] {
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=2000']
}

function printShares(path: string, profiled: PathRun): void {
  const shares = profiled.shares!
  const total = Object.values(shares).reduce((sum, s) => sum + s, 0)
  console.log('')
  console.log(
    `  where the engine's main thread spent the ${path} path (a profiled run: ${profiled.seconds.toFixed(1)} s, ` +
      `${total.toFixed(1)} s sampled):`,
  )
  for (const share of Object.keys(SHARE_LABELS) as TimeShare[])
    console.log(
      `    ${SHARE_LABELS[share].padEnd(50)} ${shares[share].toFixed(1).padStart(6)} s ` +
        `${((100 * shares[share]) / total).toFixed(0).padStart(3)} %`,
    )
}

function printGoal(goal: string, met: boolean, run: PathRun, partial: string): void {
  console.log(`  goal ${goal}: ${met ? 'met' : 'missed'} (${run.seconds.toFixed(1)} s)${partial}`)
  if (met || run.shares === undefined) return
  const shares = run.shares
  const busy = Object.values(shares).reduce((sum, s) => sum + s, 0) - shares.idle
  const [top, seconds] = Object.entries(shares)
    .filter(([share]) => share !== 'other' && share !== 'idle')
    .sort((a, b) => b[1] - a[1])[0] as [TimeShare, number]
  console.log(
    `    limited by the engine's one main thread, busy ${busy.toFixed(1)} s (idle ${shares.idle.toFixed(1)} s), ` +
      `most of it ${SHARE_LABELS[top]} (${seconds.toFixed(1)} s); moving it needs ${SHARE_REMEDIES[top]}, ` +
      'or the work split over both cores',
  )
}

function figures(run: PathRun, bets: number): string {
  const rss = run.rssBytes === undefined ? '? MiB' : mib(run.rssBytes)
  return `${run.seconds.toFixed(1)} s ${Math.round(bets / run.seconds).toLocaleString('en-GB')}/s ${rss}`
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(', ')
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
