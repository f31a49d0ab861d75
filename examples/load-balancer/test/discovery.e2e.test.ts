// Discovery against the emulator: surviving a daemon restart with a resync,
// and reporting containers it will not route to, with the reason.
import { afterEach, describe, expect, it } from 'vitest'
import { ignoreReasons } from '../src/discovery/ignored-container.ts'
import { E2eHarness } from './support/e2e-harness.ts'
import { getBackend } from './support/http-get.ts'
import { metricValue, readMetrics, readStatus, waitForReplicaNames } from './support/lb-status.ts'
import { until } from './support/until.ts'

const shop = { 'lb.host': 'shop.test' }

describe('load-balancer program: discovery', () => {
  const harness = new E2eHarness()
  afterEach(() => harness.cleanup())

  it('keeps serving known backends while the daemon is down, and resyncs what changed meanwhile', async () => {
    // Down long enough for all the test does before `await restart`, which starts a backend process (1.5 s was not,
    // on a busy machine); short enough that discovery's backoff (100 ms doubling, jittered) retries within ~2 s of the
    // return.
    const daemon = await harness.daemon({ restartDownMs: 3_000 })
    await daemon.runContainer({ name: 'shop-1', labels: shop, publish: true })
    await daemon.runContainer({ name: 'shop-2', labels: shop, publish: true })
    const lb = await harness.loadBalancer(daemon)
    await waitForReplicaNames(lb.admin, 'shop.test', ['shop-1', 'shop-2'])

    let restarted = false
    const restart = daemon.restartDaemon().then(() => (restarted = true))
    await until('discovery to notice the daemon is gone', async () =>
      (await readStatus(lb.admin)).discovery.connected ? undefined : true,
    )
    const whileDown = []
    for (let i = 0; i < 4; i++) whileDown.push((await getBackend(lb.proxy, 'shop.test')).container)
    expect(whileDown.sort()).toEqual(['shop-1', 'shop-1', 'shop-2', 'shop-2'])

    // Changes the event stream cannot report: it is down until restart resolves.
    const [started] = await Promise.all([
      daemon.runContainer({ name: 'shop-3', labels: shop, publish: true }),
      daemon.stop('shop-1'),
    ])
    expect(restarted).toBe(false)
    expect((await readStatus(lb.admin)).discovery.connected).toBe(false)
    await restart

    const replicas = await waitForReplicaNames(lb.admin, 'shop.test', ['shop-2', 'shop-3'])
    expect(replicas[1]?.id).toBe(started.id)
    const status = await readStatus(lb.admin)
    expect(Object.keys(status.discovery).sort()).toEqual(['connected', 'dockerHost', 'lastSync', 'reconnects'])
    expect(status.discovery.connected).toBe(true)
    expect(status.discovery.dockerHost).toBe(`unix://${daemon.socketPath}`)
    expect(status.discovery.reconnects).toBeGreaterThanOrEqual(1)
    const metrics = await readMetrics(lb.admin)
    expect(metricValue(metrics, 'lb_discovery_connected')).toBe(1)
    expect(metricValue(metrics, 'lb_discovery_reconnects_total')).toBe(status.discovery.reconnects)

    const afterwards = []
    for (let i = 0; i < 4; i++) afterwards.push((await getBackend(lb.proxy, 'shop.test')).container)
    expect(afterwards.sort()).toEqual(['shop-2', 'shop-2', 'shop-3', 'shop-3'])
  })

  it('lists containers with a bad lb.port, a bad lb.weight or no lb.host as ignored, with the reason', async () => {
    const daemon = await harness.daemon()
    const badPort = await daemon.runContainer({
      name: 'bad-port',
      labels: { ...shop, 'lb.port': 'http' },
      publish: true,
    })
    const badWeight = await daemon.runContainer({
      name: 'bad-weight',
      labels: { ...shop, 'lb.weight': '0' },
      publish: true,
    })
    const lb = await harness.loadBalancer(daemon)
    await until('the first sync', async () => ((await readStatus(lb.admin)).discovery.connected ? true : undefined))
    // This one arrives by a start event, not by the first listing.
    const noHost = await daemon.runContainer({ name: 'no-host', labels: { 'lb.port': '8080' }, publish: true })
    const ignored = await until('three ignored containers', async () => {
      const status = await readStatus(lb.admin)
      return status.ignored.length === 3 ? status.ignored : undefined
    })

    expect(ignored).toEqual([
      { id: badPort.id, name: 'bad-port', reason: 'label lb.port="http" is not a port number (1-65535)' },
      {
        id: badWeight.id,
        name: 'bad-weight',
        reason: 'label lb.weight="0" is not a positive integer; use e.g. lb.weight=1',
      },
      {
        id: noHost.id,
        name: 'no-host',
        reason: 'no "lb.host" label; add lb.host=NAME to route requests for Host NAME to it',
      },
    ])
    expect(ignored.map((i) => i.reason)).toEqual([
      ignoreReasons.badPort('http'),
      ignoreReasons.badWeight('0'),
      ignoreReasons.noHostLabel(),
    ])
    const status = await readStatus(lb.admin)
    expect([status.services, status.hostsWithoutReplicas]).toEqual([[], []])

    await daemon.destroy('bad-weight')
    await until('bad-weight to leave the ignored list', async () =>
      (await readStatus(lb.admin)).ignored.map((i) => i.name).join() === 'bad-port,no-host' ? true : undefined,
    )
  })
})
