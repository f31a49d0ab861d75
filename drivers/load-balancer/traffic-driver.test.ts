import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { fakeDriverContext, type FakeDriverContext } from '../core/test-fixtures/fake-driver-context.ts'
import { TrafficDriver } from './traffic-driver.ts'
import { countsByReplica } from './traffic/index.ts'
import { answerAs, startTestServer, until, type TestServer } from './traffic/test-server.ts'

let server: TestServer
let ctx: FakeDriverContext

beforeEach(async () => {
  server = await startTestServer(answerAs(['web-1-r7k2-rep001', 'web-2-r7k2-rep002']))
  ctx = {
    ...fakeDriverContext({ LB_URL: server.url }, 'http'),
    dealias: (text: string) => text.replaceAll('-r7k2-rep00', '#'),
  }
})

afterEach(async () => {
  await ctx.endScenario({ failed: false })
  await server.close()
})

describe('TrafficDriver', () => {
  test('sends the requests to LB_URL with the Host asked for, and records every answer', async () => {
    const traffic = new TrafficDriver(ctx)
    const record = await traffic.send({ host: 'shop.parlance.test', requests: 4, overMs: 0 })
    expect([record.plan.url, record.responses.length]).toEqual([server.url, 4])
    expect(countsByReplica(record)).toEqual(
      new Map([
        ['web-1-r7k2-rep001', 2],
        ['web-2-r7k2-rep002', 2],
      ]),
    )
    expect(server.received.map((request) => request.headers.host)).toEqual(Array(4).fill('shop.parlance.test'))
  })

  test('start returns at once, logs the run, and resolves `done` once every request has an outcome', async () => {
    const traffic = new TrafficDriver(ctx)
    const running = traffic.start({ host: 'shop.parlance.test', requests: 2, overMs: 50, path: '/?delay=10' })
    expect(ctx.logLines).toEqual(['traffic started: 2 requests to shop.parlance.test/?delay=10 over 50 ms'])
    const record = await running.done
    expect(record.responses.map((response) => response.status)).toEqual([200, 200])
    expect(await running.stop()).toBe(record)
  })

  test('the end of the scenario stops running traffic; on failure every record is attached, de-aliased', async () => {
    const traffic = new TrafficDriver(ctx)
    await traffic.send({ host: 'shop.parlance.test', requests: 1, overMs: 0 })
    const running = traffic.start({ host: 'shop.parlance.test', requests: 100, overMs: 10_000 })
    await until(() => server.received.length >= 2)
    await ctx.endScenario({ failed: true })
    const stopped = await running.done
    // The server answers at once, so a run left to finish would have all 100:
    // fewer means the scenario's end stopped it.
    expect(stopped.responses.length).toBeLessThan(100)
    const [attachment] = ctx.attachments
    expect([ctx.attachments.length, attachment?.mediaType, attachment?.fileName]).toEqual([
      1,
      'application/json',
      'traffic.json',
    ])
    const records = JSON.parse(String(attachment!.data)) as { responses: { replica?: string }[] }[]
    expect(records.length).toBe(2)
    expect(records[0]!.responses.map((response) => response.replica)).toEqual(['web-1#1'])
  })

  test('nothing is attached when the scenario passes', async () => {
    const traffic = new TrafficDriver(ctx)
    await traffic.send({ host: 'shop.parlance.test', requests: 1, overMs: 0 })
    await ctx.endScenario({ failed: false })
    expect(ctx.attachments).toEqual([])
  })
})
