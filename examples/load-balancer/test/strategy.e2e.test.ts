// --strategy least-connections, end to end: a replica holding a slow request
// is passed over while another is idle.
import { afterEach, describe, expect, it } from 'vitest'
import { E2eHarness } from './support/e2e-harness.ts'
import { get, getBackend } from './support/http-get.ts'
import { waitForReplicaNames, waitForReplicas } from './support/lb-status.ts'
import { SLOW_BACKEND } from './support/slow-backend.ts'

const shop = { 'lb.host': 'shop.test' }

describe('load-balancer program: balancing strategy', () => {
  const harness = new E2eHarness()
  afterEach(() => harness.cleanup())

  it('least-connections sends new requests to the idle replica while another holds a slow one', async () => {
    const daemon = await harness.daemon()
    await daemon.runContainer({ name: 'slow-1', labels: shop, publish: true, backend: SLOW_BACKEND })
    await daemon.runContainer({ name: 'slow-2', labels: shop, publish: true, backend: SLOW_BACKEND })
    const lb = await harness.loadBalancer(daemon, ['--strategy', 'least-connections'])
    await waitForReplicaNames(lb.admin, 'shop.test', ['slow-1', 'slow-2'])
    expect(lb.stdout()).toContain('(least-connections)\n')

    // Held 3 s: the status poll and the three requests below must all happen while it is in flight, on a busy machine
    // too.
    const slow = get(`${lb.proxy}/slow?delay=3000`, 'shop.test')
    const [busy] = await waitForReplicas(
      lb.admin,
      'shop.test',
      (r) => r['slow-1']?.inFlight === 1,
      'the slow request on slow-1',
    )
    expect(busy?.name).toBe('slow-1')

    const fast = []
    for (let i = 0; i < 3; i++) fast.push((await getBackend(lb.proxy, 'shop.test', `/fast-${i}`)).container)
    expect(fast).toEqual(['slow-2', 'slow-2', 'slow-2'])

    const answer = await slow
    expect([answer.status, JSON.parse(answer.body)]).toEqual([
      200,
      { container: 'slow-1', requests: 1, path: '/slow?delay=3000' },
    ])
    await waitForReplicas(lb.admin, 'shop.test', (r) => r['slow-1']?.inFlight === 0, 'slow-1 to be idle')
    // Both idle again: the one picked longest ago takes the next request.
    expect((await getBackend(lb.proxy, 'shop.test', '/next')).container).toBe('slow-1')
  })

  it('round-robin, by contrast, alternates whatever is in flight', async () => {
    const daemon = await harness.daemon()
    await daemon.runContainer({ name: 'slow-1', labels: shop, publish: true, backend: SLOW_BACKEND })
    await daemon.runContainer({ name: 'slow-2', labels: shop, publish: true, backend: SLOW_BACKEND })
    const lb = await harness.loadBalancer(daemon, ['--strategy', 'round-robin'])
    await waitForReplicaNames(lb.admin, 'shop.test', ['slow-1', 'slow-2'])

    const slow = get(`${lb.proxy}/slow?delay=3000`, 'shop.test')
    await waitForReplicas(lb.admin, 'shop.test', (r) => r['slow-1']?.inFlight === 1, 'the slow request on slow-1')
    const fast = []
    for (let i = 0; i < 3; i++) fast.push((await getBackend(lb.proxy, 'shop.test', `/fast-${i}`)).container)
    expect(fast).toEqual(['slow-2', 'slow-1', 'slow-2'])
    expect((await slow).status).toBe(200)
  })
})
