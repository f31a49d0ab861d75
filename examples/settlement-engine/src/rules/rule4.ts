import { compareFractions, type Fraction } from '../arithmetic/fraction.ts'

/**
 * Tattersalls Rule 4(c), as [longest price in the band, pence in the pound].
 * A price falls in the first band whose longest price it does not exceed, so
 * every price falls in exactly one band: "1/9 or shorter" is ≤ 1/9, "over
 * 14/1" is > 14/1, and a price between two listed bands (e.g. 1/8 between
 * 1/9 and 2/17, or 7/2 between 3/1 and 16/5) takes the smaller deduction of the
 * longer band. The bands' shortest prices (2/17, 1/5, …) need no check.
 */
const BANDS: ReadonlyArray<readonly [longest: Fraction, pence: number]> = [
  [{ num: 1, den: 9 }, 90],
  [{ num: 2, den: 11 }, 85],
  [{ num: 1, den: 4 }, 80],
  [{ num: 3, den: 10 }, 75],
  [{ num: 2, den: 5 }, 70],
  [{ num: 8, den: 15 }, 65],
  [{ num: 8, den: 13 }, 60],
  [{ num: 4, den: 5 }, 55],
  [{ num: 20, den: 21 }, 50],
  [{ num: 6, den: 5 }, 45],
  [{ num: 3, den: 2 }, 40],
  [{ num: 7, den: 4 }, 35],
  [{ num: 9, den: 4 }, 30],
  [{ num: 3, den: 1 }, 25],
  [{ num: 4, den: 1 }, 20],
  [{ num: 11, den: 2 }, 15],
  [{ num: 9, den: 1 }, 10],
  [{ num: 14, den: 1 }, 5],
]

/** The most Rule 4 takes from winnings, however many runners are withdrawn. */
export const RULE4_CAP = 90

/**
 * The Rule 4 deduction, in pence in the pound of winnings, for one runner
 * withdrawn at `price`.
 *
 * @example
 *   rule4Deduction({ num: 3, den: 1 }) // 25
 *   rule4Deduction({ num: 29, den: 2 }) // 0: over 14/1
 */
export function rule4Deduction(price: Fraction): number {
  for (const [longest, pence] of BANDS) if (compareFractions(price, longest) <= 0) return pence
  return 0
}

/** A withdrawal as Rule 4 needs it. */
export interface Rule4Withdrawal {
  readonly runner: string
  /** The engine's sequence number of the withdrawal: bets struck after it are not deducted. */
  readonly seq: number
  /** No new market formed: SP bets are deducted too. */
  readonly late: boolean
  /** Pence in the pound, from `rule4Deduction`. */
  readonly pence: number
}

/**
 * Whether a withdrawal deducts from a bet struck at `struckSeq`. A bet that
 * took a price is deducted when it was struck before the withdrawal (a bet
 * struck after it got a price from the new market). An SP bet is deducted only
 * for a late withdrawal — no new market was formed, so the starting price was
 * returned with the withdrawn runner in it — whenever the bet was struck.
 *
 * @example
 *   rule4Applies({ runner: 'X', seq: 7, late: false, pence: 25 }, 5, false) // true
 *   rule4Applies({ runner: 'X', seq: 7, late: false, pence: 25 }, 5, true) // false: SP, not late
 */
export function rule4Applies(withdrawal: Rule4Withdrawal, struckSeq: number, startingPrice: boolean): boolean {
  return startingPrice ? withdrawal.late : withdrawal.seq > struckSeq
}

/**
 * The total Rule 4 deduction for a bet: the deductions of the withdrawals
 * that apply to it, added up and capped at 90p.
 *
 * @example
 *   rule4For([{ runner: 'X', seq: 7, late: false, pence: 25 }], 5, false) // 25
 *   rule4For(
 *     [
 *       { runner: 'X', seq: 1, late: false, pence: 75 },
 *       { runner: 'Y', seq: 2, late: false, pence: 60 },
 *     ],
 *     5,
 *     false,
 *   ) // 90, not 135
 */
export function rule4For(withdrawals: readonly Rule4Withdrawal[], struckSeq: number, startingPrice: boolean): number {
  let pence = 0
  for (let i = 0; i < withdrawals.length; i++) {
    const withdrawal = withdrawals[i]!
    if (rule4Applies(withdrawal, struckSeq, startingPrice)) pence += withdrawal.pence
  }
  return Math.min(pence, RULE4_CAP)
}
