import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { startTestServer, type TestServer } from '../traffic/test-server.ts'
import { BalancerAdmin, describeReplicas, type BalancerStatus, type ReplicaView } from './balancer-admin.ts'

const host = 'checkout-r7k2-host01.parlance.test'
const replica = (name: string, more: Partial<ReplicaView> = {}): ReplicaView => ({
  id: `id-${name}`,
  name,
  address: '127.0.0.1:40001',
  healthy: true,
  draining: false,
  paused: false,
  inFlight: 0,
  ...more,
})
const statusWith = (replicas: ReplicaView[]): BalancerStatus => ({
  discovery: { connected: true, events: 3 },
  services: [
    { host, replicas },
    { host: 'search-r7k2-host02.parlance.test', replicas: [replica('search-1')] },
  ],
  hostsWithoutReplicas: ['gone-r7k2-host03.parlance.test'],
  ignored: [{ id: 'abc', name: 'stray', reason: 'no lb.host label' }],
})

/** What the admin port answers next: a status code and a document, changed by the test as it goes. */
let answer: { code: number; status: (seen: number) => BalancerStatus }
let server: TestServer
let admin: BalancerAdmin

beforeEach(async () => {
  answer = { code: 200, status: () => statusWith([replica('checkout-1')]) }
  server = await startTestServer((request, response, seen) => {
    if (request.url !== '/_lb/status') return void response.writeHead(404).end()
    response.writeHead(answer.code, { 'content-type': 'application/json' }).end(JSON.stringify(answer.status(seen)))
  })
  admin = new BalancerAdmin(server.url)
})

afterEach(() => server.close())

/**
 * The error's class and message, with what depends on the machine's speed taken out: the number of attempts
 * (put as N), and whether the last one was still on its way at the deadline.
 */
async function messageOf(promise: Promise<unknown>): Promise<[string, string]> {
  const error = (await promise.then(
    () => undefined,
    (error: unknown) => error,
  )) as Error
  const message = error.message
    .replace(/\(\d+ attempts\)/, '(N attempts)')
    .replace('the last attempt was still running at the deadline; before it, ', '')
  return [error.constructor.name, message]
}

describe('BalancerAdmin', () => {
  test('reads the status document, and the replicas of one host (none for a host it does not know)', async () => {
    expect(await admin.status()).toEqual(statusWith([replica('checkout-1')]))
    expect(await admin.replicasOf(host)).toEqual([replica('checkout-1')])
    expect(await admin.replicasOf('nobody.parlance.test')).toEqual([])
    expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /_lb/status',
      'GET /_lb/status',
      'GET /_lb/status',
    ])
  })

  test('waitFor polls until the condition holds', async () => {
    answer.status = (seen) =>
      statusWith(seen < 3 ? [replica('checkout-1')] : [replica('checkout-1'), replica('checkout-2')])
    await admin.waitFor(
      'checkout-2 to be routed to',
      host,
      (views) => views.some((v) => v.name === 'checkout-2'),
      2_000,
    )
    expect(server.received.length).toBe(3)
  })

  test('waitFor gives up at its deadline, showing the replicas it saw last', async () => {
    const seen = [replica('checkout-1', { inFlight: 2 }), replica('checkout-2', { healthy: false, draining: true })]
    answer.status = () => statusWith(seen)
    // "after 300ms" is the deadline waitFor was given; that eventually gives up at its deadline
    // is tested with fake timers.
    expect(await messageOf(admin.waitFor('checkout-3 to be routed to', host, () => false, 300))).toEqual([
      'AssertionFailedError',
      'Gave up waiting for checkout-3 to be routed to after 300ms (N attempts); last value: false\n' +
        `the load balancer's replicas for ${host}: checkout-1 (healthy, 2 in flight); checkout-2 (unhealthy, ` +
        `draining, 0 in flight)`,
    ])
  })

  test('waitFor on a failing admin port gives up with its last error, and "none" for the replicas', async () => {
    answer.code = 503
    expect(await messageOf(admin.waitFor('checkout-1 to be routed to', host, () => true, 300))).toEqual([
      'AssertionFailedError',
      `Gave up waiting for checkout-1 to be routed to after 300ms (N attempts); last error: the load ` +
        `balancer's admin port answered 503 to GET ${server.url}/_lb/status\n` +
        `the load balancer's replicas for ${host}: none`,
    ])
  })

  test('an answer other than 2xx means the load balancer is broken', async () => {
    answer.code = 500
    await expect(admin.status()).rejects.toThrow(
      new SystemCompromisedError(`the load balancer's admin port answered 500 to GET ${server.url}/_lb/status`),
    )
  })

  test('an admin port nobody listens on means the load balancer is broken', async () => {
    const gone = await startTestServer((_, response) => response.end())
    await gone.close()
    await expect(new BalancerAdmin(gone.url).replicasOf(host)).rejects.toThrow(
      new SystemCompromisedError(`the load balancer's admin port at ${gone.url} did not answer: fetch failed`),
    )
  })
})

describe('describeReplicas', () => {
  test('one line per replica: health, then draining and paused when so, then what is in flight', () => {
    expect(describeReplicas([])).toBe('none')
    expect(
      describeReplicas([
        replica('web-1', { inFlight: 2 }),
        replica('web-2', { healthy: false, draining: true, paused: true }),
      ]),
    ).toBe('web-1 (healthy, 2 in flight); web-2 (unhealthy, draining, paused, 0 in flight)')
  })
})
