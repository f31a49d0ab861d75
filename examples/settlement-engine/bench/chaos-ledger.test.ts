import { describe, expect, it } from 'vitest'
import { ChaosLedger } from './chaos-ledger.ts'

function settlement(seq: number, bet: string, returns = '2.00'): string {
  return JSON.stringify({ seq, bet, customer: 'chaos-c1', event: 'chaos-e1', resultVersion: 1, returns })
}

function tally(ledger: ChaosLedger): Record<string, number> {
  return Object.fromEntries(ledger.tally())
}

describe('ChaosLedger', () => {
  it('finds nothing wrong with a dense feed that settles each acknowledged bet once', () => {
    const ledger = new ChaosLedger()
    ledger.acknowledge('w1-1', { customer: 'chaos-c1', event: 'chaos-e1', via: 'http' })
    ledger.acknowledge('s-1', { customer: 'chaos-c1', event: 'chaos-e1', via: 'stream' })
    const feed = [settlement(1, 'w1-1'), settlement(2, 's-1')]
    ledger.follow(feed[0]!)
    ledger.verify(feed, new Set(['w1-1', 's-1']))
    expect(ledger.firstViolations).toEqual([])
  })

  it('counts and spells out each kind of violation', () => {
    const ledger = new ChaosLedger()
    ledger.acknowledge('w1-1', { customer: 'chaos-c1', event: 'chaos-e1', via: 'http' })
    ledger.acknowledge('w1-2', { customer: 'chaos-c2', event: 'chaos-e1', via: 'http' })
    ledger.acknowledge('s-1', { customer: 'chaos-c1', event: 'chaos-e2', via: 'stream' })
    ledger.follow(settlement(1, 'w1-1'))
    ledger.follow(settlement(3, 'w1-1'))
    ledger.verify([settlement(1, 'w1-1', '3.00'), settlement(2, 'w1-1')], new Set(['w1-1', 's-1']))
    expect(tally(ledger)).toEqual({
      lost: 1,
      'settled twice': 1,
      'reused number': 2,
      gap: 1,
      unsettled: 1,
      'unexpected answer': 0,
    })
    expect(ledger.firstViolations).toEqual([
      'gap: the feed resumed after 1 sent 3 next, not 2',
      `reused number: seq 1 was ${settlement(1, 'w1-1')} before a restart, ${settlement(1, 'w1-1', '3.00')} after`,
      'settled twice: bet w1-1 is settled again at seq 2',
      'reused number: the follower saw seq 3, the final feed ends at 2',
      'lost: bet w1-2 (http, chaos-c2 on chaos-e1) is gone',
      'unsettled: bet s-1 on chaos-e2 has no settlement',
    ])
  })
})
