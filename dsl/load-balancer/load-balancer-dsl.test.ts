import { describe, expect, test } from 'vitest'
import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { fakeDsl, view } from './fake-load-balancer-drivers.ts'

const host = 'checkout-r7k2-host01.parlance.test'
const replica = (n: number): string => `checkout-${n}-r7k2-rep00${n}`
const parts = ['host01', 'rep001', 'rep002', 'rep003', 'rep004', 'rep005']

describe('the load-balancer DSL: swarm', () => {
  test('deploy starts each replica under its alias for the aliased host, then waits until all are routed', async () => {
    const { dsl, fake } = fakeDsl(...parts)
    await dsl.swarm.deploy({ service: 'checkout', replicas: 3 })
    expect(fake.calls).toEqual([1, 2, 3].map((n) => `startReplica ${replica(n)} for ${host} (health none, version 1)`))
    expect(fake.waits).toEqual([`the load balancer to route to ${replica(1)}, ${replica(2)}, ${replica(3)}`])
  })

  test('deploy with health checks starts replicas "starting" and makes them healthy before waiting', async () => {
    const { dsl, fake } = fakeDsl(...parts)
    await dsl.swarm.deploy({ service: 'checkout', replicas: 2, healthChecks: 'yes' })
    expect(fake.calls).toEqual([
      `startReplica ${replica(1)} for ${host} (health starting, version 1)`,
      `startReplica ${replica(2)} for ${host} (health starting, version 1)`,
      `healthCheckPasses ${replica(1)}`,
      `healthCheckPasses ${replica(2)}`,
    ])
  })

  test('deploy fails, saying what the load balancer shows, when it never routes to a new replica', async () => {
    const { dsl, fake } = fakeDsl(...parts)
    fake.scripted.set(host, [view(replica(1)), view(replica(2), { healthy: false })])
    await expect(dsl.swarm.deploy({ service: 'checkout', replicas: 2 })).rejects.toThrow(
      new AssertionFailedError(
        `Gave up waiting for the load balancer to route to ${replica(1)}, ${replica(2)}\n` +
          `the load balancer's replicas for ${host}: ${replica(1)} (healthy, 0 in flight); ${replica(2)} ` +
          `(unhealthy, 0 in flight)`,
      ),
    )
  })

  test('refuses a replica count out of range before any driver is made', async () => {
    const { dsl, madeWith } = fakeDsl(...parts)
    await expect(dsl.swarm.deploy({ service: 'checkout', replicas: 0 })).rejects.toThrow(
      new ConfigurationError('deploy: replicas must be 1 to 20, not 0'),
    )
    await expect(dsl.swarm.scale({ service: 'checkout', replicas: 21 })).rejects.toThrow(
      new ConfigurationError('scale: replicas must be 0 to 20, not 21'),
    )
    expect(madeWith).toEqual([])
  })

  test('scale up numbers new replicas on; scale down stops newest first, waiting until each is forgotten', async () => {
    const { dsl, fake } = fakeDsl(...parts)
    await dsl.swarm.deploy({ service: 'checkout', replicas: 3 })
    await dsl.swarm.scale({ replicas: 5 })
    await dsl.swarm.scale({ service: 'checkout', replicas: 2 })
    expect(fake.calls.slice(3)).toEqual([
      `startReplica ${replica(4)} for ${host} (health none, version 1)`,
      `startReplica ${replica(5)} for ${host} (health none, version 1)`,
      `stop ${replica(5)}`,
      `stop ${replica(4)}`,
      `stop ${replica(3)}`,
    ])
    expect(fake.waits.slice(1)).toEqual([
      `the load balancer to route to ${replica(4)}, ${replica(5)}`,
      `the load balancer to forget ${replica(5)}`,
      `the load balancer to forget ${replica(4)}`,
      `the load balancer to forget ${replica(3)}`,
    ])
  })

  test('names the replicas a service has when the spec asks for one it lacks', async () => {
    const { dsl, fake } = fakeDsl(...parts, 'srch01')
    await dsl.swarm.deploy({ service: 'checkout', replicas: 3 })
    await expect(dsl.swarm.crash({ replica: 4 })).rejects.toThrow(
      new ConfigurationError('crash: the checkout service has no replica 4; it has replicas 1, 2, 3'),
    )
    await expect(dsl.swarm.terminate({ service: 'search', replica: 1 })).rejects.toThrow(
      new ConfigurationError('terminate: the search service has no replica 1; it has none'),
    )
    expect(fake.calls).toHaveLength(3)
  })

  test('refuses "replica 2" before any service has been mentioned', async () => {
    const { dsl } = fakeDsl(...parts)
    await expect(dsl.swarm.crash({ replica: 2 })).rejects.toThrow(
      new ConfigurationError(
        'crash: no service has been mentioned yet, so it is not clear whose replica is meant; name the ' +
          'service, e.g. "the checkout service runs 3 replicas" first',
      ),
    )
  })

  test('crash and terminate go to the replica itself; a rolling update then replaces only running ones', async () => {
    const { dsl, fake } = fakeDsl(...parts)
    await dsl.swarm.deploy({ service: 'checkout', replicas: 3 })
    await dsl.swarm.crash({ replica: 2 })
    await dsl.swarm.terminate({ replica: 3 })
    await dsl.swarm.rollingUpdate({})
    expect(fake.calls.slice(3)).toEqual([
      `crash ${replica(2)}`,
      `terminate ${replica(3)}`,
      `startReplica ${replica(4)} for ${host} (health none, version 2)`,
      `stop ${replica(1)}`,
    ])
  })

  test('a rolling update starts a replica of the next version, then stops an old one, one pair at a time', async () => {
    const { dsl, fake, ctx } = fakeDsl(...parts)
    await dsl.swarm.deploy({ service: 'checkout', replicas: 2 })
    await dsl.swarm.rollingUpdate({ service: 'checkout' })
    expect(fake.calls.slice(2)).toEqual([
      `startReplica ${replica(3)} for ${host} (health none, version 2)`,
      `stop ${replica(1)}`,
      `startReplica ${replica(4)} for ${host} (health none, version 2)`,
      `stop ${replica(2)}`,
    ])
    expect(fake.waits.slice(1)).toEqual([
      `the load balancer to route to ${replica(3)}`,
      `the load balancer to forget ${replica(1)}`,
      `the load balancer to route to ${replica(4)}`,
      `the load balancer to forget ${replica(2)}`,
    ])
    expect(ctx.logLines).toContain('rolling update of checkout to version 2 done')
  })

  test('refuses a rolling update of a service none of whose replicas runs', async () => {
    const { dsl } = fakeDsl(...parts)
    await dsl.swarm.deploy({ service: 'checkout', replicas: 1 })
    await dsl.swarm.scale({ replicas: 0 })
    await expect(dsl.swarm.rollingUpdate({})).rejects.toThrow(
      new ConfigurationError('rollingUpdate: the checkout service has no running replica to replace'),
    )
  })

  test('stops the replica answering the slow request, and waits until the load balancer drains it', async () => {
    const { dsl, fake } = fakeDsl(...parts)
    await dsl.swarm.deploy({ service: 'checkout', replicas: 2 })
    await expect(dsl.swarm.stop({})).rejects.toThrow(
      new ConfigurationError(
        "stop: no replica is answering a slow request; give the replica's number, or send a slow request first",
      ),
    )
    fake.scripted.set(host, [view(replica(1)), view(replica(2), { inFlight: 1 })])
    await dsl.traffic.slowRequest({ lasting: '2s' })
    fake.scripted.set(host, [view(replica(1)), view(replica(2), { inFlight: 1, draining: true })])
    await dsl.swarm.stop({})
    expect(fake.requests.at(-1)).toEqual({ host, requests: 1, overMs: 0, path: '/?delay=2000' })
    expect(fake.calls.at(-1)).toBe(`stop ${replica(2)}`)
    expect(fake.waits.slice(1)).toEqual([
      `a replica of checkout to be answering the slow request`,
      `the load balancer to stop sending new requests to ${replica(2)}`,
    ])
  })

  test('marks a replica unhealthy and waits until the load balancer sees it so', async () => {
    const { dsl, fake } = fakeDsl(...parts)
    await dsl.swarm.deploy({ service: 'checkout', replicas: 2 })
    await dsl.swarm.markUnhealthy({ replica: 1 })
    expect([fake.calls.at(-1), fake.waits.at(-1)]).toEqual([
      `setHealth ${replica(1)} unhealthy`,
      `the load balancer to see ${replica(1)} unhealthy`,
    ])
  })
})

describe('the load-balancer DSL: daemon', () => {
  const sharedDaemon = (method: string): ConfigurationError =>
    new ConfigurationError(
      `${method}: the scenario runs on the shared Docker daemon, which every other scenario uses; start one of ` +
        `its own first, e.g. "Given a Docker daemon and load balancer of the scenario's own"`,
    )

  test('refuses to restart the shared daemon or drop its events', async () => {
    const { dsl, fake } = fakeDsl(...parts)
    await expect(dsl.daemon.restart({ down: '1s' })).rejects.toThrow(sharedDaemon('restart'))
    await expect(dsl.daemon.dropEvents({ for: '2s' })).rejects.toThrow(sharedDaemon('dropEvents'))
    expect(fake.calls).toEqual([])
  })

  test("restarts and blinds a daemon of the scenario's own, the drivers pointing at it", async () => {
    const { dsl, fake, madeWith, stacks } = fakeDsl(...parts)
    await dsl.daemon.runPrivately({ strategy: 'least-connections' })
    await dsl.daemon.restart({})
    await dsl.daemon.dropEvents({ for: '2s' })
    expect([stacks, madeWith, fake.calls]).toEqual([
      ['least-connections'],
      ['tcp://127.0.0.1:40999'],
      ['restartDaemon down 1000 ms', 'dropEvents for 2000 ms'],
    ])
  })

  test("a load balancer of the scenario's own on the shared daemon, which it may not restart", async () => {
    const { dsl, fake, stacks } = fakeDsl(...parts)
    await dsl.daemon.runBalancerPrivately({ strategy: 'least-connections' })
    await expect(dsl.daemon.restart({ down: '1s' })).rejects.toThrow(sharedDaemon('restart'))
    expect([stacks, fake.calls]).toEqual([['least-connections (shared daemon)'], []])
  })

  test("refuses a stack of the scenario's own once the shared one has been used, or a second one", async () => {
    const late = fakeDsl(...parts)
    await late.dsl.swarm.deploy({ service: 'checkout', replicas: 1 })
    await expect(late.dsl.daemon.runPrivately({})).rejects.toThrow(
      new ConfigurationError(
        'runPrivately: the scenario has already used the shared load balancer; start one of its own before ' +
          'anything else',
      ),
    )
    expect([late.stacks, late.madeWith]).toEqual([[], ['tcp://127.0.0.1:2375']])
    const twice = fakeDsl(...parts)
    await twice.dsl.daemon.runPrivately({})
    await expect(twice.dsl.daemon.runPrivately({})).rejects.toThrow(
      new ConfigurationError('runPrivately: the scenario already has a load balancer of its own; start it once'),
    )
    expect(twice.stacks).toEqual(['round-robin'])
  })
})
