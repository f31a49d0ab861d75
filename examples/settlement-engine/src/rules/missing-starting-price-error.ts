/**
 * An SP bet won or placed on a runner the result gives no starting price for,
 * so it cannot be settled. The engine refuses such a result (422) rather than
 * settle without it; `missingStartingPrices` lists the runners up front.
 *
 * @example
 *   const error = new MissingStartingPriceError('R1', 'Red Rum')
 *   // → what settleBet throws for an SP bet on a winner without one
 *   error.message // 'event "R1" has no starting price for "Red Rum", …'
 */
export class MissingStartingPriceError extends Error {
  override readonly name = 'MissingStartingPriceError'

  constructor(
    readonly event: string,
    readonly runner: string,
  ) {
    super(
      `event "${event}" has no starting price for "${runner}", which won or placed, so an SP bet on it cannot ` +
        `be settled; ` +
        `give its price in the result's startingPrices`,
    )
  }
}
