import type { Fraction } from '../arithmetic/fraction.ts'
import type { Price } from '../arithmetic/price.ts'
import type { EventOutcome, RunnerOutcome } from './event-outcome.ts'
import { MissingStartingPriceError } from './missing-starting-price-error.ts'

/** One selection: a runner in an event, at a price taken or SP. */
export interface LegFacts {
  readonly event: string
  readonly runner: string
  readonly price: Price
}

/** What settlement needs to know about a bet, with money and prices already parsed. */
export interface BetFacts {
  /** For error messages only. */
  readonly id?: string | undefined
  /** Per line: each-way bets stake this on the win and again on the place. */
  readonly stakePence: number
  readonly eachWay: boolean
  /** The engine's sequence number of the bet: withdrawals after it bring Rule 4. */
  readonly struckSeq: number
  /** One leg is a single; 2..N legs on different events a multiple. */
  readonly legs: readonly LegFacts[]
}

/**
 * Finds the compiled outcome of a leg's event, by event id (and the leg's
 * index, for callers that keep outcomes by leg). Make one per run, not per bet:
 * `(event) => outcomes.get(event)`.
 */
export type OutcomeLookup = (event: string, legIndex: number) => EventOutcome | undefined

/**
 * Whether the bet can be settled now: every leg's event is resulted or void,
 * or the leg's runner is withdrawn (that leg is void whatever happens).
 *
 * @example
 *   declare const treble: BetFacts, outcomes: Map<string, EventOutcome>
 *   isSettleable(treble, (event) => outcomes.get(event)) // false while a race is still to run
 */
export function isSettleable(bet: BetFacts, outcomeOf: OutcomeLookup): boolean {
  for (let i = 0; i < bet.legs.length; i++) {
    const leg = bet.legs[i]!
    const outcome = outcomeOf(leg.event, i)
    if (outcome === undefined) return false
    if (outcome.state === 'open' && outcome.runners.get(leg.runner)?.withdrawn !== true) return false
  }
  return true
}

/** The leg's event outcome; throws when the lookup does not know the event. */
export function outcomeOfLeg(bet: BetFacts, index: number, outcomeOf: OutcomeLookup): EventOutcome {
  const leg = bet.legs[index]!
  const outcome = outcomeOf(leg.event, index)
  if (outcome === undefined)
    throw new RangeError(`${betName(bet)} has a leg on event "${leg.event}", which the outcome lookup does not know`)
  return outcome
}

/** The leg's runner in its event; throws when the event has no such runner. */
export function runnerOfLeg(bet: BetFacts, leg: LegFacts, outcome: EventOutcome): RunnerOutcome {
  const runner = outcome.runners.get(leg.runner)
  if (runner === undefined)
    throw new RangeError(`${betName(bet)} backs "${leg.runner}", who is not declared in event "${leg.event}"`)
  return runner
}

/** The odds a won or placed leg is settled at: the price taken, or the starting price. */
export function oddsOfLeg(leg: LegFacts, runner: RunnerOutcome): Fraction {
  if (leg.price !== 'SP') return leg.price
  if (runner.startingPrice === undefined) throw new MissingStartingPriceError(leg.event, leg.runner)
  return runner.startingPrice
}

/** The error for settling a bet whose leg's race has not been run. */
export function notSettleable(bet: BetFacts, leg: LegFacts): RangeError {
  return new RangeError(
    `${betName(bet)} cannot be settled yet: event "${leg.event}" has no result; check isSettleable first`,
  )
}

function betName(bet: BetFacts): string {
  return bet.id === undefined ? 'the bet' : `bet "${bet.id}"`
}
