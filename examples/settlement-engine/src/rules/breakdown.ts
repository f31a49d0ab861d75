import { fraction, formatFraction, ONE } from '../arithmetic/fraction.ts'
import { formatPrice } from '../arithmetic/price.ts'
import { Ratio } from '../arithmetic/ratio.ts'
import { notSettleable, oddsOfLeg, outcomeOfLeg, runnerOfLeg, type BetFacts, type OutcomeLookup } from './bet-facts.ts'
import type { EventOutcome, RunnerOutcome } from './event-outcome.ts'
import { rule4Applies, rule4For } from './rule4.ts'

/** How a settled bet's returns were worked out; plain data, so it serialises as JSON. */
export interface Breakdown {
  /** Per part: an each-way bet stakes this twice. */
  stakePence: number
  eachWay: boolean
  /** The win part, then the place part when each-way; each is its own single or multiple. */
  parts: PartBreakdown[]
  /** The parts' exact returns added up, in pence: `'3500'`, or `'35000/3'`. */
  exactReturnsPence: string
  /** The exact total rounded down to the penny, once. */
  returnsPence: number
}

/** The win or the place part of a bet. */
export interface PartBreakdown {
  part: 'win' | 'place'
  stakePence: number
  legs: LegBreakdown[]
  /** The stake times every leg's factor, in pence, exact. */
  exactReturnsPence: string
}

/**
 * What a leg did in one part. `won`/`placed` pay; `lost` ends the part;
 * `non-runner`, `void race` and (place part, race with no place terms)
 * `no place terms` are void legs at factor 1, returning the stake on a single.
 */
export type LegResult = 'won' | 'placed' | 'lost' | 'non-runner' | 'void race' | 'no place terms'

/** One leg in one part. Optional fields are present only when they played a part. */
export interface LegBreakdown {
  event: string
  runner: string
  result: LegResult
  /** Finishing position (runners ahead + 1), when it finished in the placings. */
  position?: number
  /** Runners sharing that position, itself included, when 2 or more. */
  deadHeatWith?: number
  /** The price as struck: `'5/1'` or `'SP'`. */
  price: string
  /** The odds the leg was settled at: the price taken, or the starting price. */
  odds?: string
  /** Place part: the fraction of the odds paid, and the places paid. */
  placeFraction?: string
  places?: number
  /** Share of the stake paid: `'1'`, or `'1/2'` in a two-way dead heat. */
  deadHeatFactor?: string
  /** Rule 4, pence in the pound of winnings, and the withdrawals that brought it. */
  rule4Pence?: number
  rule4Withdrawals?: string[]
  /** What the leg multiplies the part by: `'0'` lost, `'1'` void, `'11/2'` won at 9/2. */
  factor: string
}

/**
 * Settles a bet exactly, step by step, with every figure kept for the
 * breakdown. The reference settlement: `settleBet` takes a faster road to the
 * same pence when no breakdown is asked.
 *
 * @example
 *   declare const bet: BetFacts, outcomes: Map<string, EventOutcome>
 *   settleWithBreakdown(bet, (event) => outcomes.get(event)).breakdown.parts[0]?.legs[0]?.result // 'won'
 */
export function settleWithBreakdown(
  bet: BetFacts,
  outcomeOf: OutcomeLookup,
): { returnsPence: number; breakdown: Breakdown } {
  const partNames = bet.eachWay ? (['win', 'place'] as const) : (['win'] as const)
  const parts = partNames.map((part) => ({ part, exact: Ratio.of(bet.stakePence), legs: [] as LegBreakdown[] }))
  // Leg by leg, as the fast road goes, so both refuse a bad bet with the same error.
  for (let i = 0; i < bet.legs.length; i++) {
    for (const part of parts) {
      const leg = legBreakdown(bet, i, part.part, outcomeOf)
      part.legs.push(leg.breakdown)
      part.exact = part.exact.times(leg.factor)
    }
  }
  const exact = parts.reduce((sum, part) => sum.plus(part.exact), Ratio.zero)
  const whole = exact.floor()
  if (whole > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(
      `${bet.id === undefined ? 'the bet' : `bet "${bet.id}"`} returns ${whole}p, more than this engine can ` +
        `count exactly (2^53 - 1 pence)`,
    )
  }
  const returnsPence = Number(whole)
  return {
    returnsPence,
    breakdown: {
      stakePence: bet.stakePence,
      eachWay: bet.eachWay,
      parts: parts.map(({ part, exact, legs }) => ({
        part,
        stakePence: bet.stakePence,
        legs,
        exactReturnsPence: exact.toString(),
      })),
      exactReturnsPence: exact.toString(),
      returnsPence,
    },
  }
}

function legBreakdown(
  bet: BetFacts,
  index: number,
  part: 'win' | 'place',
  outcomeOf: OutcomeLookup,
): { factor: Ratio; breakdown: LegBreakdown } {
  const leg = bet.legs[index]!
  const outcome = outcomeOfLeg(bet, index, outcomeOf)
  const base = { event: leg.event, runner: leg.runner, price: formatPrice(leg.price) }
  const voidLeg = (result: LegResult) => ({ factor: Ratio.of(ONE), breakdown: { ...base, result, factor: '1' } })
  if (outcome.state === 'void') return voidLeg('void race')
  const runner = runnerOfLeg(bet, leg, outcome)
  if (runner.withdrawn) return voidLeg('non-runner')
  if (outcome.state === 'open') throw notSettleable(bet, leg)
  const terms = outcome.placeTerms
  if (part === 'place' && terms === undefined) return voidLeg('no place terms')

  const finish = finishOf(runner)
  const shareNum = part === 'win' ? runner.winNum : runner.placeNum
  const shareDen = part === 'win' ? runner.winDen : runner.placeDen
  const placeTerms =
    part === 'place' && terms ? { placeFraction: formatFraction(terms.fraction), places: terms.places } : {}
  if (shareNum === 0)
    return { factor: Ratio.zero, breakdown: { ...base, result: 'lost', ...finish, ...placeTerms, factor: '0' } }

  const odds = oddsOfLeg(leg, runner)
  const startingPrice = leg.price === 'SP'
  const rule4Pence = rule4For(outcome.withdrawals, bet.struckSeq, startingPrice)
  const share = fraction(shareNum, shareDen)
  const oddsPaid = part === 'place' && terms ? Ratio.of(odds).times(Ratio.of(terms.fraction)) : Ratio.of(odds)
  const kept = Ratio.reduced(BigInt(100 - rule4Pence), 100n)
  const factor = Ratio.of(share).times(Ratio.of(1).plus(oddsPaid.times(kept)))
  return {
    factor,
    breakdown: {
      ...base,
      result: part === 'win' ? 'won' : 'placed',
      ...finish,
      odds: formatPrice(odds),
      ...placeTerms,
      deadHeatFactor: formatFraction(share),
      rule4Pence,
      rule4Withdrawals: rule4Withdrawals(outcome, bet.struckSeq, startingPrice),
      factor: factor.toString(),
    },
  }
}

function finishOf(runner: RunnerOutcome): { position?: number; deadHeatWith?: number } {
  if (runner.position === 0) return {}
  return runner.tied > 1 ? { position: runner.position, deadHeatWith: runner.tied } : { position: runner.position }
}

function rule4Withdrawals(outcome: EventOutcome, struckSeq: number, startingPrice: boolean): string[] {
  // The outcome keeps withdrawals newest first; people read them in order.
  return outcome.withdrawals
    .filter((w) => rule4Applies(w, struckSeq, startingPrice))
    .map((w) => w.runner)
    .reverse()
}
