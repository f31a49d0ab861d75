import { describe, expect, it } from 'vitest'
import { race } from './support/fixtures.ts'
import { dataDirEachTest, startEngineProcess } from './support/engine-process.ts'
import { get } from './support/http.ts'
import { follow } from './support/ndjson.ts'
import { pacedStream } from './support/stream-writer.ts'

const dataDir = dataDirEachTest('settlement-shutdown-')

function commands(count: number): string[] {
  const bets = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      type: 'bet',
      customer: `c${i % 5}`,
      stake: '1',
      legs: [{ event: 'R1', runner: 'Red Rum', price: '2/1' }],
    }),
  )
  return [JSON.stringify({ type: 'event', ...race('R1') }), ...bets]
}

async function refusesConnections(url: string, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs
  while (Date.now() < deadline) {
    try {
      await fetch(`${url}/health`)
    } catch {
      return true
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return false
}

describe('stopping the engine with a signal', () => {
  it('on SIGTERM stops accepting, finishes the stream in flight, ends the feeds, flushes and exits 0', {
    timeout: 30_000,
  }, async () => {
    const engine = await startEngineProcess(dataDir())
    const feed = await follow(engine.url, '/settlements?after=0')
    const lines = commands(1500)
    const stream = pacedStream(engine.url, lines, 20, 15)
    while (stream.outcomes.length < 40) await new Promise((resolve) => setTimeout(resolve, 5))
    process.kill(engine.pid, 'SIGTERM')
    expect(await refusesConnections(engine.url, 5000)).toBe(true)
    await feed.ended
    await stream.done
    expect(stream.outcomes).toHaveLength(lines.length)
    expect(await engine.exited).toEqual({ code: 0, signal: null })
    expect(engine.output()).toContain(
      'SIGTERM: stopping — finishing requests in flight, then flushing the log\nsettlement engine stopped\n',
    )

    const again = await startEngineProcess(dataDir())
    expect(again.output()).toContain(`replayed ${lines.length} commands from ${dataDir()}`)
    expect((await get(again.url, '/health')).body.bets).toBe(1500)
    expect(await again.stop('SIGINT')).toEqual({ code: 0, signal: null })
  })

  it('on SIGINT exits 0 and lets the data directory go', async () => {
    const engine = await startEngineProcess(dataDir())
    expect(await engine.stop('SIGINT')).toEqual({ code: 0, signal: null })
    const again = await startEngineProcess(dataDir())
    expect(await again.stop()).toEqual({ code: 0, signal: null })
  })
})
