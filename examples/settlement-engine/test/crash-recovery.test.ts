import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BlockApplier } from '../src/engine/apply-block.ts'
import { EngineState } from '../src/engine/engine-state.ts'
import { LOG_FILE } from '../src/engine/settlement-engine.ts'
import { CHECKSUM_BYTES } from '../src/log/checksum-lines.ts'
import { writeSettlementLines } from '../src/engine/settlement-lines.ts'
import { betView } from '../src/engine/views.ts'
import { ByteWriter } from '../src/stream/byte-writer.ts'
import { crashDay, seeded } from './support/crash-commands.ts'
import { killAll, startEngineProcess, type EngineProcess } from './support/engine-process.ts'
import { get } from './support/http.ts'
import { follow } from './support/ndjson.ts'
import { pacedStream } from './support/stream-writer.ts'

const COMMANDS = 12_000
const ROUNDS = 5

afterEach(killAll)

/** What the first `count` commands must come to: the engine's state rebuilt in this process. */
function reference(lines: string[], count: number): { state: EngineState; settlements: string[] } {
  const state = new EngineState()
  if (count > 0) new BlockApplier(state).apply(Buffer.from(lines.slice(0, count).join('\n') + '\n'), undefined)
  const out = new ByteWriter()
  writeSettlementLines(state, 1, state.settlements.count, out)
  return { state, settlements: out.take().toString().split('\n').filter(Boolean) }
}

async function allSettlements(engine: EngineProcess, count: number): Promise<string[]> {
  const feed = await follow(engine.url, '/settlements?after=0')
  try {
    await feed.waitFor(count, 10_000)
    await new Promise((resolve) => setTimeout(resolve, 50))
    return [...feed.lines]
  } finally {
    feed.close()
  }
}

async function expectBetsAsReference(engine: EngineProcess, expected: EngineState, context: string): Promise<void> {
  for (let customer = 0; customer < 12; customer++) {
    const name = `punter-${customer}`
    const index = expected.customers.findString(name)
    const want = []
    for (
      let bet = index < 0 ? -1 : expected.customerLastBet[index]!;
      bet !== -1;
      bet = expected.bets.previousOfCustomer(bet)
    ) {
      const { breakdown: _, ...view } = betView(expected, bet)
      want.push(view)
    }
    const got = await get(engine.url, `/customers/${name}/bets`)
    expect(got.status === 404 ? [] : got.body, `${context}: ${name}'s bets`).toEqual(want)
  }
}

describe('kill -9 at a random moment, then restart on the same data directory', () => {
  it(`loses nothing acknowledged and settles nothing twice (${ROUNDS} rounds)`, { timeout: 180_000 }, async () => {
    const seed = Date.now() % 1_000_000
    const random = seeded(seed)
    const lines = crashDay(seed, COMMANDS).map((command) => JSON.stringify(command))
    const everything = reference(lines, lines.length)
    for (let round = 1; round <= ROUNDS; round++) {
      const killAfterMs = Math.floor(random() * 2600)
      const context = `seed ${seed}, round ${round}, kill after ${killAfterMs} ms`
      const dataDir = mkdtempSync(join(tmpdir(), 'settlement-crash-'))
      try {
        const first = await startEngineProcess(dataDir)
        const feed = await follow(first.url, '/settlements?after=0')
        const stream = pacedStream(first.url, lines, 10, 2)
        await new Promise((resolve) => setTimeout(resolve, killAfterMs))
        await first.stop('SIGKILL')
        await stream.done
        feed.close()
        const acknowledged = stream.outcomes.length
        expect(
          stream.outcomes.every((outcome) => outcome.startsWith('{"ok":true')),
          context,
        ).toBe(true)
        // A crash mid-write leaves a torn line; every other round, make one.
        if (round % 2 === 0)
          appendFileSync(join(dataDir, LOG_FILE), lines[acknowledged]?.slice(0, 17) ?? '{"type":"bet"')

        const second = await startEngineProcess(dataDir)
        const logged = readFileSync(join(dataDir, LOG_FILE), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => line.slice(CHECKSUM_BYTES))
        expect(logged.length, `${context}: the log holds every acknowledged command`).toBeGreaterThanOrEqual(
          acknowledged,
        )
        expect(logged, `${context}: the log is the commands in order`).toEqual(lines.slice(0, logged.length))

        const expected = reference(lines, logged.length)
        const settled = await allSettlements(second, expected.settlements.length)
        expect(settled, `${context}: settlements after the restart`).toEqual(expected.settlements)
        expect(feed.lines, `${context}: settlements seen before the kill are kept, same numbers`).toEqual(
          expected.settlements.slice(0, feed.lines.length),
        )
        const decisions = settled.map((line) => JSON.parse(line)).map((s) => `${s.bet} ${s.event} ${s.resultVersion}`)
        expect(new Set(decisions).size, `${context}: no bet settled twice for one result`).toBe(decisions.length)
        await expectBetsAsReference(second, expected.state, context)

        const rest = pacedStream(second.url, lines.slice(logged.length), 500, 0)
        await rest.done
        expect(rest.outcomes.length, `${context}: the rest is accepted`).toBe(lines.length - logged.length)
        expect(await allSettlements(second, everything.settlements.length), `${context}: the whole day`).toEqual(
          everything.settlements,
        )
        expect(await second.stop(), context).toEqual({ code: 0, signal: null })
      } finally {
        await killAll()
        rmSync(dataDir, { recursive: true, force: true })
      }
    }
  })
})
