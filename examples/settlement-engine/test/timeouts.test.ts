import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SettlementEngine } from '../src/engine/settlement-engine.ts'
import { startServer, type ServerOptions } from '../src/http/server.ts'
import { race, single, unique } from './support/fixtures.ts'
import { get } from './support/http.ts'
import { follow } from './support/ndjson.ts'
import { openRawConnection, readRawResponse, type RawConnection } from './support/raw-connection.ts'
import { pacedStream } from './support/stream-writer.ts'

type Timeouts = Pick<ServerOptions, 'headerTimeoutMs' | 'bodyIdleTimeoutMs' | 'bodyTimeoutMs' | 'idleTimeoutMs'>

const cleanups: Array<() => Promise<void>> = []
// A request cut for being slow is not an error of the engine's.
const requestErrors: unknown[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  expect(requestErrors.splice(0)).toEqual([])
})

// An engine on a fresh data directory, served with these timeouts.
async function serve(timeouts: Timeouts): Promise<{ url: string; engine: SettlementEngine }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'settlement-timeouts-'))
  const engine = await SettlementEngine.open({ dataDir, sync: false })
  const server = await startServer(engine, {
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes: 64 * 1024,
    onError: (error) => requestErrors.push(error),
    ...timeouts,
  })
  cleanups.push(async () => {
    await server.close(1000)
    await engine.close()
    rmSync(dataDir, { recursive: true, force: true })
  })
  return { url: server.url, engine }
}

async function connectTo(url: string): Promise<RawConnection> {
  const connection = await openRawConnection(url)
  cleanups.push(async () => connection.destroy())
  return connection
}

const lateHeaders = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n'
const short = { headerTimeoutMs: 300, bodyIdleTimeoutMs: 300, bodyTimeoutMs: 1500, idleTimeoutMs: 300 }
const betHead = (length: number): string =>
  `POST /bets HTTP/1.1\r\nHost: engine\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`

function expectTimedOut(text: string, message: string): void {
  const { statusLine, headers, body } = readRawResponse(text)
  expect(statusLine).toBe('HTTP/1.1 408 Request Timeout')
  expect(headers.connection).toBe('close')
  expect(JSON.parse(body)).toEqual({ error: { code: 'request-timeout', message } })
}

describe('the engine’s server times out slow clients', () => {
  it('answers headers trickled a byte at a time 408 and closes, after the header timeout', async () => {
    const connection = await connectTo((await serve(short)).url)
    connection.trickle('GET /health HTTP/1.1\r\nHost: engine\r\nX-Slow: ' + 'x'.repeat(10_000), 20)
    expect(await connection.closed).toBe(lateHeaders)
  })

  it('closes a connection that never sends a byte', async () => {
    const connection = await connectTo((await serve(short)).url)
    expect(await connection.closed).toBe(lateHeaders)
  })

  it('answers a JSON body that stops arriving 408, saying so', async () => {
    const connection = await connectTo((await serve(short)).url)
    connection.write(`${betHead(100)}{"customer":`)
    expectTimedOut(
      await connection.closed,
      'no byte of the request body arrived for 300 ms; send the whole body without pausing',
    )
  })

  it('answers a JSON body trickled in time but too slowly in all 408, saying so', async () => {
    const connection = await connectTo((await serve(short)).url)
    connection.write(betHead(10_000))
    connection.trickle(' '.repeat(10_000), 20)
    expectTimedOut(
      await connection.closed,
      'the request body was not all in after 1500 ms; send it faster, or send long batches to POST /stream as NDJSON',
    )
  })

  it('cuts a POST /stream that goes quiet after its outcomes have started', async () => {
    const connection = await connectTo((await serve(short)).url)
    const line = '{"type":"void","event":"nowhere"}\n'
    connection.write(
      'POST /stream HTTP/1.1\r\nHost: engine\r\nTransfer-Encoding: chunked\r\n\r\n' +
        `${line.length.toString(16)}\r\n${line}\r\n`,
    )
    const received = await connection.closed
    expect(received.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true)
    expect(received).toContain('"code":"event-not-found"')
    // Closed mid-answer: no last chunk.
    expect(received.endsWith('0\r\n\r\n')).toBe(false)
  })

  it('lets a POST /stream that keeps sending slowly, within the idle timeout, run to its end', async () => {
    const { url } = await serve({ ...short, bodyIdleTimeoutMs: 1000 })
    const event = unique('R')
    const quiet = Array.from({ length: 25 }, () => '')
    const lines = [JSON.stringify({ type: 'event', ...race(event) }), ...quiet, `{"type":"void","event":"${event}"}`]
    // One line every 100 ms: 2.7 s in all, more than twice the idle timeout, never 1 s without a byte.
    const stream = pacedStream(url, lines, 1, 100)
    await stream.done
    expect(stream.outcomes.map((line) => JSON.parse(line).ok)).toEqual([true, true])
  })

  it('closes a keep-alive connection that sends no next request', async () => {
    const connection = await connectTo((await serve(short)).url)
    connection.write('GET /health HTTP/1.1\r\nHost: engine\r\n\r\n')
    const { statusLine, headers, body } = readRawResponse(await connection.closed)
    expect(statusLine).toBe('HTTP/1.1 200 OK')
    expect(headers.connection).toBe('keep-alive')
    expect(JSON.parse(body)).toEqual({ status: 'ok', events: 0, bets: 0, settlements: 0 })
  })

  it('keeps a GET /settlements follower open through every timeout, then sends it the next settlement', async () => {
    const { url, engine } = await serve(short)
    const feed = await follow(url, '/settlements?after=0')
    cleanups.push(async () => feed.close())
    // Once a late connection has been cut, every timeout has passed over the quiet follower.
    const late = await connectTo(url)
    late.write(`${betHead(10)}{`)
    await late.closed
    const event = unique('R')
    await engine.execute({ type: 'event', ...race(event) })
    await engine.execute({ type: 'bet', ...single('alice', event, 'Red Rum', '2/1', '10') })
    await engine.execute({ type: 'result', event, placings: [['Red Rum']] })
    const [line] = await feed.waitFor(1)
    expect(JSON.parse(line!)).toMatchObject({ seq: 1, customer: 'alice', event, status: 'settled', returns: '30.00' })
  })

  it('answers /health while 50 slow-loris connections are open, then cuts every one of them', {
    timeout: 20_000,
  }, async () => {
    const { url } = await serve({ ...short, headerTimeoutMs: 3000, bodyIdleTimeoutMs: 3000, bodyTimeoutMs: 10_000 })
    const headers = await Promise.all(Array.from({ length: 25 }, () => connectTo(url)))
    const bodies = await Promise.all(Array.from({ length: 25 }, () => connectTo(url)))
    for (const connection of headers) connection.trickle('GET /health HTTP/1.1\r\nHost: engine\r\n\r\n', 500)
    for (const connection of bodies) connection.write(`${betHead(100)}{`)
    const health = await get(url, '/health')
    expect(health.status).toBe(200)
    expect([...headers, ...bodies].filter((connection) => connection.isClosed())).toEqual([])
    for (const connection of headers) expect(await connection.closed).toBe(lateHeaders)
    for (const connection of bodies)
      expectTimedOut(
        await connection.closed,
        'no byte of the request body arrived for 3000 ms; send the whole body without pausing',
      )
  })
})
