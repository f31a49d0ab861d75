import type { BetCommand, EventCommand } from '../../src/commands.ts'

/** Runners of the test races. */
export const runners = [
  'Red Rum',
  'Aldaniti',
  'Corbiere',
  'Crisp',
  'Rag Trade',
  "L'Escargot",
  'West Tip',
  'Last Suspect',
]

/**
 * An event body for POST /events: eight runners, standard place terms (1/5, 3 places).
 *
 * @example
 *   import { post } from './http.ts'
 *   await post('http://127.0.0.1:8080', '/events', race('R1'))
 */
export function race(id: string, extra: Partial<EventCommand> = {}): Omit<EventCommand, 'type'> {
  return { id, name: `Race ${id}`, runners, ...extra }
}

/**
 * A win single body for POST /bets.
 *
 * @example
 *   import { post } from './http.ts'
 *   await post('http://127.0.0.1:8080', '/bets', single('alice', 'R1', 'Red Rum', '5/1', '10'))
 */
export function single(
  customer: string,
  event: string,
  runner: string,
  price: string,
  stake: string,
  extra: Partial<BetCommand> = {},
): Omit<BetCommand, 'type'> {
  return { customer, stake, legs: [{ event, runner, price }], ...extra }
}

let counter = 0

/**
 * A name no other test in this process uses.
 *
 * @example
 *   const event = unique('race') // 'race-7'
 */
export function unique(prefix: string): string {
  counter++
  return `${prefix}-${counter}`
}
