// The engine's input: one command per accepted change. The HTTP API's bodies,
// the NDJSON lines of POST /stream and the lines of the append-only log are
// all these objects (the stream and the log carry `type`; the HTTP API adds it
// from the route, and the event id from the path).
//
// Wire forms, as a client sends them: money is a string in pounds ("10",
// "10.00", "£10.50"); prices are "5/1", "evens", "2.25" (decimal) or "SP".

/** A race: `POST /events`. */
export interface EventCommand {
  type: 'event'
  id: string
  name: string
  handicap?: boolean
  runners: string[]
  placeTerms?: { fraction: string; places: number }
}

/** A non-runner: `POST /events/{event}/withdrawals`. */
export interface WithdrawalCommand {
  type: 'withdrawal'
  event: string
  runner: string
  /** The withdrawn runner's price at withdrawal: it sets the Rule 4 deduction. */
  price: string
  /** No new market formed: SP bets are deducted too. */
  late?: boolean
}

/** A bet: `POST /bets`. One leg is a single; 2..N legs on different events a multiple. */
export interface BetCommand {
  type: 'bet'
  id?: string
  customer: string
  /** Per line: £10 each-way costs £20. */
  stake: string
  eachWay?: boolean
  legs: Array<{ event: string; runner: string; price: string }>
}

/** A result, or an amended one: `POST /events/{event}/result`. */
export interface ResultCommand {
  type: 'result'
  event: string
  /** Each inner list is the next group to finish; two or more names are a dead heat. */
  placings: string[][]
  startingPrices?: Record<string, string>
}

/** A void race: `POST /events/{event}/void`. */
export interface VoidCommand {
  type: 'void'
  event: string
}

/** Every command the engine takes. */
export type Command = EventCommand | WithdrawalCommand | BetCommand | ResultCommand | VoidCommand

/** The command types, as written in `type`. */
export const commandTypes = ['event', 'withdrawal', 'bet', 'result', 'void'] as const

/**
 * Why a command was refused; nothing of it was applied.
 * `status` is the HTTP status the API answers with: 400 bad input, 404 unknown
 * id, 409 conflict (duplicate id, bet on a resulted event), 422 a rule broken
 * (runner not in the event, …).
 */
export interface Refusal {
  ok: false
  status: 400 | 404 | 409 | 422
  error: { code: string; message: string; field?: string }
}

/** What an accepted command gives back; the fields depend on the command. */
export interface Acceptance<T = Record<string, unknown>> {
  ok: true
  status: 200 | 201
  body: T
}

/** The answer to one command, on every channel. */
export type CommandOutcome<T = Record<string, unknown>> = Acceptance<T> | Refusal
