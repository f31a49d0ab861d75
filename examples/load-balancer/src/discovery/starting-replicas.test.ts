import { describe, expect, it } from 'vitest'
import type { ContainerRoute } from './container-routing.ts'
import {
  answeringNow,
  FIRST_PROBES_AT_ONCE,
  StartingReplicas,
  waitsForAnswer,
  type ReplicaRoute,
} from './starting-replicas.ts'

const replica = (id: string, healthy = true, port = 1): ReplicaRoute => ({
  kind: 'replica',
  host: 'shop',
  replica: { id, name: id, address: { host: '127.0.0.1', port }, weight: 1, healthy, draining: false, paused: false },
})
const ignored: ContainerRoute = { kind: 'ignored', ignored: { id: 'x', name: 'x', reason: 'no "lb.host" label' } }

// Probes that never answer unless the test resolves them; no timers are ever due.
function harness() {
  const probed: string[] = []
  const answers = new Map<string, (answered: boolean) => void>()
  const admitted: Array<[string, ContainerRoute | undefined]> = []
  const starting = new StartingReplicas({
    clock: { setTimeout: () => undefined, clearTimeout: () => {} },
    probe: (address) =>
      new Promise((resolve) => {
        probed.push(String(address.port))
        answers.set(String(address.port), resolve)
      }),
    admit: (id, route) => admitted.push([id, route]),
  })
  return { starting, probed, answers, admitted }
}

describe('StartingReplicas', () => {
  it('waits for an answer only from a replica that would take traffic at once', () => {
    expect([waitsForAnswer(replica('a')), waitsForAnswer(replica('b', false)), waitsForAnswer(ignored)]).toEqual([
      true,
      false,
      false,
    ])
  })

  it('routes what is known, the unhealthy and the ignored; holds back what is new or still held', () => {
    const { starting, probed } = harness()
    const [a, b, c] = [replica('a', true, 1), replica('b', true, 2), replica('c', false, 3)]
    expect(starting.sortListing([a, ignored], new Set(['a']))).toEqual([a, ignored])
    expect(starting.sortListing([a, b, c, ignored], new Set(['a']))).toEqual([a, c, ignored])
    expect(starting.sortListing([a, b], new Set(['a', 'b']))).toEqual([a])
    expect(probed).toEqual(['2'])
  })

  it('admits with the route it held; releases one no longer listed or released', async () => {
    const { starting, answers, admitted } = harness()
    const [a, b, c] = [replica('a', true, 1), replica('b', true, 2), replica('c', true, 3)]
    starting.holdBack(a)
    starting.holdBack(b)
    starting.holdBack(c)
    starting.sortListing([b, c], new Set())
    starting.release('c')
    for (const port of ['1', '2', '3']) answers.get(port)?.(true)
    await new Promise((resolve) => setImmediate(resolve))
    expect(admitted).toEqual([['b', b]])
  })
})

describe('answeringNow', () => {
  it('probes each replica that would take traffic once, so many at a time, and names those that answered', async () => {
    const routes = Array.from({ length: 40 }, (_, i) => replica(`r${i}`, i !== 7, i))
    let inFlight = 0
    let most = 0
    const probed: number[] = []
    const answering = await answeringNow(
      [...routes, ignored],
      async (address) => {
        probed.push(address.port)
        most = Math.max(most, ++inFlight)
        await new Promise((resolve) => setImmediate(resolve))
        inFlight--
        return address.port % 2 === 0
      },
      new AbortController().signal,
    )
    expect(probed.sort((x, y) => x - y)).toEqual(routes.map((_, i) => i).filter((i) => i !== 7))
    expect(most).toBe(FIRST_PROBES_AT_ONCE)
    expect([...answering].sort()).toEqual(
      routes
        .filter((_, i) => i % 2 === 0)
        .map((r) => r.replica.id)
        .sort(),
    )
  })
})
