import type { EngineState } from './engine-state.ts'

/**
 * Stores a bet that passed every check (the JSON path and the byte fast path
 * both end here) and returns its row. `legEvents`, `legRunners` and
 * `legPrices` hold its legs' event, runner and price numbers.
 *
 * @example
 *   declare const state: EngineState
 *   const [customer, events, runners, prices] = [0, Int32Array.of(0), Int32Array.of(3), Int32Array.of(1)]
 *   const row = storeBet(state, customer, 1000, false, 1, events, runners, prices, undefined)
 *   state.betId(row) // 'b1'
 */
export function storeBet(
  state: EngineState,
  customer: number,
  stakePence: number,
  eachWay: boolean,
  legCount: number,
  legEvents: Int32Array,
  legRunners: Int32Array,
  legPrices: Int32Array,
  id: string | undefined,
): number {
  const { bets, events, prices } = state
  state.makeRoomForCustomer(customer)
  const bet = bets.addBet(
    customer,
    stakePence,
    eachWay,
    legCount,
    legEvents,
    legRunners,
    legPrices,
    state.customerLastBet[customer]!,
    state.withdrawalCount,
  )
  state.customerLastBet[customer] = bet
  for (let i = 0; i < legCount; i++) {
    const event = events[legEvents[i]!]!
    event.addBet(bet)
    if (prices.isStartingPrice(legPrices[i]!)) event.spLegs[legRunners[i]!]!++
  }
  if (id !== undefined) {
    state.clientIds.set(id, bet)
    state.clientIdOf.set(bet, id)
  }
  return bet
}
