// Where the program finds the daemon: --docker-host tcp://, DOCKER_HOST without
// the flag, and a DOCKER_HOST it cannot use.
import { afterEach, describe, expect, it } from 'vitest'
import { E2eHarness } from './support/e2e-harness.ts'
import { getBackend } from './support/http-get.ts'
import { readStatus, waitForReplicaNames } from './support/lb-status.ts'
import { runLoadBalancer } from './support/load-balancer-process.ts'

const shop = { 'lb.host': 'shop.test' }

describe('load-balancer program: the Docker host', () => {
  const harness = new E2eHarness()
  afterEach(() => harness.cleanup())

  it('discovers and proxies over TCP with --docker-host tcp://, even when DOCKER_HOST is unusable', async () => {
    const daemon = await harness.daemon({ tcp: true })
    await daemon.runContainer({ name: 'shop-1', labels: shop, publish: true })
    const lb = await harness.loadBalancer(undefined, [], { DOCKER_HOST: 'ftp://nowhere' }, daemon.url)

    await waitForReplicaNames(lb.admin, 'shop.test', ['shop-1'])
    expect((await readStatus(lb.admin)).discovery.dockerHost).toBe(daemon.url)
    expect(lb.stdout()).toContain(`discovering backends from ${daemon.url} (round-robin)\n`)
    await daemon.runContainer({ name: 'shop-2', labels: shop, publish: true })
    await waitForReplicaNames(lb.admin, 'shop.test', ['shop-1', 'shop-2'])
    const served = [await getBackend(lb.proxy, 'shop.test', '/a'), await getBackend(lb.proxy, 'shop.test', '/b')]
    expect(served).toEqual([
      { container: 'shop-1', requests: 1, path: '/a' },
      { container: 'shop-2', requests: 1, path: '/b' },
    ])
  })

  it('reads DOCKER_HOST when there is no --docker-host flag', async () => {
    const daemon = await harness.daemon({ tcp: true })
    await daemon.runContainer({ name: 'shop-1', labels: shop, publish: true })
    const lb = await harness.loadBalancer(undefined, [], { DOCKER_HOST: daemon.url! })

    await waitForReplicaNames(lb.admin, 'shop.test', ['shop-1'])
    expect((await readStatus(lb.admin)).discovery.dockerHost).toBe(daemon.url)
    expect(await getBackend(lb.proxy, 'shop.test', '/env')).toEqual({ container: 'shop-1', requests: 1, path: '/env' })
  })

  it('reads a unix:// DOCKER_HOST too', async () => {
    const daemon = await harness.daemon()
    await daemon.runContainer({ name: 'shop-1', labels: shop, publish: true })
    const lb = await harness.loadBalancer(undefined, [], { DOCKER_HOST: `unix://${daemon.socketPath}` })
    await waitForReplicaNames(lb.admin, 'shop.test', ['shop-1'])
    expect((await readStatus(lb.admin)).discovery.dockerHost).toBe(`unix://${daemon.socketPath}`)
  })

  it('refuses an unusable DOCKER_HOST with exit 2, naming DOCKER_HOST, the value and the accepted forms', () => {
    const accepted = 'accepted forms: unix:///path/to/docker.sock or tcp://HOST:PORT (e.g. tcp://127.0.0.1:2375)'
    const help = 'Run load-balancer --help for the options.\n'
    const scheme = runLoadBalancer(['--port', '0', '--admin-port', '0'], { DOCKER_HOST: 'http://127.0.0.1:2375' })
    expect([scheme.status, scheme.stdout, scheme.stderr]).toEqual([
      2,
      '',
      `load-balancer: DOCKER_HOST "http://127.0.0.1:2375": unsupported scheme; ${accepted}\n${help}`,
    ])
    const noPort = runLoadBalancer(['--port', '0', '--admin-port', '0'], { DOCKER_HOST: 'tcp://127.0.0.1' })
    expect([noPort.status, noPort.stderr]).toEqual([
      2,
      `load-balancer: DOCKER_HOST "tcp://127.0.0.1": a tcp address needs a host and a port; ${accepted}\n${help}`,
    ])
  })
})
