import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { Money } from '../../core/values/money.ts'
import type { Odds } from '../../core/values/odds.ts'

/**
 * A price as the engine reads it: `5/2`, `evens`, `SP`; or the punter's own
 * text when it is not odds at all, for the engine to judge.
 *
 * @example
 *   priceOf({ price: Odds.parse('5/2') }) // '5/2'
 *   priceOf({ price: Odds.SP, priceAsWritten: '5-1' }) // '5-1'
 */
export function priceOf(leg: { price: Odds; priceAsWritten?: string }): string {
  return leg.priceAsWritten ?? leg.price.toWire()
}

/**
 * Money the engine wrote (`"35.00"`, read by `Money.fromWire`); anything else means the engine is broken.
 *
 * @example
 *   moneyFromEngine('35.00', 'the returns of bet b1').pence // 3500
 *   moneyFromEngine('lots', 'the returns of bet b1') // throws SystemCompromisedError
 */
export function moneyFromEngine(text: unknown, what: string): Money {
  try {
    if (typeof text !== 'string') throw new TypeError(`not text but ${JSON.stringify(text)}`)
    return Money.fromWire(text)
  } catch (error) {
    throw new SystemCompromisedError(
      `the settlement engine gave ${what} as ${JSON.stringify(text)}, which is not money`,
      { cause: error },
    )
  }
}
