// Docker health checks decide which replicas get traffic: starting and
// unhealthy ones get none, and one without a health check gets it once started.
import { afterEach, describe, expect, it } from 'vitest'
import { E2eHarness } from './support/e2e-harness.ts'
import { get, getBackend } from './support/http-get.ts'
import { waitForReplicas } from './support/lb-status.ts'

const shop = { 'lb.host': 'shop.test' }

async function servedBy(proxy: string, count: number): Promise<string[]> {
  const names: string[] = []
  for (let i = 0; i < count; i++) names.push((await getBackend(proxy, 'shop.test')).container)
  return names
}

describe('load-balancer program: health', () => {
  const harness = new E2eHarness()
  afterEach(() => harness.cleanup())

  it('sends nothing to a starting container until it is healthy, and nothing once it is unhealthy', async () => {
    const daemon = await harness.daemon()
    await daemon.runContainer({ name: 'shop-1', labels: shop, publish: true })
    await daemon.runContainer({ name: 'shop-2', labels: shop, publish: true, health: 'starting' })
    const lb = await harness.loadBalancer(daemon)

    const starting = await waitForReplicas(
      lb.admin,
      'shop.test',
      (r) => r['shop-1'] !== undefined && r['shop-2'] !== undefined,
    )
    expect(
      starting.map(({ name, healthy, draining, paused, inFlight }) => ({ name, healthy, draining, paused, inFlight })),
    ).toEqual([
      { name: 'shop-1', healthy: true, draining: false, paused: false, inFlight: 0 },
      { name: 'shop-2', healthy: false, draining: false, paused: false, inFlight: 0 },
    ])
    expect(await servedBy(lb.proxy, 4)).toEqual(['shop-1', 'shop-1', 'shop-1', 'shop-1'])

    daemon.setHealth('shop-2', 'healthy')
    await waitForReplicas(lb.admin, 'shop.test', (r) => r['shop-2']?.healthy === true)
    expect((await servedBy(lb.proxy, 4)).sort()).toEqual(['shop-1', 'shop-1', 'shop-2', 'shop-2'])

    daemon.setHealth('shop-2', 'unhealthy')
    await waitForReplicas(lb.admin, 'shop.test', (r) => r['shop-2']?.healthy === false)
    expect(await servedBy(lb.proxy, 4)).toEqual(['shop-1', 'shop-1', 'shop-1', 'shop-1'])
  })

  it('routes to a container without a health check as soon as it has started', async () => {
    const daemon = await harness.daemon()
    await daemon.runContainer({ name: 'shop-1', labels: shop, publish: true, health: 'starting' })
    const lb = await harness.loadBalancer(daemon)
    await waitForReplicas(lb.admin, 'shop.test', (r) => r['shop-1']?.healthy === false)

    const container = await daemon.runContainer({ name: 'shop-2', labels: shop, publish: true })
    const [, started] = await waitForReplicas(lb.admin, 'shop.test', (r) => r['shop-2'] !== undefined)
    expect(started).toEqual({
      id: container.id,
      name: 'shop-2',
      address: `127.0.0.1:${container.hostPort}`,
      healthy: true,
      draining: false,
      paused: false,
      inFlight: 0,
    })
    expect(await servedBy(lb.proxy, 3)).toEqual(['shop-2', 'shop-2', 'shop-2'])
  })

  it('answers 503 while the only replica is still starting', async () => {
    const daemon = await harness.daemon()
    await daemon.runContainer({ name: 'shop-1', labels: shop, publish: true, health: 'starting' })
    const lb = await harness.loadBalancer(daemon)
    await waitForReplicas(lb.admin, 'shop.test', (r) => r['shop-1']?.healthy === false)
    const answer = await get(`${lb.proxy}/`, 'shop.test')
    expect([answer.status, answer.headers['retry-after'], answer.body]).toEqual([
      503,
      '1',
      'service "shop.test" has no healthy replica right now\n',
    ])

    daemon.setHealth('shop-1', 'healthy')
    await waitForReplicas(lb.admin, 'shop.test', (r) => r['shop-1']?.healthy === true)
    expect(await servedBy(lb.proxy, 2)).toEqual(['shop-1', 'shop-1'])
  })
})
