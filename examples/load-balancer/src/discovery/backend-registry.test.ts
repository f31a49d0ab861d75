import { describe, expect, it } from 'vitest'
import { BackendRegistry } from './backend-registry.ts'
import { normaliseEvent } from './container-event.ts'
import { routeContainer } from './container-routing.ts'
import type { ContainerSummary } from './container-summary.ts'

function summary(id: string, host: string, port: number): ContainerSummary {
  return {
    Id: id,
    Names: [`/${id}`],
    Status: 'Up 1 second',
    Labels: { 'lb.host': host },
    Ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: port }],
  }
}

function registryWith(...containers: ContainerSummary[]): BackendRegistry {
  const registry = new BackendRegistry()
  registry.replaceAll(containers.map(routeContainer))
  return registry
}

const current = (action: string, attributes: Record<string, string> = {}) => ({
  Type: 'container',
  Action: action,
  Actor: { ID: 'web', Attributes: { name: 'web', 'lb.host': 'shop', ...attributes } },
  scope: 'local',
  time: 1700000000,
  // biome-ignore lint/correctness/noPrecisionLoss: Docker's value; JSON.parse rounds it to …768 too, as tested below
  timeNano: 1700000000123456789,
})
const legacy = (status: string) => ({ status, id: 'web', from: 'nginx:alpine', time: 1700000000 })
const both = (action: string) => ({ ...current(action), ...legacy(action) })

const flags = (registry: BackendRegistry) => {
  const [replica] = registry.replicasFor('shop')
  return replica === undefined
    ? 'gone'
    : { healthy: replica.healthy, draining: replica.draining, paused: replica.paused }
}

describe('normaliseEvent', () => {
  it('reads the current fields', () => {
    expect(normaliseEvent(current('stop'))).toEqual({
      id: 'web',
      action: 'stop',
      attributes: { name: 'web', 'lb.host': 'shop' },
      timeNano: 1700000000123456768n,
    })
  })

  it('reads the legacy fields', () => {
    expect(normaliseEvent(legacy('die'))).toEqual({
      id: 'web',
      action: 'die',
      attributes: {},
      timeNano: 1700000000000000000n,
    })
  })

  it('reads both health forms', () => {
    expect(normaliseEvent(current('health_status: unhealthy'))).toMatchObject({ action: 'health', health: 'unhealthy' })
    expect(normaliseEvent(current('health_status', { health_status: 'starting' }))).toMatchObject({
      action: 'health',
      health: 'starting',
    })
    expect(normaliseEvent(legacy('health_status: healthy'))).toMatchObject({ action: 'health', health: 'healthy' })
  })

  it('ignores other types, other actions and malformed objects', () => {
    expect(normaliseEvent({ ...current('start'), Type: 'network' })).toBeUndefined()
    expect(normaliseEvent(current('exec_start: sh'))).toBeUndefined()
    expect(normaliseEvent(current('health_status'))).toBeUndefined()
    expect(normaliseEvent(current('health_status: sideways'))).toBeUndefined()
    expect(normaliseEvent({ Action: 'start' })).toBeUndefined()
    expect(normaliseEvent('start')).toBeUndefined()
    expect(normaliseEvent(null)).toBeUndefined()
  })
})

describe('BackendRegistry.applyEvent', () => {
  const ready = { healthy: true, draining: false, paused: false }
  it.each<[string, (a: string) => object]>([
    ['current', current],
    ['legacy', legacy],
    ['current and legacy together', both],
  ])('applies every action in the %s shape', (_shape, shape) => {
    const registry = registryWith(summary('web', 'shop', 32768))
    const apply = (action: string) => registry.applyEvent(normaliseEvent(shape(action))!)
    apply('pause')
    expect(flags(registry)).toEqual({ ...ready, paused: true })
    apply('unpause')
    expect(flags(registry)).toEqual(ready)
    apply('health_status: unhealthy')
    expect(flags(registry)).toEqual({ ...ready, healthy: false })
    apply('health_status: starting')
    expect(flags(registry)).toEqual({ ...ready, healthy: false })
    apply('health_status: healthy')
    expect(flags(registry)).toEqual(ready)
    apply('stop')
    expect(flags(registry)).toEqual({ ...ready, draining: true })
    apply('start')
    expect(flags(registry)).toEqual(ready)
    apply('kill')
    expect(flags(registry)).toEqual({ ...ready, draining: true })
    apply('die')
    expect(flags(registry)).toBe('gone')
    expect(registry.isKnownHost('shop')).toBe(true)
    expect(registry.snapshot().hostsWithoutReplicas).toEqual(['shop'])
  })

  it('drains on a kill with a stop signal, but not on one that leaves the container running', () => {
    const registry = registryWith(summary('web', 'shop', 32768))
    const kill = (signal: string) => registry.applyEvent(normaliseEvent(current('kill', { signal }))!)
    kill('1') // docker kill -s HUP: a reload
    kill('SIGUSR1')
    expect(flags(registry)).toEqual(ready)
    kill('15') // docker stop
    expect(flags(registry)).toEqual({ ...ready, draining: true })
    registry.applyEvent(normaliseEvent(current('start'))!)
    kill('sigquit') // a STOPSIGNAL such as nginx's
    expect(flags(registry)).toEqual({ ...ready, draining: true })
  })

  it('applies the bare health_status form', () => {
    const registry = registryWith(summary('web', 'shop', 32768))
    registry.applyEvent(normaliseEvent(current('health_status', { health_status: 'unhealthy' }))!)
    expect(flags(registry)).toEqual({ ...ready, healthy: false })
  })

  it('removes on destroy, including an ignored container', () => {
    const registry = registryWith(summary('web', 'shop', 32768), { Id: 'other', Names: ['/other'] })
    expect(registry.snapshot().ignored).toHaveLength(1)
    registry.applyEvent(normaliseEvent(current('destroy'))!)
    registry.applyEvent({ id: 'other', action: 'destroy', attributes: {} })
    expect(registry.snapshot()).toEqual({ services: [], hostsWithoutReplicas: ['shop'], ignored: [] })
  })

  it('leaves unknown containers alone and stays silent when nothing changed', () => {
    const registry = registryWith(summary('web', 'shop', 32768))
    let changes = 0
    const unsubscribe = registry.onChange(() => changes++)
    registry.applyEvent({ id: 'stranger', action: 'stop', attributes: {} })
    registry.replaceAll([routeContainer(summary('web', 'shop', 32768))])
    expect(changes).toBe(0)
    registry.applyEvent({ id: 'web', action: 'pause', attributes: {} })
    expect(changes).toBe(1)
    unsubscribe()
    registry.applyEvent({ id: 'web', action: 'unpause', attributes: {} })
    expect(changes).toBe(1)
  })
})

describe('BackendRegistry', () => {
  it('groups replicas by host and snapshots them sorted', () => {
    const registry = registryWith(summary('b', 'shop', 2), summary('a', 'shop', 1), summary('c', 'api', 3))
    expect(registry.replicasFor('SHOP').map((r) => r.name)).toEqual(['a', 'b'])
    expect(registry.isKnownHost('nowhere')).toBe(false)
    expect(registry.snapshot().services.map((s) => [s.host, s.replicas.length])).toEqual([
      ['api', 1],
      ['shop', 2],
    ])
  })

  it('hands out copies', () => {
    const registry = registryWith(summary('a', 'shop', 1))
    registry.replicasFor('shop')[0]!.address.port = 9
    expect(registry.replicasFor('shop')[0]!.address.port).toBe(1)
  })

  it('shares one frozen list per host until a change, then a fresh one', () => {
    const registry = registryWith(summary('b', 'shop', 2), summary('a', 'shop', 1))
    const before = registry.replicasServing('shop')
    expect(before.map((r) => r.name)).toEqual(['a', 'b'])
    expect(registry.replicasServing('shop')).toBe(before)
    expect(Object.isFrozen(before[0]?.address)).toBe(true)
    registry.applyEvent({ id: 'a', action: 'stop', attributes: {} })
    const after = registry.replicasServing('shop')
    expect(after).not.toBe(before)
    expect(after.map((r) => [r.name, r.draining])).toEqual([
      ['a', true],
      ['b', false],
    ])
  })
})

describe('BackendRegistry, hosts without replicas', () => {
  const withClock = () => {
    const clock = { ms: 1_000, now: () => clock.ms }
    const registry = new BackendRegistry({ clock, forgetHostAfterMs: 60_000 })
    registry.replaceAll([routeContainer(summary('shop-1', 'shop', 32768))])
    return { clock, registry }
  }

  it('keeps a host that lost its last replica known for the grace period, then forgets it', () => {
    const { clock, registry } = withClock()
    registry.replaceAll([])
    clock.ms += 59_999
    expect([registry.isKnownHost('shop'), registry.snapshot().hostsWithoutReplicas]).toEqual([true, ['shop']])
    clock.ms += 1
    expect([registry.isKnownHost('shop'), registry.snapshot().hostsWithoutReplicas]).toEqual([false, []])
  })

  it('starts the grace period again when a replica comes back and goes', () => {
    const { clock, registry } = withClock()
    registry.replaceAll([])
    clock.ms += 50_000
    registry.upsert(routeContainer(summary('shop-2', 'shop', 32769)))
    clock.ms += 50_000
    registry.applyEvent({ id: 'shop-2', action: 'die', attributes: {}, timeNano: 0n })
    clock.ms += 59_999
    expect(registry.isKnownHost('shop')).toBe(true)
    clock.ms += 1
    expect(registry.isKnownHost('shop')).toBe(false)
  })

  it('holds none of 200 services created and removed once the grace period is over', () => {
    const { clock, registry } = withClock()
    for (let i = 0; i < 200; i++) registry.upsert(routeContainer(summary(`svc-${i}`, `svc-${i}.test`, 40000 + i)))
    registry.replaceAll([])
    expect(registry.snapshot().hostsWithoutReplicas).toHaveLength(201)
    clock.ms += 60_000
    expect(registry.snapshot()).toEqual({ services: [], hostsWithoutReplicas: [], ignored: [] })
    expect(registry.isKnownHost('svc-7.test')).toBe(false)
  })
})

describe('BackendRegistry.mirror', () => {
  const ignoredSummary: ContainerSummary = { ...summary('db', 'db', 0), Labels: {}, Ports: [] }

  it("holds what another registry's snapshot says, through JSON, and tells its listeners once", () => {
    const primary = registryWith(summary('shop-1', 'shop', 32768), summary('web-1', 'web', 32770), ignoredSummary)
    primary.applyEvent({ id: 'web-1', action: 'die', attributes: {}, timeNano: 0n })
    const worker = new BackendRegistry()
    let changes = 0
    worker.onChange(() => changes++)
    worker.mirror(JSON.parse(JSON.stringify(primary.snapshot())))
    expect(worker.snapshot()).toEqual(primary.snapshot())
    expect([worker.snapshot().services.map((s) => s.host), worker.snapshot().ignored.map((i) => i.name)]).toEqual([
      ['shop'],
      ['db'],
    ])
    expect([worker.isKnownHost('shop'), worker.isKnownHost('web'), worker.isKnownHost('other')]).toEqual([
      true,
      true,
      false,
    ])
    worker.mirror(JSON.parse(JSON.stringify(primary.snapshot())))
    expect(changes).toBe(1)
  })

  it('forgets a host the snapshot no longer names, and a host without replicas after its own grace period', () => {
    const clock = { ms: 1_000, now: () => clock.ms }
    const worker = new BackendRegistry({ clock, forgetHostAfterMs: 60_000 })
    worker.mirror({ services: [], hostsWithoutReplicas: ['shop', 'web'], ignored: [] })
    worker.mirror({ services: [], hostsWithoutReplicas: ['shop'], ignored: [] })
    expect([worker.isKnownHost('shop'), worker.isKnownHost('web')]).toEqual([true, false])
    clock.ms += 60_000
    expect(worker.snapshot()).toEqual({ services: [], hostsWithoutReplicas: [], ignored: [] })
  })
})
