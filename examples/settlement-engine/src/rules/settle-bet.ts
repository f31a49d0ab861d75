import { greatestCommonDivisor } from '../arithmetic/fraction.ts'
import { notSettleable, oddsOfLeg, outcomeOfLeg, runnerOfLeg, type BetFacts, type OutcomeLookup } from './bet-facts.ts'
import { settleWithBreakdown, type Breakdown } from './breakdown.ts'
import { rule4For } from './rule4.ts'

/** A settled bet: its returns in pence, and how they were worked out when asked. */
export interface SettledBet {
  /** The win and place parts' exact returns added up, rounded down to the penny once. */
  returnsPence: number
  breakdown?: Breakdown
}

const MAX = Number.MAX_SAFE_INTEGER
const OVERFLOW = -1

/**
 * Settles a bet whose every leg is decided (see `isSettleable`), under
 * Tattersalls rules: win and each-way, singles and multiples, price taken or
 * SP, non-runners, void races, Rule 4 and dead heats. Exact throughout; the
 * total is rounded down to the penny once. Without `breakdown` it does a few
 * lookups and integer multiplications and allocates only the result.
 *
 * @example
 *   declare const outcomes: Map<string, import('./event-outcome.ts').EventOutcome>
 *   const bet: BetFacts = {
 *     stakePence: 1000,
 *     eachWay: false,
 *     struckSeq: 3,
 *     legs: [{ event: 'R1', runner: 'Red Rum', price: { num: 2, den: 1 } }],
 *   }
 *   settleBet(bet, (event) => outcomes.get(event)).returnsPence // 3000 if it won
 *   settleBet(bet, (event) => outcomes.get(event), { breakdown: true }).breakdown?.parts[0]?.legs[0]?.result // 'won'
 */
export function settleBet(bet: BetFacts, outcomeOf: OutcomeLookup, options?: { breakdown?: boolean }): SettledBet {
  if (options?.breakdown === true) return settleWithBreakdown(bet, outcomeOf)
  const returnsPence = fastReturnsPence(bet, outcomeOf)
  // Past 2^53 the plain-number road cannot stay exact; the bigint one can.
  return { returnsPence: returnsPence !== OVERFLOW ? returnsPence : settleWithBreakdown(bet, outcomeOf).returnsPence }
}

// The same rules as settleWithBreakdown, on plain numbers: each part's return
// is kept as an unreduced num/den. Every product is checked against 2^53: all
// operands are positive integers, so a product past it stays past it after
// rounding, and one check after each chain of operations catches it.
function fastReturnsPence(bet: BetFacts, outcomeOf: OutcomeLookup): number {
  const legs = bet.legs
  const eachWay = bet.eachWay
  let winNum = bet.stakePence
  let winDen = 1
  let placeNum = eachWay ? bet.stakePence : 0
  let placeDen = 1
  for (let i = 0; i < legs.length; i++) {
    const leg = legs[i]!
    const outcome = outcomeOfLeg(bet, i, outcomeOf)
    if (outcome.state === 'void') continue
    const runner = runnerOfLeg(bet, leg, outcome)
    if (runner.withdrawn) continue
    if (outcome.state === 'open') throw notSettleable(bet, leg)
    const terms = outcome.placeTerms
    const won = runner.winNum !== 0
    const placed = eachWay && terms !== undefined && runner.placeNum !== 0
    if (!won) winNum = 0
    // With no place terms the place leg is void: the part rolls on at factor 1.
    if (eachWay && terms !== undefined && !placed) placeNum = 0
    if (!won && !placed) continue

    const odds = oddsOfLeg(leg, runner)
    const kept =
      outcome.withdrawals.length === 0 ? 100 : 100 - rule4For(outcome.withdrawals, bet.struckSeq, leg.price === 'SP')
    // factor = share × (1 + a/b × kept/100) = share.num × (100b + a·kept) / (share.den × 100b)
    if (won && winNum !== 0) {
      const num = runner.winNum * (100 * odds.den + odds.num * kept)
      const den = runner.winDen * 100 * odds.den
      if (num > MAX || den > MAX) return OVERFLOW
      const divisor = greatestCommonDivisor(num, den)
      winNum *= num / divisor
      winDen *= den / divisor
      if (winNum > MAX || winDen > MAX) return OVERFLOW
    }
    // The place part the same, at the odds times the place fraction c/e.
    if (placed && placeNum !== 0 && terms !== undefined) {
      const c = terms.fraction.num
      const e = terms.fraction.den
      const num = runner.placeNum * (100 * odds.den * e + odds.num * c * kept)
      const den = runner.placeDen * 100 * odds.den * e
      if (num > MAX || den > MAX) return OVERFLOW
      const divisor = greatestCommonDivisor(num, den)
      placeNum *= num / divisor
      placeDen *= den / divisor
      if (placeNum > MAX || placeDen > MAX) return OVERFLOW
    }
  }
  return floorOfSum(winNum, winDen, placeNum, placeDen)
}

/** ⌊a/b + c/d⌋ for safe non-negative integers, exactly; OVERFLOW past 2^53. */
function floorOfSum(a: number, b: number, c: number, d: number): number {
  // `%` on doubles is exact, so each quotient is too.
  const restA = a % b
  const restC = c % d
  let whole = (a - restA) / b + (c - restC) / d
  if (restA !== 0 && restC !== 0) {
    // The fractional parts carry a penny when restA/b + restC/d ≥ 1.
    const left = restA * d
    const right = (d - restC) * b
    const carries =
      left <= MAX && right <= MAX ? left >= right : BigInt(restA) * BigInt(d) >= BigInt(d - restC) * BigInt(b)
    if (carries) whole += 1
  }
  return whole <= MAX ? whole : OVERFLOW
}
