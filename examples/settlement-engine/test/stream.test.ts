import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { race, unique } from './support/fixtures.ts'
import { get } from './support/http.ts'
import { streamCommands } from './support/ndjson.ts'
import { startTestEngine, type TestEngine } from './support/test-engine.ts'

let engine: TestEngine
beforeAll(async () => {
  engine = await startTestEngine()
})
afterAll(() => engine.dispose())

describe('POST /stream', () => {
  it('answers one outcome per command, in order, accepted and refused alike', async () => {
    const event = unique('R')
    const outcomes = await streamCommands(engine.url, [
      { type: 'event', ...race(event) },
      { type: 'bet', customer: 'carol', stake: '5', legs: [{ event, runner: 'Red Rum', price: '2/1' }] },
      'not json',
      '',
      { type: 'bet', customer: 'carol', stake: '5', legs: [{ event, runner: 'Nobody', price: '2/1' }] },
      { type: 'sandwich' },
      { type: 'result', event, placings: [['Red Rum']] },
    ])
    expect(outcomes).toEqual([
      {
        ok: true,
        id: event,
        name: `Race ${event}`,
        handicap: false,
        runners: 8,
        placeTerms: { fraction: '1/5', places: 3 },
      },
      { ok: true, id: expect.stringMatching(/^b\d+$/), status: 'open', totalStake: '5.00' },
      {
        ok: false,
        error: {
          code: 'invalid-json',
          message:
            'the line is not JSON (Unexpected token \'o\', "not json" is not valid JSON); send one JSON ' +
            'command per line',
        },
      },
      { ok: false, error: expect.objectContaining({ code: 'unknown-runner', field: 'legs[0].runner' }) },
      {
        ok: false,
        error: {
          code: 'invalid-field',
          message: 'type: "sandwich" is not a command type; send one of "event", "withdrawal", "bet", "result", "void"',
          field: 'type',
        },
      },
      { ok: true, event, status: 'resulted', version: 1, changed: true, settled: 1 },
    ])
    expect((await get(engine.url, `/bets/${outcomes[1]!.id}`)).body.returns).toBe('15.00')
  })

  it('reads the fast and the JSON way alike: spacing, key order, escapes and client ids', async () => {
    const event = unique('R')
    const outcomes = await streamCommands(engine.url, [
      { type: 'event', ...race(event) },
      `{"type":"bet","customer":"d1","stake":"2.5","eachWay":true,"legs":[{"event":"${event}","runner":"Red ` +
        `Rum","price":"5/1"}]}`,
      `{ "legs" : [ { "price" : "5/1", "runner" : "Red Rum", "event" : "${event}" } ], "stake" : "2.50", ` +
        `"customer" : "d1", "type" : "bet", "eachWay" : true }\r`,
      `{"type":"bet","customer":"d\\u0031","stake":"2.50","eachWay":true,"legs":[{"event":"${event}","runner":"Red ` +
        `Rum","price":"5/1"}],"id":"${event}-x"}`,
      `{"type":"bet","customer":"d1","stake":"£2.50","eachWay":true,"legs":[{"event":"${event}","runner":"Red ` +
        `Rum","price":"5/1","note":"extra keys are ignored"}]}`,
    ])
    expect(outcomes.map((outcome) => outcome.totalStake)).toEqual([undefined, '5.00', '5.00', '5.00', '5.00'])
    expect((await get(engine.url, '/customers/d1/bets')).body).toHaveLength(4)
  })

  it('takes a last line without a newline', async () => {
    const response = await fetch(`${engine.url}/stream`, {
      method: 'POST',
      body: JSON.stringify({ type: 'event', ...race(unique('R')) }),
    })
    expect((await response.text()).split('\n')).toEqual([expect.stringMatching(/^\{"ok":true,/), ''])
  })

  it('streams a large body block by block, answering every line', async () => {
    const event = unique('R')
    const count = 50_000
    const outcomes = await new Promise<number>((resolve, reject) => {
      const req = request(`${engine.url}/stream`, { method: 'POST' }, (res) => {
        let lines = 0
        res.on('data', (chunk: Buffer) => {
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++
        })
        res.on('end', () => resolve(lines))
      })
      req.on('error', reject)
      req.write(JSON.stringify({ type: 'event', ...race(event) }) + '\n')
      let i = 0
      const write = (): void => {
        while (i < count) {
          const line =
            JSON.stringify({
              type: 'bet',
              customer: `c${i % 97}`,
              stake: '1',
              legs: [{ event, runner: 'Aldaniti', price: '3/1' }],
            }) + '\n'
          i++
          if (!req.write(line)) return void req.once('drain', write)
        }
        req.end()
      }
      write()
    })
    expect(outcomes).toBe(count + 1)
    expect((await get(engine.url, `/events/${event}`)).body.bets).toBe(count)
  })

  it('stops at a line over 1 MiB with a refusal, after answering the lines before it', async () => {
    const event = unique('R')
    const response = await fetch(`${engine.url}/stream`, {
      method: 'POST',
      body: JSON.stringify({ type: 'event', ...race(event) }) + '\n' + 'x'.repeat(1.5 * 2 ** 20),
    })
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines[0].ok).toBe(true)
    expect(lines.at(-1)).toEqual({
      ok: false,
      error: {
        code: 'line-too-long',
        message:
          'a line is longer than 1048576 bytes; send one command per line, each under 1048576 bytes; the ' +
          'stream stops here',
      },
    })
  })
})
