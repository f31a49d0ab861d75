import { formatFraction, formatMoney } from '../arithmetic/index.ts'
import { settleBet } from '../rules/index.ts'
import { BetFactsReader } from './bet-facts.ts'
import type { BetView, EventSummary, EventView, SettlementView } from './engine.ts'
import type { EngineState } from './engine-state.ts'
import type { EventRecord } from './event-record.ts'
import { VOIDED } from './settlement-store.ts'

/**
 * The bet as the API shows it; the breakdown (unless `breakdown: false`) is
 * worked out now, from the same outcomes its newest settlement used, rather
 * than stored for millions of bets.
 *
 * @example
 *   declare const state: EngineState
 *   betView(state, state.findBet('b1')).status // 'open'
 */
export function betView(state: EngineState, bet: number, options: { breakdown?: boolean } = {}): BetView {
  const { bets, events, prices, settlements } = state
  const stake = bets.stake(bet)
  const eachWay = bets.eachWay(bet)
  const legs = []
  for (let leg = 0; leg < bets.legCount(bet); leg++) {
    const event = events[bets.legEvent(bet, leg)]!
    legs.push({
      event: event.id,
      runner: event.runners[bets.legRunner(bet, leg)]!,
      price: prices.text(bets.legPrice(bet, leg)),
    })
  }
  const history: SettlementView[] = []
  for (let seq = bets.lastSettlement(bet); seq !== 0; seq = settlements.previous(seq))
    history.push(settlementView(state, seq))
  history.reverse()
  const view: BetView = {
    id: state.betId(bet),
    customer: state.customers.text(bets.customer(bet)),
    status: 'open',
    stake: formatMoney(stake),
    totalStake: formatMoney(eachWay ? stake * 2 : stake),
    eachWay,
    legs,
    history,
  }
  const last = history[history.length - 1]
  if (last !== undefined) {
    view.status = last.status
    view.returns = last.returns
    if (options.breakdown !== false) {
      const { facts, lookup } = new BetFactsReader(state).fresh(bet)
      view.breakdown = settleBet(facts, lookup, { breakdown: true }).breakdown
    }
  }
  return view
}

/**
 * One settlement as the API shows it.
 *
 * @example
 *   declare const state: EngineState
 *   settlementView(state, 1) // { seq: 1, event: 'R1', resultVersion: 1, status: 'settled', returns: '60.00' }
 */
export function settlementView(state: EngineState, seq: number): SettlementView {
  const { settlements } = state
  const decision = settlements.decision(seq)
  return {
    seq,
    event: state.events[state.decisionEvent[decision]!]!.id,
    resultVersion: state.decisionVersion[decision]!,
    status: settlements.status(seq) === VOIDED ? 'void' : 'settled',
    returns: formatMoney(settlements.returns(seq)),
  }
}

/**
 * The event in full.
 *
 * @example
 *   declare const event: EventRecord
 *   eventView(event).runners[0] // { name: 'Red Rum', withdrawn: false }
 */
export function eventView(event: EventRecord): EventView {
  const terms = event.outcome.placeTerms
  const view: EventView = {
    id: event.id,
    name: event.name,
    handicap: event.handicap,
    status: event.status,
    runners: event.runners.map((name, i) => ({ name, withdrawn: event.withdrawn[i] === 1 })),
    placeTerms: terms === undefined ? null : { fraction: formatFraction(terms.fraction), places: terms.places },
    withdrawals: event.withdrawals.map((w) => ({
      runner: w.runner,
      price: w.price,
      late: w.late,
      deduction: w.deduction,
    })),
    bets: event.betCount,
  }
  if (event.result !== undefined)
    view.result = {
      version: event.version,
      placings: event.result.placings,
      startingPrices: { ...event.result.startingPrices },
    }
  return view
}

/**
 * The event as a line in the list.
 *
 * @example
 *   declare const event: EventRecord
 *   eventSummary(event) // { id: 'R1', name: 'The National', status: 'open', runners: 40, bets: 0 }
 */
export function eventSummary(event: EventRecord): EventSummary {
  return { id: event.id, name: event.name, status: event.status, runners: event.runners.length, bets: event.betCount }
}
