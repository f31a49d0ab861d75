import { describe, expect, it } from 'vitest'
import type { ContainerSummary } from './container-summary.ts'
import { healthFromStatus } from './container-summary.ts'
import { routeContainer } from './container-routing.ts'

function container(overrides: Partial<ContainerSummary>): ContainerSummary {
  return {
    Id: 'c1',
    Names: ['/shop-1'],
    State: 'running',
    Status: 'Up 5 seconds',
    Labels: { 'lb.host': 'shop.example' },
    Ports: [{ PrivatePort: 8080, Type: 'tcp' }],
    NetworkSettings: { Networks: { bridge: { IPAddress: '172.17.0.2' } } },
    ...overrides,
  }
}

function reasonFor(summary: ContainerSummary): string {
  const route = routeContainer(summary)
  if (route.kind !== 'ignored') throw new Error(`expected ignored, got ${JSON.stringify(route)}`)
  return route.ignored.reason
}

describe('routeContainer: addresses', () => {
  it('routes a host-networked container to its lb.port on the Docker host, as Docker lists it', () => {
    const route = routeContainer(
      container({
        Labels: { 'lb.host': 'shop.example', 'lb.port': '9090' },
        Ports: [],
        HostConfig: { NetworkMode: 'host' },
        NetworkSettings: { Networks: { host: { IPAddress: '' } } },
      }),
    )
    expect(route.kind === 'replica' && route.replica.address).toEqual({ host: '127.0.0.1', port: 9090 })
  })

  it('uses the published host port, 0.0.0.0 meaning 127.0.0.1, preferring IPv4', () => {
    const route = routeContainer(
      container({
        Ports: [
          { IP: '::', PrivatePort: 8080, PublicPort: 32769, Type: 'tcp' },
          { IP: '0.0.0.0', PrivatePort: 8080, PublicPort: 32768, Type: 'tcp' },
        ],
      }),
    )
    expect(route).toEqual({
      kind: 'replica',
      host: 'shop.example',
      replica: {
        id: 'c1',
        name: 'shop-1',
        address: { host: '127.0.0.1', port: 32768 },
        weight: 1,
        healthy: true,
        draining: false,
        paused: false,
      },
    })
  })

  it('maps :: to 127.0.0.1 and keeps a specific bind IP', () => {
    const v6 = routeContainer(container({ Ports: [{ IP: '::', PrivatePort: 8080, PublicPort: 4000 }] }))
    expect(v6.kind === 'replica' && v6.replica.address).toEqual({ host: '127.0.0.1', port: 4000 })
    const bound = routeContainer(container({ Ports: [{ IP: '192.168.1.5', PrivatePort: 8080, PublicPort: 4001 }] }))
    expect(bound.kind === 'replica' && bound.replica.address).toEqual({ host: '192.168.1.5', port: 4001 })
  })

  it('falls back to the network IP and private port when nothing is published', () => {
    const route = routeContainer(container({}))
    expect(route.kind === 'replica' && route.replica.address).toEqual({ host: '172.17.0.2', port: 8080 })
  })

  it('takes the port from lb.port, else the lowest exposed TCP port', () => {
    const ports = [
      { PrivatePort: 9000, PublicPort: 39000, IP: '0.0.0.0', Type: 'tcp' },
      { PrivatePort: 53, Type: 'udp' },
      { PrivatePort: 8080, PublicPort: 38080, IP: '0.0.0.0', Type: 'tcp' },
    ]
    const byDefault = routeContainer(container({ Ports: ports }))
    expect(byDefault.kind === 'replica' && byDefault.replica.address).toEqual({ host: '127.0.0.1', port: 38080 })
    const labelled = routeContainer(
      container({ Ports: ports, Labels: { 'lb.host': 'shop.example', 'lb.port': '9000' } }),
    )
    expect(labelled.kind === 'replica' && labelled.replica.address).toEqual({ host: '127.0.0.1', port: 39000 })
    const unexposed = routeContainer(container({ Labels: { 'lb.host': 'shop.example', 'lb.port': '3000' } }))
    expect(unexposed.kind === 'replica' && unexposed.replica.address).toEqual({ host: '172.17.0.2', port: 3000 })
  })

  it('reads lb.weight, the host case-insensitively, health and pause from the listing', () => {
    const route = routeContainer(
      container({
        Labels: { 'lb.host': 'Shop.Example', 'lb.weight': '3' },
        State: 'paused',
        Status: 'Up 1 minute (Paused)',
      }),
    )
    expect(route).toMatchObject({ host: 'shop.example', replica: { weight: 3, healthy: true, paused: true } })
  })

  it.each([
    ['Up 5 seconds', 'none', true],
    ['Up 5 seconds (healthy)', 'healthy', true],
    ['Up 2 seconds (health: starting)', 'starting', false],
    ['Up 3 minutes (unhealthy)', 'unhealthy', false],
  ])('status %j is health %s (routable: %s)', (status, health, healthy) => {
    expect(healthFromStatus(status)).toBe(health)
    expect(routeContainer(container({ Status: status }))).toMatchObject({ replica: { healthy } })
  })
})

describe('routeContainer: ignore reasons', () => {
  it.each<[string, Partial<ContainerSummary>, string]>([
    [
      'no lb.host',
      { Labels: { 'com.example': 'x' } },
      'no "lb.host" label; add lb.host=NAME to route requests for Host NAME to it',
    ],
    ['null labels', { Labels: null }, 'no "lb.host" label; add lb.host=NAME to route requests for Host NAME to it'],
    [
      'empty lb.host',
      { Labels: { 'lb.host': ' ' } },
      'label lb.host is empty; set it to the Host name the container serves',
    ],
    [
      'zero weight',
      { Labels: { 'lb.host': 'a', 'lb.weight': '0' } },
      'label lb.weight="0" is not a positive integer; use e.g. lb.weight=1',
    ],
    [
      'fractional weight',
      { Labels: { 'lb.host': 'a', 'lb.weight': '1.5' } },
      'label lb.weight="1.5" is not a positive integer; use e.g. lb.weight=1',
    ],
    [
      'word port',
      { Labels: { 'lb.host': 'a', 'lb.port': 'http' } },
      'label lb.port="http" is not a port number (1-65535)',
    ],
    [
      'big port',
      { Labels: { 'lb.host': 'a', 'lb.port': '70000' } },
      'label lb.port="70000" is not a port number (1-65535)',
    ],
    ['no port', { Ports: [] }, 'no exposed port and no lb.port label; EXPOSE a port or add lb.port=PORT'],
    [
      'host-networked, no lb.port',
      { Ports: [], HostConfig: { NetworkMode: 'host' }, NetworkSettings: { Networks: { host: { IPAddress: '' } } } },
      'host-networked (NetworkMode "host"): its app listens on a port of the Docker host, which Docker does not ' +
        'list; add lb.port=PORT naming that port',
    ],
    [
      'no address',
      { NetworkSettings: { Networks: { none: { IPAddress: '' } } } },
      'container port 8080 is not published and the container has no network IP address; publish it or attach ' +
        'a network',
    ],
  ])('%s', (_case, overrides, reason) => {
    expect(reasonFor(container(overrides))).toBe(reason)
    expect(routeContainer(container(overrides))).toMatchObject({ ignored: { id: 'c1', name: 'shop-1' } })
  })
})
