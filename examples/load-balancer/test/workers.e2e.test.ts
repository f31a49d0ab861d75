// `--workers N`: worker processes share the proxy port, route by the primary's
// registry, are replaced when they die, and drain with the primary.
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { E2eHarness } from './support/e2e-harness.ts'
import { get } from './support/http-get.ts'
import { readMetrics, waitForReplicaNames, waitForReplicas } from './support/lb-status.ts'
import { runLoadBalancer } from './support/load-balancer-process.ts'
import { SLOW_BACKEND } from './support/slow-backend.ts'
import { until } from './support/until.ts'

const shop = { 'lb.host': 'shop.test' }

function workerPids(stdout: string): number[] {
  const pids = /\(2 worker processes: pids (\d+), (\d+)\)/.exec(stdout)
  if (pids === null) throw new Error(`no worker pids in: ${stdout}`)
  return [Number(pids[1]), Number(pids[2])]
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function containersAnswering(proxy: string, requests: number): Promise<string[]> {
  const answered = []
  for (let i = 0; i < requests; i++) {
    const answer = await get(`${proxy}/who`, 'shop.test')
    expect(answer.status).toBe(200)
    answered.push((JSON.parse(answer.body) as { container: string }).container)
  }
  return [...new Set(answered)].sort()
}

describe('load-balancer program: --workers', () => {
  const harness = new E2eHarness()
  afterEach(() => harness.cleanup())

  it('serves from every worker with the primary registry, sums their metrics, replaces a dead one, and drains', {
    timeout: 90_000,
  }, async () => {
    const daemon = await harness.daemon()
    await daemon.runContainer({ name: 'slow-1', labels: shop, publish: true, backend: SLOW_BACKEND })
    const lb = await harness.loadBalancer(daemon, ['--workers', '2'])
    const [first, second] = workerPids(lb.stdout())
    await waitForReplicaNames(lb.admin, 'shop.test', ['slow-1'])

    expect(await containersAnswering(lb.proxy, 6)).toEqual(['slow-1'])
    // Each fresh connection goes to the next worker; each logs its own unknown Hosts.
    for (let i = 0; i < 4; i++) expect((await get(`${lb.proxy}/`, 'nobody.test')).status).toBe(404)
    await until('both workers to log an unknown Host', async () =>
      [first, second].every((pid) => lb.stderr().includes(`worker ${pid}: proxy: no service for host`))
        ? true
        : undefined,
    )
    const metrics = await readMetrics(lb.admin)
    expect(metrics).toContain('lb_requests_total{host="shop.test",code="200"} 6')
    expect(metrics).toContain('lb_requests_total{host="(unknown)",code="404"} 4')

    // A container started later reaches every worker through the primary.
    await daemon.runContainer({ name: 'slow-2', labels: shop, publish: true, backend: SLOW_BACKEND })
    await waitForReplicaNames(lb.admin, 'shop.test', ['slow-1', 'slow-2'])
    expect(await containersAnswering(lb.proxy, 8)).toEqual(['slow-1', 'slow-2'])

    process.kill(first!, 'SIGKILL')
    await until(
      'the primary to replace the killed worker',
      async () => (lb.stderr().includes(`worker ${first} exited on SIGKILL; starting another`) ? true : undefined),
      15_000,
    )
    const replacement = await until(
      'the new worker to serve',
      async () => {
        for (let i = 0; i < 4; i++) if ((await get(`${lb.proxy}/who`, 'shop.test')).status !== 200) return undefined
        return true
      },
      15_000,
    )
    expect(replacement).toBe(true)

    const slow = get(`${lb.proxy}/report?delay=800`, 'shop.test')
    await waitForReplicas(
      lb.admin,
      'shop.test',
      (replicas) => (replicas['slow-1']?.inFlight ?? 0) + (replicas['slow-2']?.inFlight ?? 0) === 1,
      'the slow request to be in flight',
    )
    const workersNow = new Set(
      [...lb.stderr().matchAll(/worker (\d+):/g)].map((match) => Number(match[1])).filter(isRunning),
    )
    workersNow.add(second!)
    lb.child.kill('SIGTERM')
    expect((await slow).status).toBe(200)
    expect(await lb.exited).toBe(0)
    expect(lb.stdout()).toMatch(/SIGTERM: stopping — finishing requests in flight\nload balancer stopped\n$/)
    expect([...workersNow].filter(isRunning)).toEqual([])
    expect(isRunning(second!)).toBe(false)
  })

  it('refuses a worker count outside 1 to 64', () => {
    const result = runLoadBalancer(['--workers', '0'])
    expect([result.status, result.stderr]).toEqual([
      2,
      'load-balancer: --workers "0" is not a whole number from 1 to 64\nRun load-balancer --help for the options.\n',
    ])
  })

  it.each([
    ['1', 'load-balancer: '],
    ['2', 'load-balancer: a worker could not start: '],
  ])(
    'with --workers %s, exits 1 naming the address in use, leaving no worker behind',
    { timeout: 30_000 },
    async (workers, prefix) => {
      const taken = createServer()
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()))
      const { port } = taken.address() as { port: number }
      try {
        const daemon = await harness.daemon()
        const args = ['--port', String(port), '--admin-port', '0', '--docker-host', `unix://${daemon.socketPath}`]
        // spawnSync returns once every process holding the output pipes is gone: a worker left behind would hold
        // them until its 15 s timeout, and the status would be null.
        const result = runLoadBalancer([...args, '--workers', workers])
        expect([result.status, result.stderr]).toEqual([
          1,
          `${prefix}the proxy cannot listen on 127.0.0.1:${port}: ` +
            'the address is in use by another program; stop it or choose another --port\n',
        ])
      } finally {
        taken.close()
      }
    },
  )
})
