// Runs the real program against the Docker daemon emulator on a unix socket.
import { afterEach, describe, expect, it } from 'vitest'
import { E2eHarness } from './support/e2e-harness.ts'
import { get } from './support/http-get.ts'
import { runLoadBalancer, stopLoadBalancer } from './support/load-balancer-process.ts'
import { readMetrics, waitForReplicaNames } from './support/lb-status.ts'

describe('load-balancer program', () => {
  const harness = new E2eHarness()
  afterEach(() => harness.cleanup())

  it('balances two containers by Host, reports them, and stops cleanly on SIGTERM', async () => {
    const daemon = await harness.daemon()
    await daemon.runContainer({ name: 'shop-1', labels: { 'lb.host': 'shop.test' }, publish: true })
    await daemon.runContainer({ name: 'shop-2', labels: { 'lb.host': 'shop.test' }, publish: true })
    const lb = await harness.loadBalancer(daemon)

    const replicas = await waitForReplicaNames(lb.admin, 'shop.test', ['shop-1', 'shop-2'])
    expect(replicas.map((replica) => replica.name)).toEqual(['shop-1', 'shop-2'])

    const answered = []
    for (let i = 0; i < 4; i++) {
      const response = await get(`${lb.proxy}/hello`, 'shop.test')
      expect(response.status).toBe(200)
      answered.push((JSON.parse(response.body) as { container: string }).container)
    }
    expect(new Set(answered)).toEqual(new Set(['shop-1', 'shop-2']))
    expect(answered[0]).not.toBe(answered[1])

    expect((await get(`${lb.proxy}/`, 'nobody.test')).status).toBe(404)
    expect(await readMetrics(lb.admin)).toContain('lb_requests_total{host="shop.test",code="200"} 4')

    expect(await stopLoadBalancer(lb)).toBe(0)
    expect(() => process.kill(lb.child.pid!, 0)).toThrow()
  })

  it('prints its help and exits 0', () => {
    const result = runLoadBalancer(['--help'])
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^Usage: load-balancer \[options\]/)
  })

  it('refuses a bad option with exit 2, naming the option, the value and what is allowed', () => {
    const result = runLoadBalancer(['--strategy', 'random'])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(
      'load-balancer: --strategy: Balancing strategy "random" is not supported; use one of: round-robin, ' +
        'least-connections.\n' +
        'Run load-balancer --help for the options.\n',
    )
  })
})
