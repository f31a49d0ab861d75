import type { BetFacts, EventOutcome, LegFacts, OutcomeLookup } from '../rules/index.ts'
import type { Price } from '../arithmetic/index.ts'
import type { EngineState } from './engine-state.ts'

interface MutableLeg {
  event: string
  runner: string
  price: Price
}

interface MutableBet {
  id?: string | undefined
  stakePence: number
  eachWay: boolean
  struckSeq: number
  legs: MutableLeg[]
}

/**
 * Presents stored bets to the rules as BetFacts. The settlement loop reuses
 * one set of objects for every bet (`load`), so settling millions of bets
 * allocates nothing per bet here; `fresh` makes objects that may be kept.
 *
 * @example
 *   import { settleBet } from '../rules/index.ts'
 *   declare const state: EngineState, row: number
 *   const facts = new BetFactsReader(state)
 *   settleBet(facts.load(row), facts.lookup).returnsPence
 */
export class BetFactsReader {
  private readonly scratch: MutableBet = { stakePence: 0, eachWay: false, struckSeq: 0, legs: [] }
  private readonly legsByCount: MutableLeg[][] = []
  private readonly outcomes: EventOutcome[] = []
  /** Finds a loaded leg's event outcome by the leg's position. */
  readonly lookup: OutcomeLookup = (_event, legIndex) => this.outcomes[legIndex]

  constructor(private readonly state: EngineState) {}

  /** The bet in reused objects: valid until the next `load`. */
  load(bet: number): BetFacts {
    const count = this.state.bets.legCount(bet)
    let legs = this.legsByCount[count]
    if (legs === undefined) {
      legs = Array.from({ length: count }, () => ({ event: '', runner: '', price: 'SP' as Price }))
      this.legsByCount[count] = legs
    }
    this.fill(bet, this.scratch, legs)
    return this.scratch as BetFacts
  }

  /** The bet in new objects, e.g. for a breakdown, with its own lookup. */
  fresh(bet: number): { facts: BetFacts; lookup: OutcomeLookup } {
    const { bets, events, prices } = this.state
    const legs: LegFacts[] = []
    const outcomes: EventOutcome[] = []
    for (let leg = 0; leg < bets.legCount(bet); leg++) {
      const event = events[bets.legEvent(bet, leg)]!
      outcomes.push(event.outcome)
      legs.push({
        event: event.id,
        runner: event.runners[bets.legRunner(bet, leg)]!,
        price: prices.price(bets.legPrice(bet, leg)),
      })
    }
    const facts: BetFacts = {
      id: this.state.betId(bet),
      stakePence: bets.stake(bet),
      eachWay: bets.eachWay(bet),
      struckSeq: bets.struckSeq(bet),
      legs,
    }
    return { facts, lookup: (_event, legIndex) => outcomes[legIndex] }
  }

  private fill(bet: number, target: MutableBet, legs: MutableLeg[]): void {
    const { bets, events, prices } = this.state
    target.stakePence = bets.stake(bet)
    target.eachWay = bets.eachWay(bet)
    target.struckSeq = bets.struckSeq(bet)
    target.legs = legs
    for (let i = 0; i < legs.length; i++) {
      const event = events[bets.legEvent(bet, i)]!
      const leg = legs[i]!
      leg.event = event.id
      leg.runner = event.runners[bets.legRunner(bet, i)]!
      leg.price = prices.price(bets.legPrice(bet, i))
      this.outcomes[i] = event.outcome
    }
  }
}
