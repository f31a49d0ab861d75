/**
 * A bet the rules could not settle (its returns would pass 2^53 pence): the
 * decision that asked for it is refused, so nothing is half-settled.
 *
 * @example
 *   throw new UnsettleableBetError('b17', cause)
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
