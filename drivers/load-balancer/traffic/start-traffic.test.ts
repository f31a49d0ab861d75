import { afterEach, describe, expect, it } from 'vitest'
import { countsByReplica, startTraffic } from './index.ts'
import { answerAs, startTestServer, until, type TestServer } from './test-server.ts'
import { checkTrafficPlan } from './traffic-plan.ts'
import { runTraffic } from './traffic-run.ts'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const pendingTimers = (): number => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length

describe('startTraffic', () => {
  it('runs in the background until done', async () => {
    server = await startTestServer(answerAs(['web-1', 'web-2']))
    const traffic = startTraffic({ url: server.url, host: 'shop', requests: 20, overMs: 100 })
    const record = await traffic.done
    expect(countsByReplica(record)).toEqual(
      new Map([
        ['web-1', 10],
        ['web-2', 10],
      ]),
    )
    expect(await traffic.stop()).toBe(record)
  })

  it('stop() sends no more requests, waits for those in flight, and leaves no socket or timer behind', async () => {
    server = await startTestServer(answerAs(['web-1']))
    const testServer = server
    const timersBefore = pendingTimers()
    const traffic = startTraffic({ url: testServer.url, host: 'shop', requests: 50, overMs: 5000, path: '/?delay=30' })
    await until(() => testServer.received.length >= 3)
    const record = await traffic.stop()
    expect(await traffic.done).toBe(record)
    expect(record.responses.length).toBeGreaterThanOrEqual(3)
    expect(record.responses.length).toBeLessThan(50)
    expect(record.responses.map((response) => response.index)).toEqual([...Array(record.responses.length).keys()])
    expect(record.responses.every((response) => response.status === 200)).toBe(true)
    expect(testServer.received).toHaveLength(record.responses.length)
    // Other timers of the test process may end meanwhile, so the count may drop; the run must not add to it.
    expect(pendingTimers()).toBeLessThanOrEqual(timersBefore)
    await until(() => testServer.connections.open === 0)
  })
})

describe('the ceiling of a run', () => {
  it('ends requests still out at overMs + timeoutMs + the margin, and records those never sent', async () => {
    server = await startTestServer(() => undefined)
    const plan = checkTrafficPlan(
      { url: server.url, host: 'shop', requests: 3, overMs: 0, timeoutMs: 200, maxInFlight: 1 },
      'sendTraffic',
    )
    const record = await runTraffic(plan, { ceilingMarginMs: 100 }).done
    expect(record.responses.map((response) => response.error)).toEqual([
      'timeout after 200 ms',
      'aborted at the ceiling of 300 ms',
      'not sent: the ceiling of 300 ms was reached',
    ])
    expect(record.durationMs).toBeGreaterThanOrEqual(299)
  })
})
