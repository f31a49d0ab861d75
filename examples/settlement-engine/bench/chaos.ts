// `npm run chaos:settlement`: kill -9 the engine again and again under concurrent writers and a follower, and
// check from the client's side that nothing acknowledged is lost, nothing is settled twice and no settlement
// number is reused or skipped.
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import {
  type Chaos,
  CUSTOMERS,
  followSettlements,
  placeBets,
  readLines,
  resultAll,
  runRaces,
  streamBets,
} from './chaos-clients.ts'
import { ChaosEngine } from './chaos-engine.ts'
import { ChaosLedger } from './chaos-ledger.ts'
import { seededRandom } from './prng.ts'

const help = `Usage: npm run chaos:settlement -- [options]

Starts the settlement engine on a temporary data directory and, while four
HTTP writers place bets (POST /bets), a fifth streams them (POST /stream), a
race card creates and results events and a follower reads GET /settlements,
kills the engine with SIGKILL at a random moment of each cycle and starts it
again on the same directory. At the end it results every open event and
checks the client's ledger against the engine: every acknowledged bet is
there and settled once, and every settlement sequence number the follower saw
is the same after every restart, with none skipped. Prints the counts; exits
1 on any violation, naming it.

Options:
  --cycles N               kill -9 and restart N times (default 20)
  --seconds-per-cycle S    mean seconds between kills, 0.2 to 60 (default 2)
  --seed N                 seed of the choices (default: from the clock; printed)
  -h, --help               show this help`

/** A bad option: reported with what is allowed, exit code 2. */
class UsageError extends Error {
  override name = 'UsageError'
}

interface Options {
  cycles: number
  secondsPerCycle: number
  seed: number
  help: boolean
}

const optionNames = '--cycles N (1 to 1000), --seconds-per-cycle S (0.2 to 60), --seed N (0 to 4294967295), --help'

function readOptions(args: string[]): Options {
  let values
  try {
    values = parseArgs({
      args,
      options: {
        cycles: { type: 'string' },
        'seconds-per-cycle': { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '')
    throw new UsageError(`${message.replace(/\.$/, '')}; the options are ${optionNames}`)
  }
  const seconds = values['seconds-per-cycle'] ?? '2'
  const secondsPerCycle = /^\d+(\.\d+)?$/.test(seconds) ? Number(seconds) : Number.NaN
  if (!(secondsPerCycle >= 0.2 && secondsPerCycle <= 60))
    throw new UsageError(`--seconds-per-cycle "${seconds}" is not a number of seconds from 0.2 to 60`)
  return {
    cycles: wholeNumber('--cycles', values.cycles ?? '20', 1, 1000),
    secondsPerCycle,
    seed: wholeNumber('--seed', values.seed ?? String(Date.now() % 1_000_000), 0, 2 ** 32 - 1),
    help: values.help === true,
  }
}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!(value >= min && value <= max))
    throw new UsageError(`${option} "${text}" is not a whole number from ${min} to ${max}`)
  return value
}

async function run(options: Options, engine: ChaosEngine): Promise<number> {
  const random = seededRandom(options.seed)
  const ledger = new ChaosLedger()
  let running = true
  const chaos: Chaos = { engine, ledger, random, open: [], running: () => running }
  console.log(
    `Settlement chaos: ${options.cycles} kill -9 cycles of ~${options.secondsPerCycle} s, seed ${options.seed}`,
  )
  await engine.start()
  const follower = followSettlements(chaos)
  const clients = Promise.all([1, 2, 3, 4].map((writer) => placeBets(chaos, writer)).concat(streamBets(chaos)))
  const races = runRaces(chaos)
  for (let cycle = 1; cycle <= options.cycles; cycle++) {
    await pause(options.secondsPerCycle * 1000 * (0.5 + random.next()))
    await engine.kill()
    await engine.start()
  }
  running = false
  await Promise.all([clients, races])
  const resulted = await resultAll(chaos)
  const url = engine.url
  const published = ((await (await fetch(`${url}/health`)).json()) as { settlements: number }).settlements
  await until(() => ledger.lastFollowed >= published, 60_000, `the follower to reach seq ${published}`)
  // No more restarts: the follower, cut off now, stops instead of waiting for one.
  engine.retire()
  follower.stop()
  await follower.done
  const feed = await readFeed(url, published)
  const listed = new Set<string>()
  for (const customer of CUSTOMERS) {
    const response = await fetch(`${url}/customers/${customer}/bets`)
    if (response.status === 200) for (const bet of (await response.json()) as Array<{ id: string }>) listed.add(bet.id)
  }
  ledger.verify(feed, listed)
  await engine.kill()

  const torn = engine.startOutputs.filter((output) => output.includes('dropped an unterminated last line')).length
  const viaStream = [...ledger.acknowledged.values()].filter((bet) => bet.via === 'stream').length
  console.log(
    `  cycles: ${options.cycles} (engine started ${engine.startOutputs.length} times; ${torn} torn lines dropped)`,
  )
  console.log(
    `  acknowledged bets: ${ledger.acknowledged.size} (${ledger.acknowledged.size - viaStream} over HTTP, ` +
      `${viaStream} over the stream); ${ledger.unanswered} cut off by a kill (may or may not be there)`,
  )
  console.log(`  settlements: ${ledger.followed.size} followed across restarts, ${feed.length} in the final feed`)
  console.log(`  events resulted at the end: ${resulted}; bets listed by the engine: ${listed.size}`)
  console.log(
    `  ${ledger
      .tally()
      .map(([kind, count]) => `${kind} ${count}`)
      .join(' · ')}`,
  )
  if (ledger.firstViolations.length === 0) {
    console.log('chaos: no violation')
    return 0
  }
  console.log(`chaos: VIOLATED — the first ones:\n    ${ledger.firstViolations.join('\n    ')}`)
  return 1
}

/** The whole feed from the start, once `count` lines have come. */
function readFeed(url: string, count: number): Promise<string[]> {
  const lines: string[] = []
  return new Promise((resolve, reject) => {
    const req = request(`${url}/settlements?after=0`, (res) => {
      readLines(res, (line) => {
        lines.push(line)
        if (lines.length === count) req.destroy()
      }).catch(() => {})
    })
    req.on('error', () => {})
    req.on('close', () =>
      lines.length >= count ? resolve(lines) : reject(new Error(`the feed ended after ${lines.length} of ${count}`)),
    )
    req.end()
  })
}

async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`)
    await pause(20)
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

async function main(args: string[]): Promise<number> {
  let options
  try {
    options = readOptions(args)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(
      `chaos:settlement: ${error.message}\nRun npm run chaos:settlement -- --help for the options.\n`,
    )
    return 2
  }
  if (options.help) {
    console.log(help)
    return 0
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'settlement-chaos-'))
  const engine = new ChaosEngine(dataDir)
  // Whatever ends this process ends the engine too and removes its data.
  process.once('exit', () => {
    engine.killNow()
    rmSync(dataDir, { recursive: true, force: true })
  })
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.once(signal, () => {
      process.stderr.write(`chaos:settlement: ${signal}: stopping the engine and removing ${dataDir}\n`)
      process.exit(code)
    })
  const limitMs = (options.cycles * (options.secondsPerCycle * 1.5 + 60) + 180) * 1000
  setTimeout(() => {
    process.stderr.write(`chaos:settlement: not finished after ${limitMs / 1000} s; stopping\n`)
    process.exit(1)
  }, limitMs).unref()
  return run(options, engine)
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`chaos:settlement: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
