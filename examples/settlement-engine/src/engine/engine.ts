// The engine as its callers see it: the HTTP API, the stream, the CLI and the
// web UI all go through this interface. Names here are stable; add, never rename.
import type { Command, CommandOutcome } from '../commands.ts'

/** Money on the wire and in views: pounds with two decimals, e.g. "10.00". */
export type Pounds = string

/** One leg of a bet, as placed. */
export interface LegView {
  event: string
  runner: string
  /** The price as the bet was struck: "5/1", "evens", "2.25" or "SP". */
  price: string
}

/** One settlement of a bet: the first, or a resettlement after an amended result. */
export interface SettlementView {
  /** Position in the engine's settlement sequence; stable across restarts. */
  seq: number
  /** The event whose result (or void) caused this settlement. */
  event: string
  /** That event's result version: 1 for the first result, 2 for the first amendment, … */
  resultVersion: number
  status: 'settled' | 'void'
  returns: Pounds
}

/** A bet as the API shows it (`GET /bets/{id}`). */
export interface BetView {
  id: string
  customer: string
  status: 'open' | 'settled' | 'void'
  /** Per line. */
  stake: Pounds
  /** What the bet cost: twice the stake when each-way. */
  totalStake: Pounds
  eachWay: boolean
  legs: LegView[]
  /** Present once settled or void. */
  returns?: Pounds
  /** How the returns were worked out, present once settled; computed on demand, never stored. */
  breakdown?: unknown
  /** Every settlement of the bet, oldest first. */
  history: SettlementView[]
}

/** A runner in an event. */
export interface RunnerView {
  name: string
  withdrawn: boolean
}

/** A non-runner and the Rule 4 deduction it brought. */
export interface WithdrawalView {
  runner: string
  price: string
  late: boolean
  /** Pence in the pound deducted from winning bets struck before it, e.g. 25. */
  deduction: number
}

/** An event's current result. */
export interface ResultView {
  version: number
  placings: string[][]
  startingPrices: Record<string, string>
}

/** An event in the list (`GET /events`). */
export interface EventSummary {
  id: string
  name: string
  status: 'open' | 'resulted' | 'void'
  runners: number
  bets: number
}

/** An event in full (`GET /events/{id}`). */
export interface EventView {
  id: string
  name: string
  handicap: boolean
  status: 'open' | 'resulted' | 'void'
  runners: RunnerView[]
  /** The place terms each-way bets are settled on, or null when the event has no places. */
  placeTerms: { fraction: string; places: number } | null
  withdrawals: WithdrawalView[]
  /** Present once resulted. */
  result?: ResultView
  /** Bets with a leg on this event. */
  bets: number
}

/**
 * The settlement engine: commands in, settled bets out.
 *
 * @example
 *   declare const engine: Engine
 *   const outcome = await engine.execute({
 *     type: 'bet',
 *     customer: 'alice',
 *     stake: '10',
 *     legs: [{ event: 'e1', runner: 'Red Rum', price: '5/1' }],
 *   })
 *   if (outcome.ok) engine.getBet(String(outcome.body.id))?.status // 'open'
 */
export interface Engine {
  /** Validates, applies and durably logs one command; resolves once it is in the log. */
  execute(command: Command): Promise<CommandOutcome>
  /** A bet by id (client-given or engine-assigned), or undefined. */
  getBet(id: string): BetView | undefined
  /** A customer's bets, newest first, without breakdowns (getBet has them); undefined for a customer with no bets. */
  customerBets(customer: string, options?: { limit?: number }): BetView[] | undefined
  /** Every event, in the order they were created. */
  listEvents(): EventSummary[]
  /** An event by id, or undefined. */
  getEvent(id: string): EventView | undefined
}
