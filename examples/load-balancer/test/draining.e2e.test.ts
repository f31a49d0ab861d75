// Draining: a SIGTERM to the program, and a `docker stop` of one replica, both
// let the request in flight finish with 200.
import { Agent } from 'node:http'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { E2eHarness } from './support/e2e-harness.ts'
import { get } from './support/http-get.ts'
import { waitForReplicas } from './support/lb-status.ts'
import { SLOW_BACKEND } from './support/slow-backend.ts'
import { until } from './support/until.ts'

const shop = { 'lb.host': 'shop.test' }

function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) })
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })
}

describe('load-balancer program: draining', () => {
  const harness = new E2eHarness()
  afterEach(() => harness.cleanup())

  it('on SIGTERM stops accepting, finishes the request in flight with 200, and exits 0', async () => {
    const daemon = await harness.daemon()
    await daemon.runContainer({ name: 'slow-1', labels: shop, publish: true, backend: SLOW_BACKEND })
    const lb = await harness.loadBalancer(daemon)
    await waitForReplicas(lb.admin, 'shop.test', (r) => r['slow-1'] !== undefined)

    const slow = get(`${lb.proxy}/report?delay=800`, 'shop.test')
    await waitForReplicas(lb.admin, 'shop.test', (r) => r['slow-1']?.inFlight === 1, 'the slow request to reach slow-1')
    lb.child.kill('SIGTERM')
    await until('the program to say it is stopping', async () =>
      lb.stdout().includes('SIGTERM: stopping') ? true : undefined,
    )
    expect(await refusesConnections(lb.proxy)).toBe(true)
    expect(lb.child.exitCode).toBe(null)

    const answer = await slow
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ container: 'slow-1', requests: 1, path: '/report?delay=800' })
    expect(await lb.exited).toBe(0)
    expect(lb.stdout()).toMatch(/SIGTERM: stopping — finishing requests in flight\nload balancer stopped\n$/)
    expect(lb.stderr()).not.toContain('still in flight')
  })

  it('asks a keep-alive client to close after its last answer, so SIGTERM skips the keep-alive timeout', async () => {
    const daemon = await harness.daemon()
    await daemon.runContainer({ name: 'slow-1', labels: shop, publish: true, backend: SLOW_BACKEND })
    const lb = await harness.loadBalancer(daemon)
    await waitForReplicas(lb.admin, 'shop.test', (r) => r['slow-1'] !== undefined)
    const agent = new Agent({ keepAlive: true })
    try {
      expect((await get(`${lb.proxy}/warm`, 'shop.test', { agent })).headers.connection).toBe('keep-alive')
      const slow = get(`${lb.proxy}/kept?delay=500`, 'shop.test', { agent })
      await waitForReplicas(
        lb.admin,
        'shop.test',
        (r) => r['slow-1']?.inFlight === 1,
        'the slow request to reach slow-1',
      )
      lb.child.kill('SIGTERM')

      const answer = await slow
      const answeredAt = Date.now()
      expect([answer.status, answer.headers.connection, JSON.parse(answer.body)]).toEqual([
        200,
        'close',
        { container: 'slow-1', requests: 2, path: '/kept?delay=500' },
      ])
      expect(await lb.exited).toBe(0)
      // node:http keeps an idle connection 5 s; the drain must not wait for that.
      expect(Date.now() - answeredAt).toBeLessThan(2_500)
    } finally {
      agent.destroy()
    }
  })

  it('lets a stopped replica finish its request in flight and sends new requests to the other', async () => {
    const daemon = await harness.daemon()
    await daemon.runContainer({ name: 'slow-1', labels: shop, publish: true, backend: SLOW_BACKEND })
    await daemon.runContainer({ name: 'slow-2', labels: shop, publish: true, backend: SLOW_BACKEND })
    const lb = await harness.loadBalancer(daemon)
    await waitForReplicas(lb.admin, 'shop.test', (r) => r['slow-1'] !== undefined && r['slow-2'] !== undefined)

    // Round-robin over names in order: the first request goes to slow-1.
    const slow = get(`${lb.proxy}/order?delay=1200`, 'shop.test')
    await waitForReplicas(lb.admin, 'shop.test', (r) => r['slow-1']?.inFlight === 1, 'the slow request to reach slow-1')
    const stopped = daemon.stop('slow-1')
    await waitForReplicas(lb.admin, 'shop.test', (r) => r['slow-1']?.draining === true, 'slow-1 to be draining')

    const during = []
    for (let i = 0; i < 3; i++) during.push(await get(`${lb.proxy}/during`, 'shop.test'))
    expect(during.map((a) => [a.status, (JSON.parse(a.body) as { container: string }).container])).toEqual([
      [200, 'slow-2'],
      [200, 'slow-2'],
      [200, 'slow-2'],
    ])

    const answer = await slow
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ container: 'slow-1', requests: 1, path: '/order?delay=1200' })
    await stopped
    expect(daemon.container('slow-1')).toMatchObject({ state: 'exited', exitCode: 0 })
    await waitForReplicas(lb.admin, 'shop.test', (r) => Object.keys(r).join() === 'slow-2', 'slow-1 to be gone')
    const after = await get(`${lb.proxy}/after`, 'shop.test')
    expect([after.status, (JSON.parse(after.body) as { container: string }).container]).toEqual([200, 'slow-2'])
  })
})
