/** What `chaos:settlement` checks; each is a violation of the engine's promises. */
export type ViolationKind = 'lost' | 'settled twice' | 'reused number' | 'gap' | 'unsettled' | 'unexpected answer'

const KINDS: readonly ViolationKind[] = [
  'lost',
  'settled twice',
  'reused number',
  'gap',
  'unsettled',
  'unexpected answer',
]

/** An acknowledged bet as the client placed it. */
export interface PlacedBet {
  customer: string
  event: string
  via: 'http' | 'stream'
}

/**
 * The client's side of `chaos:settlement`: every bet the engine acknowledged,
 * every settlement the follower received (by sequence number), and what was
 * violated, counted by kind with the first few cases spelled out.
 *
 * @example
 *   const ledger = new ChaosLedger()
 *   ledger.acknowledge('w1-1', { customer: 'chaos-c1', event: 'chaos-e1', via: 'http' })
 *   ledger.follow('{"seq":1,"bet":"w1-1","customer":"chaos-c1","event":"chaos-e1","resultVersion":1}')
 *   ledger.count('gap') // 0
 */
export class ChaosLedger {
  readonly acknowledged = new Map<string, PlacedBet>()
  /** Settlement lines received by the follower, by sequence number. */
  readonly followed = new Map<number, string>()
  /** Bets sent whose answer was cut off by a kill: they may or may not be there. */
  unanswered = 0
  private lastSeq = 0
  private readonly counts = new Map<ViolationKind, number>(KINDS.map((kind) => [kind, 0]))
  private readonly examples: string[] = []

  /** The newest sequence number followed: resume the feed after it. */
  get lastFollowed(): number {
    return this.lastSeq
  }

  acknowledge(id: string, bet: PlacedBet): void {
    this.acknowledged.set(id, bet)
  }

  /** A settlement line from the live feed: it must carry the next sequence number. */
  follow(line: string): void {
    const seq = (JSON.parse(line) as { seq: number }).seq
    if (seq !== this.lastSeq + 1)
      this.violate('gap', `the feed resumed after ${this.lastSeq} sent ${seq} next, not ${this.lastSeq + 1}`)
    if (this.followed.has(seq) && this.followed.get(seq) !== line)
      this.violate('reused number', `seq ${seq} came twice: ${this.followed.get(seq)} then ${line}`)
    this.followed.set(seq, line)
    this.lastSeq = Math.max(this.lastSeq, seq)
  }

  /**
   * The final checks: the whole feed from the start (dense, the same lines the
   * follower saw, one settlement per bet, every acknowledged bet settled) and
   * the bets the engine lists for each customer (every acknowledged one there).
   */
  verify(feed: readonly string[], listed: ReadonlySet<string>): void {
    const settledBets = new Map<string, number>()
    feed.forEach((line, index) => {
      const { seq, bet } = JSON.parse(line) as { seq: number; bet: string }
      if (seq !== index + 1) this.violate('gap', `the final feed has seq ${seq} at position ${index + 1}`)
      const seen = this.followed.get(seq)
      if (seen !== undefined && seen !== line)
        this.violate('reused number', `seq ${seq} was ${seen} before a restart, ${line} after`)
      const times = (settledBets.get(bet) ?? 0) + 1
      settledBets.set(bet, times)
      if (times === 2) this.violate('settled twice', `bet ${bet} is settled again at seq ${seq}`)
    })
    if (this.lastSeq > feed.length)
      this.violate('reused number', `the follower saw seq ${this.lastSeq}, the final feed ends at ${feed.length}`)
    for (const [id, bet] of this.acknowledged) {
      if (!listed.has(id)) this.violate('lost', `bet ${id} (${bet.via}, ${bet.customer} on ${bet.event}) is gone`)
      else if (!settledBets.has(id)) this.violate('unsettled', `bet ${id} on ${bet.event} has no settlement`)
    }
  }

  /** Records a violation: counted, and the first ten spelled out. */
  violate(kind: ViolationKind, detail: string): void {
    this.counts.set(kind, this.count(kind) + 1)
    if (this.examples.length < 10) this.examples.push(`${kind}: ${detail}`)
  }

  count(kind: ViolationKind): number {
    return this.counts.get(kind) ?? 0
  }

  /** Every kind with its count, in a fixed order. */
  tally(): Array<[ViolationKind, number]> {
    return KINDS.map((kind) => [kind, this.count(kind)])
  }

  /** The first violations, spelled out. */
  get firstViolations(): readonly string[] {
    return this.examples
  }
}
