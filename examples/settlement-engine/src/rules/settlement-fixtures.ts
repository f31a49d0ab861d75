// Test fixtures: races and bets written the way a bookmaker would say them.
import { parseMoney } from '../arithmetic/money.ts'
import { parseOdds, parsePrice } from '../arithmetic/price.ts'
import type { Fraction } from '../arithmetic/fraction.ts'
import type { BetFacts } from './bet-facts.ts'
import { compileEvent, type EventOutcome } from './event-outcome.ts'
import { settleBet, type SettledBet } from './settle-bet.ts'

/** A race in words: runners by count ("A", "B", …) or by name. */
export interface RaceSketch {
  runners: number | string[]
  handicap?: boolean
  placeTerms?: { fraction: string; places: number }
  /** [runner, price, seq, late?] */
  withdrawals?: Array<[string, string, number, boolean?]>
  placings?: string[][]
  startingPrices?: Record<string, string>
  void?: boolean
}

/** Runner names "A", "B", … "Z", "A1", …: enough for any field. */
export function runnerNames(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : ''),
  )
}

/** Compiles a sketched race. */
export function race(id: string, sketch: RaceSketch): EventOutcome {
  const startingPrices: Record<string, Fraction> = {}
  for (const [runner, price] of Object.entries(sketch.startingPrices ?? {})) startingPrices[runner] = parseOdds(price)
  return compileEvent({
    id,
    handicap: sketch.handicap ?? false,
    runners: typeof sketch.runners === 'number' ? runnerNames(sketch.runners) : sketch.runners,
    placeTerms: sketch.placeTerms && {
      fraction: parseOdds(sketch.placeTerms.fraction),
      places: sketch.placeTerms.places,
    },
    withdrawals: (sketch.withdrawals ?? []).map(([runner, price, seq, late]) => ({
      runner,
      price: parseOdds(price),
      seq,
      late: late ?? false,
    })),
    void: sketch.void ?? false,
    result: sketch.placings && { placings: sketch.placings, startingPrices },
  })
}

/** A bet in words: stake in pounds, legs as [event, runner, price]. Struck at seq 1 unless said. */
export function bet(
  stake: string,
  legs: Array<[string, string, string]>,
  options: { eachWay?: boolean; struckSeq?: number } = {},
): BetFacts {
  return {
    stakePence: parseMoney(stake),
    eachWay: options.eachWay ?? false,
    struckSeq: options.struckSeq ?? 1,
    legs: legs.map(([event, runner, price]) => ({ event, runner, price: parsePrice(price) })),
  }
}

/** Settles against the given races, checking the fast road and the breakdown road agree. */
export function settle(facts: BetFacts, ...races: EventOutcome[]): number {
  const settled = settleBoth(facts, ...races)
  return settled.returnsPence
}

/** Settles with the breakdown, after checking the fast road gives the same pence. */
export function settleBoth(
  facts: BetFacts,
  ...races: EventOutcome[]
): SettledBet & { breakdown: NonNullable<SettledBet['breakdown']> } {
  const byId = new Map(races.map((outcome) => [outcome.event, outcome]))
  const lookup = (event: string) => byId.get(event)
  const fast = settleBet(facts, lookup)
  const full = settleBet(facts, lookup, { breakdown: true })
  if (fast.returnsPence !== full.returnsPence || full.breakdown === undefined) {
    throw new Error(
      `fast road ${fast.returnsPence}p, breakdown road ${full.returnsPence}p for ${JSON.stringify(facts)}`,
    )
  }
  return { returnsPence: full.returnsPence, breakdown: full.breakdown }
}
