import { grown } from './growable.ts'

/** No bet: the end of a customer's list. */
export const NONE = -1

// Bets live in chunks of 2^16 rows, so the store grows without copying.
// A row is ten int32s (40 bytes) holding everything settlement reads — one
// or two cache lines per bet, where one array per field would cost one each.
const CHUNK_BITS = 16
const CHUNK = 1 << CHUNK_BITS
const ROW = 10
const CUSTOMER = 0
const EXTRA_LEGS = 1
const LEG_COUNT_AND_EACH_WAY = 2
const STRUCK_SEQ = 3
const LAST_SETTLEMENT = 4
const EVENT = 5
const STAKE = 3 // in float64s: bytes 24–31 of the row
const RUNNER = 8
const PRICE = 9
// A multiple's second and later legs: event, runner, price side by side.
const LEG = 3

/**
 * Every bet in typed arrays (a bet is a row number, not an object): millions
 * of bets in a few hundred megabytes and nothing for the garbage collector to
 * walk. A bet's first leg is in its row; a multiple's other legs are in a
 * separate column.
 *
 * @example
 *   const [customer, legEvents, legRunners, legPrices] = [0, Int32Array.of(0), Int32Array.of(3), Int32Array.of(1)]
 *   const store = new BetStore()
 *   const bet = store.addBet(customer, 1000, false, 1, legEvents, legRunners, legPrices, NONE, 0)
 *   store.stake(bet) // 1000
 */
export class BetStore {
  count = 0
  private readonly rows: Int32Array[] = []
  private readonly stakes: Float64Array[] = []
  private readonly previous: Int32Array[] = []
  private extraLegs = new Int32Array(0)
  private extraLegCount = 0

  customer(bet: number): number {
    return this.rows[bet >>> CHUNK_BITS]![(bet & (CHUNK - 1)) * ROW + CUSTOMER]!
  }

  legCount(bet: number): number {
    return this.rows[bet >>> CHUNK_BITS]![(bet & (CHUNK - 1)) * ROW + LEG_COUNT_AND_EACH_WAY]! & 0xff
  }

  eachWay(bet: number): boolean {
    return (this.rows[bet >>> CHUNK_BITS]![(bet & (CHUNK - 1)) * ROW + LEG_COUNT_AND_EACH_WAY]! & 0x100) !== 0
  }

  /** How many withdrawals (in all events) came before the bet: later ones bring Rule 4. */
  struckSeq(bet: number): number {
    return this.rows[bet >>> CHUNK_BITS]![(bet & (CHUNK - 1)) * ROW + STRUCK_SEQ]!
  }

  /** Sequence number of the bet's newest settlement, or 0. */
  lastSettlement(bet: number): number {
    return this.rows[bet >>> CHUNK_BITS]![(bet & (CHUNK - 1)) * ROW + LAST_SETTLEMENT]!
  }

  setLastSettlement(bet: number, seq: number): void {
    this.rows[bet >>> CHUNK_BITS]![(bet & (CHUNK - 1)) * ROW + LAST_SETTLEMENT] = seq
  }

  /** Per line, in pence. */
  stake(bet: number): number {
    return this.stakes[bet >>> CHUNK_BITS]![(bet & (CHUNK - 1)) * (ROW / 2) + STAKE]!
  }

  /** The same customer's previous bet, or NONE. */
  previousOfCustomer(bet: number): number {
    return this.previous[bet >>> CHUNK_BITS]![bet & (CHUNK - 1)]!
  }

  /** Leg `leg`'s event number (0 is the first leg). */
  legEvent(bet: number, leg: number): number {
    return leg === 0
      ? this.rows[bet >>> CHUNK_BITS]![(bet & (CHUNK - 1)) * ROW + EVENT]!
      : this.extraLegs[this.extraLeg(bet, leg)]!
  }

  /** Leg `leg`'s runner number in its event. */
  legRunner(bet: number, leg: number): number {
    return leg === 0
      ? this.rows[bet >>> CHUNK_BITS]![(bet & (CHUNK - 1)) * ROW + RUNNER]!
      : this.extraLegs[this.extraLeg(bet, leg) + 1]!
  }

  /** Leg `leg`'s price number. */
  legPrice(bet: number, leg: number): number {
    return leg === 0
      ? this.rows[bet >>> CHUNK_BITS]![(bet & (CHUNK - 1)) * ROW + PRICE]!
      : this.extraLegs[this.extraLeg(bet, leg) + 2]!
  }

  /** Adds a bet; its legs' event, runner and price numbers are the first `legCount` of the three arrays. */
  addBet(
    customer: number,
    stakePence: number,
    eachWay: boolean,
    legCount: number,
    legEvents: Int32Array,
    legRunners: Int32Array,
    legPrices: Int32Array,
    previousOfCustomer: number,
    struckSeq: number,
  ): number {
    const bet = this.count
    const chunk = bet >>> CHUNK_BITS
    if (chunk === this.rows.length) this.addChunk()
    const rows = this.rows[chunk]!
    const at = (bet & (CHUNK - 1)) * ROW
    rows[at + CUSTOMER] = customer
    rows[at + EXTRA_LEGS] = this.extraLegCount
    rows[at + LEG_COUNT_AND_EACH_WAY] = legCount | (eachWay ? 0x100 : 0)
    rows[at + STRUCK_SEQ] = struckSeq
    rows[at + LAST_SETTLEMENT] = 0
    rows[at + EVENT] = legEvents[0]!
    rows[at + RUNNER] = legRunners[0]!
    rows[at + PRICE] = legPrices[0]!
    this.stakes[chunk]![(bet & (CHUNK - 1)) * (ROW / 2) + STAKE] = stakePence
    this.previous[chunk]![bet & (CHUNK - 1)] = previousOfCustomer
    if (legCount > 1) {
      this.extraLegs = grown(this.extraLegs, (this.extraLegCount + legCount - 1) * LEG, Int32Array)
      for (let leg = 1; leg < legCount; leg++) {
        const to = this.extraLegCount++ * LEG
        this.extraLegs[to] = legEvents[leg]!
        this.extraLegs[to + 1] = legRunners[leg]!
        this.extraLegs[to + 2] = legPrices[leg]!
      }
    }
    this.count = bet + 1
    return bet
  }

  private extraLeg(bet: number, leg: number): number {
    return (this.rows[bet >>> CHUNK_BITS]![(bet & (CHUNK - 1)) * ROW + EXTRA_LEGS]! + leg - 1) * LEG
  }

  private addChunk(): void {
    const buffer = new ArrayBuffer(CHUNK * ROW * 4)
    this.rows.push(new Int32Array(buffer))
    this.stakes.push(new Float64Array(buffer))
    this.previous.push(new Int32Array(CHUNK))
  }
}
