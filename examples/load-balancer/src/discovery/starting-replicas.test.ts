import { describe, expect, it } from 'vitest'
import type { ContainerRoute } from './container-routing.ts'
import { StartingReplicas, waitsForAnswer, type ReplicaRoute } from './starting-replicas.ts'

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

  it('routes a first listing whole; later, holds back what is new or still held', () => {
    const { starting } = harness()
    const [a, b, c] = [replica('a'), replica('b'), replica('c', false)]
    expect(starting.sortListing([a, ignored], new Set(), false)).toEqual([a, ignored])
    expect(starting.sortListing([a, b, c, ignored], new Set(['a']), true)).toEqual([a, c, ignored])
    expect(starting.sortListing([a, b], new Set(['a']), false)).toEqual([a])
  })

  it('admits with the route it held; releases one no longer listed or released', async () => {
    const { starting, answers, admitted } = harness()
    const [a, b, c] = [replica('a', true, 1), replica('b', true, 2), replica('c', true, 3)]
    starting.holdBack(a)
    starting.holdBack(b)
    starting.holdBack(c)
    starting.sortListing([b, c], new Set(), true)
    starting.release('c')
    for (const port of ['1', '2', '3']) answers.get(port)?.(true)
    await new Promise((resolve) => setImmediate(resolve))
    expect(admitted).toEqual([['b', b]])
  })
})
