import { afterEach, describe, expect, test } from 'vitest'
import { eventually } from '../../core/eventually.ts'
import { createHttpTestServer, type HttpTestServer } from '../../core/test-fixtures/http-test-server.ts'
import { Money } from '../../core/values/money.ts'
import { EngineLink } from './engine-link.ts'
import { SettlementFollower } from './settlement-follower.ts'
import { StreamTranscript } from './stream-transcript.ts'

let server: HttpTestServer
let link: EngineLink
afterEach(async () => {
  link.close()
  await server.close()
})

const settlement = (seq: number, customer: string, event: string, returns = '60.00'): string =>
  JSON.stringify({ seq, bet: `b${seq}`, customer, event, resultVersion: 1, status: 'settled', returns })

async function follow(health: string, settlements: string): Promise<SettlementFollower> {
  server = await createHttpTestServer((req, res) => {
    if (req.url === '/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end(health)
    res.writeHead(200, { 'content-type': 'application/x-ndjson' }).write(settlements)
  })
  link = new EngineLink(server.url)
  const follower = new SettlementFollower(link, new StreamTranscript())
  await follower.start()
  return follower
}

describe('SettlementFollower', () => {
  test('follows from the newest settlement of GET /health, keeping only the watched customers and events', async () => {
    const lines = [
      settlement(8, 'alice', 'r1'),
      settlement(8, 'alice', 'r1'),
      settlement(9, 'bob', 'r1', '0.00'),
      settlement(10, 'carol', 'r2'),
      settlement(11, 'alice', 'r2', '5.50'),
    ]
    const follower = await follow('{"status":"ok","events":2,"bets":4,"settlements":7}', lines.join('\n') + '\n')
    follower.watchCustomer('alice')
    follower.watchEvent('r1')
    await eventually(() => follower.settlementsOf('b11').length === 1, { timeout: '2s' })

    expect(server.received.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'GET /health',
      'GET /settlements?after=7',
    ])
    expect(
      ['b8', 'b9', 'b10', 'b11'].map((bet) =>
        follower.settlementsOf(bet).map(({ seq, returns }) => ({ seq, returns })),
      ),
    ).toEqual([
      [{ seq: 8, returns: Money.parse('£60') }],
      [{ seq: 9, returns: Money.zero }],
      [],
      [{ seq: 11, returns: Money.parse('£5.50') }],
    ])
    expect([follower.countOf('r1', 1), follower.countOf('r2', 1), follower.countOf('r1', 2)]).toEqual([2, 1, 0])
    expect(follower.state).toBe('following /settlements?after=7')
  })

  test('a line that is not a settlement breaks the feed with a SystemCompromisedError quoting it', async () => {
    const follower = await follow(
      '{"status":"ok","settlements":0}',
      `${settlement(1, 'alice', 'r1')}\n{"seq":2,"bet":"b2"}\n`,
    )
    await eventually(() => follower.failure !== undefined, { timeout: '2s' })
    expect(follower.failure).toMatchObject({
      name: 'SystemCompromisedError',
      message:
        'GET /settlements sent "{\\"seq\\":2,\\"bet\\":\\"b2\\"}", which is not a settlement line: expected ' +
        'seq, bet, customer, event, resultVersion, status (settled or void) and returns ("10.00"). ' +
        'The engine is not speaking the stream format of docs/examples/settlement-api.md; check its version ' +
        'and its log',
    })
  })

  test('a GET /health that does not give the newest sequence number is a SystemCompromisedError', async () => {
    await expect(follow('{"status":"ok"}', '')).rejects.toMatchObject({
      name: 'SystemCompromisedError',
      message:
        'GET /health answered 200 {"status":"ok"}; expected 200 with {"status":"ok",…,"settlements":N}, the ' +
        "newest settlement's sequence number, to follow GET /settlements from. Is SETTLEMENT_URL the " +
        'settlement engine?',
    })
  })
})
