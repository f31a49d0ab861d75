import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Clock } from './clock.ts'
import { systemClock } from './clock.ts'
import type { ContainerSummary } from './container-summary.ts'
import { startDiscovery, type Discovery } from './discovery.ts'
import type { Probe } from './http-probe.ts'
import { FakeDockerDaemon, type FakeDaemonAddress } from './test-support/fake-docker-daemon.ts'

const fastBackoff = { initialMs: 10, maxMs: 40 }
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function web(id: string, port: number, extra: Partial<ContainerSummary> = {}): ContainerSummary {
  return {
    Id: id,
    Names: [`/${id}`],
    State: 'running',
    Status: 'Up 1 second',
    Labels: { 'lb.host': 'shop' },
    Ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: port, Type: 'tcp' }],
    ...extra,
  }
}

const event = (action: string, id: string) => ({
  Type: 'container',
  Action: action,
  Actor: { ID: id, Attributes: { name: id } },
  status: action,
  id,
  time: 1700000000,
})

async function waitFor(what: string, condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

async function daemonOn(address: FakeDaemonAddress): Promise<FakeDockerDaemon> {
  const daemon = await FakeDockerDaemon.start(address)
  cleanups.push(() => daemon.stop())
  return daemon
}

// Every app answers at once, unless a test says otherwise.
function discover(url: string, clock?: Clock, probe: Probe = async () => true): Discovery {
  const discovery = startDiscovery({ dockerHost: url, backoff: fastBackoff, probe, ...(clock ? { clock } : {}) })
  cleanups.push(() => discovery.close())
  return discovery
}

const ports = (discovery: Discovery) => discovery.registry.replicasFor('shop').map((r) => r.address.port)

const channels: Array<[string, () => FakeDaemonAddress]> = [
  [
    'a unix socket',
    () => ({ socketPath: join(tmpdir(), `lb-discovery-${process.pid}-${Math.random().toString(36).slice(2)}.sock`) }),
  ],
  ['TCP', () => ({ port: 0 })],
]

describe.each(channels)('discovery against a fake daemon on %s', (_channel, address) => {
  it('syncs at start, then applies events, looking started containers up', async () => {
    const daemon = await daemonOn(address())
    daemon.containers = [web('a', 32001), { Id: 'plain', Names: ['/plain'] }]
    const discovery = discover(daemon.url)
    await discovery.ready
    expect(ports(discovery)).toEqual([32001])
    expect(discovery.registry.snapshot().ignored.map((i) => i.name)).toEqual(['plain'])
    expect(discovery.status()).toMatchObject({ dockerHost: daemon.url, connected: true, reconnects: 0 })
    expect(daemon.requests).toContain('GET /v1.43/events?filters=%7B%22type%22%3A%5B%22container%22%5D%7D')

    daemon.containers.push(web('b', 32002))
    daemon.emit(event('start', 'b'))
    await waitFor('b to be routed', () => ports(discovery).length === 2)
    expect(ports(discovery)).toEqual([32001, 32002])
    expect(daemon.requests).toContain('GET /v1.43/containers/json?filters=%7B%22id%22%3A%5B%22b%22%5D%7D')

    // Back to back and cut mid-object, as an old daemon might send them.
    const text = JSON.stringify(event('health_status: unhealthy', 'a')) + JSON.stringify(event('stop', 'b'))
    daemon.emit(text.slice(0, 30))
    daemon.emit(text.slice(30))
    await waitFor('a unhealthy and b draining', () => discovery.registry.replicasFor('shop')[1]?.draining === true)
    expect(discovery.registry.replicasFor('shop').map((r) => [r.name, r.healthy, r.draining])).toEqual([
      ['a', false, false],
      ['b', true, true],
    ])

    daemon.emit(event('die', 'b'))
    daemon.emit(event('destroy', 'a'))
    await waitFor('both gone', () => ports(discovery).length === 0)
    expect(discovery.registry.isKnownHost('shop')).toBe(true)
  })

  it('applies events that arrive during the listing after it', async () => {
    const daemon = await daemonOn(address())
    daemon.containers = [web('a', 32001), web('b', 32002)]
    // The die reaches discovery while the listing that still shows `a` is in flight;
    // applying it before the listing would let the listing resurrect `a`.
    daemon.beforeList = async () => {
      daemon.emit(event('die', 'a'))
      await new Promise((resolve) => setTimeout(resolve, 30))
    }
    const discovery = discover(daemon.url)
    await discovery.ready
    await waitFor('a to be gone', () => ports(discovery).length === 1)
    expect(ports(discovery)).toEqual([32002])
  })

  it('reports a failing change listener and keeps applying events', async () => {
    const daemon = await daemonOn(address())
    daemon.containers = [web('a', 32001)]
    const lines: string[] = []
    const discovery = startDiscovery({
      dockerHost: daemon.url,
      log: (line) => lines.push(line),
      probe: async () => true,
    })
    cleanups.push(() => discovery.close())
    await discovery.ready
    const unsubscribe = discovery.registry.onChange(() => {
      throw new Error('listener broke')
    })
    daemon.emit(event('pause', 'a'))
    await waitFor('the failure report', () => lines.length === 1)
    unsubscribe()
    daemon.emit(event('unpause', 'a'))
    await waitFor('a unpaused', () => discovery.registry.replicasFor('shop')[0]?.paused === false)
    expect(lines).toEqual(['discovery: applying a change failed: listener broke'])
  })

  it('resyncs when a started container cannot be looked up', async () => {
    const daemon = await daemonOn(address())
    daemon.containers = [web('a', 32001)]
    const discovery = discover(daemon.url)
    await discovery.ready
    daemon.failLookups = true
    daemon.containers.push(web('b', 32002))
    daemon.emit(event('start', 'b'))
    await waitFor('the resync', () => ports(discovery).length === 2)
    expect(discovery.status()).toMatchObject({ connected: true, reconnects: 1 })
  })

  it('reconnects after the stream drops and resyncs changes made meanwhile', async () => {
    const daemon = await daemonOn(address())
    daemon.containers = [web('a', 32001)]
    const discovery = discover(daemon.url)
    await discovery.ready
    await waitFor('the event stream', () => daemon.streamCount === 1)

    daemon.containers = [web('b', 32002)]
    daemon.dropStreams()
    await waitFor('the resync', () => ports(discovery)[0] === 32002)
    expect(ports(discovery)).toEqual([32002])
    expect(discovery.status()).toMatchObject({ connected: true, reconnects: 1 })
  })

  it('keeps the last known backends while the daemon is unreachable, then catches up', async () => {
    const daemon = await daemonOn(address())
    daemon.containers = [web('a', 32001)]
    const discovery = discover(daemon.url)
    await discovery.ready

    await daemon.stop()
    await waitFor('repeated failed reconnects', () => discovery.status().reconnects >= 3)
    expect(discovery.status().connected).toBe(false)
    expect(discovery.status().lastError).toMatch(/^Docker daemon at .* unreachable for GET \/_ping: /)
    expect(ports(discovery)).toEqual([32001])

    daemon.containers = [web('a', 32001), web('c', 32003)]
    await daemon.listen()
    await waitFor('the resync', () => ports(discovery).length === 2)
    expect(discovery.status().connected).toBe(true)
  })
})

describe('discovery admits a started replica once its app answers', () => {
  // Probes answered by the test: false while docker-proxy resets, true once the app listens.
  function heldProbes() {
    const waiting: Array<(answered: boolean) => void> = []
    const probe: Probe = () => new Promise((resolve) => waiting.push(resolve))
    return { probe, answer: (answered: boolean) => waiting.shift()?.(answered), count: () => waiting.length }
  }
  const healthOf = (discovery: Discovery) => discovery.registry.replicasFor('shop').map((r) => [r.name, r.healthy])

  it('routes it from its first answer, not while its port resets; a resync meanwhile does not route it', async () => {
    const daemon = await daemonOn({ port: 0 })
    daemon.containers = [web('a', 32001)]
    const probes = heldProbes()
    const discovery = discover(daemon.url, undefined, probes.probe)
    await waitFor("the first sync's probe", () => probes.count() === 1)
    probes.answer(true)
    await discovery.ready
    daemon.containers.push(web('b', 32002))
    daemon.emit(event('start', 'b'))
    await waitFor('the first probe', () => probes.count() === 1)
    probes.answer(false)
    await waitFor('the second probe', () => probes.count() === 1)
    daemon.dropStreams()
    await waitFor('the resync', () => discovery.status().reconnects === 1 && discovery.status().connected)
    expect(healthOf(discovery)).toEqual([['a', true]])
    daemon.containers[1] = web('b', 32002, { State: 'paused', Status: 'Up 1 second (Paused)' })
    probes.answer(true)
    await waitFor('b routed', () => healthOf(discovery).length === 2)
    expect(discovery.registry.replicasFor('shop').map((r) => [r.name, r.healthy, r.paused])).toEqual([
      ['a', true, false],
      ['b', true, true],
    ])
  })

  it('routes a first-listed replica once it answers; holds back one not answering yet or listed later', async () => {
    const daemon = await daemonOn({ port: 0 })
    daemon.containers = [web('a', 32001), web('z', 32026)]
    const probes = heldProbes()
    const discovery = discover(daemon.url, undefined, probes.probe)
    await waitFor("the first sync's probes", () => probes.count() === 2)
    probes.answer(true)
    probes.answer(false)
    await discovery.ready
    expect(healthOf(discovery)).toEqual([['a', true]])
    await waitFor('the next probe of z', () => probes.count() === 1)
    probes.answer(true)
    await waitFor('z routed', () => healthOf(discovery).length === 2)
    daemon.containers.push(web('b', 32002))
    daemon.dropStreams()
    await waitFor('the probe after the resync', () => probes.count() === 1)
    expect(healthOf(discovery)).toEqual([
      ['a', true],
      ['z', true],
    ])
    probes.answer(true)
    await waitFor('b routed', () => healthOf(discovery).length === 3)
  })

  it('routes one whose health check has not passed at once, unhealthy; never one stopped while probed', async () => {
    const daemon = await daemonOn({ port: 0 })
    const probes = heldProbes()
    const probeTimers: number[] = []
    const clock: Clock = {
      ...systemClock,
      setTimeout: (callback, ms) => (ms === 25 && probeTimers.push(ms), systemClock.setTimeout(callback, ms)),
    }
    const discovery = discover(daemon.url, clock, probes.probe)
    await discovery.ready
    daemon.containers = [web('b', 32002), web('c', 32003, { Status: 'Up 1 second (health: starting)' })]
    daemon.emit(event('start', 'b'))
    daemon.emit(event('start', 'c'))
    await waitFor('c routed', () => healthOf(discovery).length === 1)
    expect([healthOf(discovery), probes.count()]).toEqual([[['c', false]], 1])
    daemon.emit(event('kill', 'b'))
    daemon.emit(event('pause', 'c'))
    await waitFor('c paused', () => discovery.registry.replicasFor('shop')[0]?.paused === true)
    probes.answer(true)
    // Changes apply in order: once c is unpaused, an admission of b would have been applied too.
    daemon.emit(event('unpause', 'c'))
    await waitFor('c unpaused', () => discovery.registry.replicasFor('shop')[0]?.paused === false)
    expect([healthOf(discovery), probeTimers]).toEqual([[['c', false]], []])
  })
})

describe('discovery negotiates the Engine API version', () => {
  it.each([
    ['1.41', '1.41'],
    ['1.43', '1.43'],
    ['1.45', '1.43'],
  ])('with a daemon answering API %s it speaks %s', async (daemonVersion, spoken) => {
    const daemon = await daemonOn({ port: 0 })
    daemon.apiVersion = daemonVersion
    daemon.containers = [web('a', 32001)]
    const discovery = discover(daemon.url)
    await discovery.ready
    expect(daemon.requests.slice(0, 3)).toEqual([
      'GET /_ping',
      `GET /v${spoken}/events?filters=%7B%22type%22%3A%5B%22container%22%5D%7D`,
      `GET /v${spoken}/containers/json`,
    ])
  })

  it('keeps retrying, saying why, against a daemon too old or naming no version', async () => {
    const daemon = await daemonOn({ port: 0 })
    daemon.apiVersion = '1.23'
    const discovery = discover(daemon.url)
    await waitFor('a failed connect', () => discovery.status().lastError !== undefined)
    expect(discovery.status()).toMatchObject({
      connected: false,
      lastError:
        `Docker daemon at ${daemon.url} speaks Engine API 1.23 at most; the load balancer needs 1.24 to 1.43 ` +
        '(Docker 1.12 or later); upgrade the daemon',
    })
    daemon.apiVersion = undefined
    await waitFor('a failed connect without a version', () => discovery.status().lastError?.includes('named') === true)
    expect(discovery.status().lastError).toBe(
      `Docker daemon at ${daemon.url} named no API version (neither /_ping's API-Version header nor ` +
        "/version's ApiVersion); is it a Docker daemon?",
    )
    expect(daemon.requests).not.toContainEqual(expect.stringMatching(/events/))
  })
})

describe('discovery backoff', () => {
  it('waits longer after each failure, capped, with jitter from the clock', async () => {
    const delays: number[] = []
    const clock: Clock = {
      ...systemClock,
      random: () => 1,
      setTimeout: (callback, ms) => {
        delays.push(ms)
        return systemClock.setTimeout(callback, 1)
      },
    }
    const socketPath = join(tmpdir(), `lb-discovery-${process.pid}-nobody.sock`)
    const discovery = discover(`unix://${socketPath}`, clock)
    await waitFor('five attempts', () => delays.length >= 5)
    expect(delays.slice(0, 5)).toEqual([10, 20, 40, 40, 40])
    await discovery.close()
    await expect(discovery.ready).rejects.toThrow(
      `discovery closed before the first sync with the Docker daemon at unix://${socketPath}`,
    )
  })

  it('uses half the ceiling plus a random half', async () => {
    const { reconnectDelay } = await import('./backoff.ts')
    expect(reconnectDelay(1, { initialMs: 100, maxMs: 5_000 }, () => 0)).toBe(50)
    expect(reconnectDelay(3, { initialMs: 100, maxMs: 5_000 }, () => 0.5)).toBe(300)
    expect(reconnectDelay(20, { initialMs: 100, maxMs: 5_000 }, () => 0.999)).toBe(4998)
  })
})
