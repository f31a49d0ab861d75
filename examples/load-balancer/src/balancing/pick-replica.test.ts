import { describe, expect, it } from 'vitest'
import type { Replica } from '../discovery/index.ts'
import { DownMarks } from './down-marks.ts'
import { InFlightCounter } from './in-flight.ts'
import { Balancer } from './pick-replica.ts'
import type { BalancingStrategy } from './strategy.ts'

function replica(id: string, overrides: Partial<Replica> = {}): Replica {
  return {
    id,
    name: `web-${id}`,
    address: { host: '127.0.0.1', port: 8000 },
    weight: 1,
    healthy: true,
    draining: false,
    paused: false,
    ...overrides,
  }
}

function setUp(strategy: BalancingStrategy = 'round-robin') {
  let now = 0
  const clock = {
    now: () => now,
    advance: (ms: number) => {
      now += ms
    },
  }
  const inFlight = new InFlightCounter()
  const downMarks = new DownMarks({ clock })
  return { clock, inFlight, downMarks, balancer: new Balancer({ strategy, inFlight, downMarks }) }
}

function picks(balancer: Balancer, replicas: Replica[], count: number, exclude = new Set<string>()): string[] {
  return Array.from({ length: count }, () => balancer.pick(replicas, { exclude })?.id ?? '-')
}

function tally(ids: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const id of ids) counts[id] = (counts[id] ?? 0) + 1
  return counts
}

describe('Balancer, round-robin', () => {
  it('takes equal replicas in turn, 100 each over 300 picks', () => {
    const { balancer } = setUp()
    const replicas = [replica('a'), replica('b'), replica('c')]
    const ids = picks(balancer, replicas, 300)
    expect(ids.slice(0, 6)).toEqual(['a', 'b', 'c', 'a', 'b', 'c'])
    expect(tally(ids)).toEqual({ a: 100, b: 100, c: 100 })
  })

  it('spreads weights 1:2 exactly and smoothly', () => {
    const { balancer } = setUp()
    const replicas = [replica('a'), replica('b', { weight: 2 })]
    const ids = picks(balancer, replicas, 300)
    expect(ids.slice(0, 6)).toEqual(['b', 'a', 'b', 'b', 'a', 'b'])
    expect(tally(ids)).toEqual({ a: 100, b: 200 })
  })

  it('interleaves weights 5:1:1 as nginx does', () => {
    const { balancer } = setUp()
    const replicas = [replica('a', { weight: 5 }), replica('b'), replica('c')]
    expect(picks(balancer, replicas, 7)).toEqual(['a', 'a', 'b', 'a', 'c', 'a', 'a'])
  })

  it('skips replicas the retry excludes', () => {
    const { balancer } = setUp()
    const replicas = [replica('a'), replica('b'), replica('c')]
    expect(picks(balancer, replicas, 4, new Set(['a']))).toEqual(['b', 'c', 'b', 'c'])
  })

  it('skips unhealthy, draining and paused replicas', () => {
    const { balancer } = setUp()
    const replicas = [
      replica('a', { healthy: false }),
      replica('b'),
      replica('c', { draining: true }),
      replica('d', { paused: true }),
      replica('e'),
    ]
    expect(picks(balancer, replicas, 4)).toEqual(['b', 'e', 'b', 'e'])
  })

  it('skips a replica marked down until the mark expires', () => {
    const { balancer, clock, downMarks } = setUp()
    const replicas = [replica('a'), replica('b')]
    downMarks.markDown('a')
    expect(picks(balancer, replicas, 3)).toEqual(['b', 'b', 'b'])
    clock.advance(2_000)
    expect(picks(balancer, replicas, 4)).toEqual(['a', 'b', 'a', 'b'])
  })

  it('answers undefined when no replica can take the request', () => {
    const { balancer, downMarks } = setUp()
    downMarks.markDown('b')
    expect(balancer.pick([])).toBeUndefined()
    expect(
      balancer.pick([replica('a', { healthy: false }), replica('b'), replica('c')], { exclude: new Set(['c']) }),
    ).toBeUndefined()
  })

  it('takes a joining replica into the rotation and drops a leaving one', () => {
    const { balancer } = setUp()
    const [a, b, c] = [replica('a'), replica('b'), replica('c')]
    expect(picks(balancer, [a, b], 3)).toEqual(['a', 'b', 'a'])
    expect(picks(balancer, [a, b, c], 6)).toEqual(['b', 'c', 'a', 'b', 'c', 'a'])
    expect(picks(balancer, [b, c], 4)).toEqual(['b', 'c', 'b', 'c'])
  })

  it('keeps a separate rotation per balancer, so one Host does not shift another', () => {
    const { inFlight, downMarks } = setUp()
    const shop = new Balancer({ strategy: 'round-robin', inFlight, downMarks })
    const blog = new Balancer({ strategy: 'round-robin', inFlight, downMarks })
    const replicas = [replica('a'), replica('b')]
    shop.pick(replicas)
    expect(blog.pick(replicas)?.id).toBe('a')
  })
})

describe('Balancer, least-connections', () => {
  it('picks the replica with the fewest requests in flight', () => {
    const { balancer, inFlight } = setUp('least-connections')
    const replicas = [replica('a'), replica('b'), replica('c')]
    inFlight.begin('a')
    inFlight.begin('a')
    inFlight.begin('b')
    expect(balancer.pick(replicas)?.id).toBe('c')
    inFlight.begin('c')
    inFlight.begin('c')
    expect(balancer.pick(replicas)?.id).toBe('b')
  })

  it('breaks ties by weight, then in round-robin order', () => {
    const { balancer, inFlight } = setUp('least-connections')
    expect(picks(balancer, [replica('a'), replica('b', { weight: 3 })], 2)).toEqual(['b', 'b'])
    inFlight.begin('z')
    expect(picks(balancer, [replica('c'), replica('d'), replica('e')], 4)).toEqual(['c', 'd', 'e', 'c'])
  })

  it('spreads requests as they begin and finish', () => {
    const { balancer, inFlight } = setUp('least-connections')
    const replicas = [replica('a'), replica('b')]
    const done = new Map<string, () => void>()
    for (let i = 0; i < 3; i++) {
      const id = balancer.pick(replicas)?.id ?? '-'
      done.set(`${id}${i}`, inFlight.begin(id))
    }
    expect(inFlight.snapshot()).toEqual({ a: 2, b: 1 })
    done.get('a0')?.()
    done.get('a2')?.()
    expect(balancer.pick(replicas)?.id).toBe('a')
  })

  it('skips excluded, down and unavailable replicas even when they are idle', () => {
    const { balancer, inFlight, downMarks } = setUp('least-connections')
    inFlight.begin('e')
    downMarks.markDown('b')
    const replicas = [
      replica('a', { paused: true }),
      replica('b'),
      replica('c'),
      replica('d', { draining: true }),
      replica('e'),
    ]
    expect(balancer.pick(replicas, { exclude: new Set(['c']) })?.id).toBe('e')
    expect(balancer.pick(replicas, { exclude: new Set(['c', 'e']) })).toBeUndefined()
  })
})
