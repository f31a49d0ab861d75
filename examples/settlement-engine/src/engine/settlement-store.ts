/** A settlement's status code in the store. */
export const SETTLED = 1
/** A settlement's status code in the store: the bet was void (stake returned). */
export const VOIDED = 2

// Chunks of 2^16 settlements, each a row of eight int32s (32 bytes): bet,
// customer, decision, status, previous, spare, and the returns as a float64.
const CHUNK_BITS = 16
const CHUNK = 1 << CHUNK_BITS
const ROW = 8
const BET = 0
const CUSTOMER = 1
const DECISION = 2
const STATUS = 3
const PREVIOUS = 4
const RETURNS = 3 // in float64s: bytes 24–31

/**
 * Every settlement ever made, in sequence order, in typed-array rows. The
 * sequence number is the row + 1, so a replay that settles the same bets in
 * the same order gives every settlement the same number.
 *
 * @example
 *   const [bet, customer, decision] = [0, 0, 1]
 *   const settlements = new SettlementStore()
 *   const seq = settlements.add(bet, customer, decision, SETTLED, 6000, 0)
 *   settlements.returns(seq) // 6000
 */
export class SettlementStore {
  count = 0
  private readonly rows: Int32Array[] = []
  private readonly money: Float64Array[] = []

  /** The settled bet. */
  bet(seq: number): number {
    return this.field(seq, BET)
  }

  /** The bet's customer, kept here so the feed need not visit the bet. */
  customer(seq: number): number {
    return this.field(seq, CUSTOMER)
  }

  /** The decision (a result or void of one event) that caused it. */
  decision(seq: number): number {
    return this.field(seq, DECISION)
  }

  /** SETTLED or VOIDED. */
  status(seq: number): number {
    return this.field(seq, STATUS)
  }

  /** The same bet's previous settlement's sequence number, or 0. */
  previous(seq: number): number {
    return this.field(seq, PREVIOUS)
  }

  /** Pence. */
  returns(seq: number): number {
    const row = seq - 1
    return this.money[row >>> CHUNK_BITS]![(row & (CHUNK - 1)) * (ROW / 2) + RETURNS]!
  }

  /** Records a settlement and returns its sequence number. */
  add(bet: number, customer: number, decision: number, status: number, returnsPence: number, previous: number): number {
    const row = this.count
    const chunk = row >>> CHUNK_BITS
    if (chunk === this.rows.length) {
      const buffer = new ArrayBuffer(CHUNK * ROW * 4)
      this.rows.push(new Int32Array(buffer))
      this.money.push(new Float64Array(buffer))
    }
    const rows = this.rows[chunk]!
    const at = (row & (CHUNK - 1)) * ROW
    rows[at + BET] = bet
    rows[at + CUSTOMER] = customer
    rows[at + DECISION] = decision
    rows[at + STATUS] = status
    rows[at + PREVIOUS] = previous
    this.money[chunk]![(row & (CHUNK - 1)) * (ROW / 2) + RETURNS] = returnsPence
    this.count = row + 1
    return row + 1
  }

  private field(seq: number, field: number): number {
    const row = seq - 1
    return this.rows[row >>> CHUNK_BITS]![(row & (CHUNK - 1)) * ROW + field]!
  }
}
