/**
 * A bet the rules could not settle (its returns would pass 2^53 pence): the
 * decision that asked for it is refused, so nothing is half-settled.
 *
 * @example
 *   import { MissingStartingPriceError } from '../rules/missing-starting-price-error.ts'
 *   throw new UnsettleableBetError('b17', new MissingStartingPriceError('R1', 'Red Rum'))
 */
export class UnsettleableBetError extends Error {
  override name = 'UnsettleableBetError'

  constructor(
    readonly betId: string,
    cause: unknown,
  ) {
    super(`bet "${betId}" cannot be settled: ${(cause as Error).message}`, { cause })
  }
}
