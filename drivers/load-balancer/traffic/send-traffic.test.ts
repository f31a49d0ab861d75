import { afterEach, describe, expect, it } from 'vitest'
import { countsByReplica, failures, sendTraffic } from './index.ts'
import { answerAs, startTestServer, until, type TestHandler, type TestServer } from './test-server.ts'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function serve(handler: TestHandler): Promise<TestServer> {
  server = await startTestServer(handler)
  return server
}

describe('sendTraffic', () => {
  it('records every request, in plan order, with its status and the replica that answered', async () => {
    const { url } = await serve(answerAs(['web-1', 'web-2', 'web-3']))
    const record = await sendTraffic({ url, host: 'shop.example', requests: 30, overMs: 0 })
    expect(record.responses.map((response) => response.index)).toEqual([...Array(30).keys()])
    expect(record.responses.every((response) => response.status === 200 && response.error === undefined)).toBe(true)
    expect(countsByReplica(record)).toEqual(
      new Map([
        ['web-1', 10],
        ['web-2', 10],
        ['web-3', 10],
      ]),
    )
    expect(JSON.parse(record.responses[0]!.body)).toMatchObject({ path: '/' })
    expect(failures(record)).toEqual([])
  })

  it('sends the Host header, method and path of the plan', async () => {
    const server = await serve(answerAs(['web-1']))
    await sendTraffic({
      url: server.url,
      host: 'shop.example',
      requests: 2,
      overMs: 0,
      method: 'POST',
      path: '/cart?x=1',
    })
    expect(server.received.map((request) => [request.method, request.url, request.headers.host])).toEqual([
      ['POST', '/cart?x=1', 'shop.example'],
      ['POST', '/cart?x=1', 'shop.example'],
    ])
  })

  it('records statuses, Retry-After and a body that is not JSON', async () => {
    const { url } = await serve((_, response, seen) => {
      if (seen % 2 === 0) response.writeHead(503, { 'retry-after': '1' }).end('service "shop" has no healthy replica\n')
      else response.end('x'.repeat(600))
    })
    const record = await sendTraffic({ url, host: 'shop', requests: 4, overMs: 0, maxInFlight: 1 })
    expect(record.responses.map((response) => [response.status, response.retryAfter, response.replica])).toEqual([
      [200, undefined, undefined],
      [503, '1', undefined],
      [200, undefined, undefined],
      [503, '1', undefined],
    ])
    expect(record.responses[0]!.body).toBe('x'.repeat(500))
    expect(failures(record).map((line) => line.replace(/ at \d+ ms/, ''))).toEqual([
      '#1: 503 service "shop" has no healthy replica (Retry-After: 1)',
      '#3: 503 service "shop" has no healthy replica (Retry-After: 1)',
    ])
  })

  it('paces the sends evenly over overMs', async () => {
    const { url } = await serve(answerAs(['web-1']))
    const record = await sendTraffic({ url, host: 'shop', requests: 10, overMs: 500 })
    const sentAt = record.responses.map((response) => response.sentAtMs)
    expect([...sentAt].sort((a, b) => a - b)).toEqual(sentAt)
    sentAt.forEach((at, index) => expect(at).toBeGreaterThanOrEqual(index * 50))
    expect(sentAt[9]).toBeGreaterThanOrEqual(450)
    expect(record.durationMs).toBeGreaterThanOrEqual(450)
  })

  it('reuses keep-alive connections and closes every one when done', async () => {
    const server = await serve(answerAs(['web-1']))
    // One request at a time, so one connection serves all five however late the machine runs them: a stall that
    // made all five due at once would otherwise open a connection for each.
    const record = await sendTraffic({ url: server.url, host: 'shop', requests: 5, overMs: 100, maxInFlight: 1 })
    expect(record.responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200])
    expect(server.connections.accepted).toBe(1)
    await until(() => server.connections.open === 0)
  })

  it('never has more than maxInFlight requests out, and records the ones that waited as late', async () => {
    const server = await serve(answerAs(['web-1']))
    const record = await sendTraffic({
      url: server.url,
      host: 'shop',
      requests: 6,
      overMs: 0,
      maxInFlight: 2,
      path: '/?delay=50',
    })
    expect(server.mostInFlight).toBe(2)
    expect(record.responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200])
    expect(record.responses.map((response) => response.lateByMs !== undefined)).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
    ])
    expect(record.responses[5]!.lateByMs).toBeGreaterThanOrEqual(90)
  })

  it('records the error code when the server resets the connection', async () => {
    const { url } = await serve((request, response, seen) =>
      seen === 2 ? request.socket.destroy() : response.end('{"container":"web-1"}'),
    )
    const record = await sendTraffic({ url, host: 'shop', requests: 3, overMs: 0, maxInFlight: 1 })
    expect(record.responses.map((response) => response.error ?? response.status)).toEqual([200, 'ECONNRESET', 200])
    expect(failures(record)).toEqual([`#1 at ${Math.round(record.responses[1]!.sentAtMs)} ms: ECONNRESET`])
  })

  it('records ECONNREFUSED when nothing listens', async () => {
    const closed = await startTestServer(answerAs(['web-1']))
    await closed.close()
    const record = await sendTraffic({ url: closed.url, host: 'shop', requests: 2, overMs: 0 })
    expect(record.responses.map((response) => response.error)).toEqual(['ECONNREFUSED', 'ECONNREFUSED'])
  })

  it('records a timeout for a request that gets no answer in time', async () => {
    const server = await serve(() => undefined)
    const record = await sendTraffic({ url: server.url, host: 'shop', requests: 2, overMs: 0, timeoutMs: 100 })
    expect(record.responses.map((response) => response.error)).toEqual(['timeout after 100 ms', 'timeout after 100 ms'])
    expect(record.responses[0]!.latencyMs).toBeGreaterThanOrEqual(99)
    await until(() => server.connections.open === 0)
  })

  it('ends what is in flight when the signal aborts, and sends no more', async () => {
    const server = await serve(() => undefined)
    const controller = new AbortController()
    const sending = sendTraffic(
      { url: server.url, host: 'shop', requests: 100, overMs: 10_000 },
      { signal: controller.signal },
    )
    await until(() => server.received.length >= 1)
    controller.abort()
    const record = await sending
    expect(record.responses.length).toBeGreaterThanOrEqual(1)
    expect(record.responses.length).toBeLessThan(100)
    expect(record.responses.every((response) => response.error === 'aborted')).toBe(true)
    await until(() => server.connections.open === 0)
  })
})
