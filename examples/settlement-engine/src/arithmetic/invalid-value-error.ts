/**
 * A wire value that cannot be read: money or a price. Every parser in
 * `arithmetic/` returns the value or throws this; the caller knows the field
 * and turns it into a 400 (`error.field` = the field, `error.message` = this
 * message, or `reason` when it words its own).
 *
 * @example
 *   const error = new InvalidValueError('money', '10.505', 'more than two decimal places; the smallest amount is 1p')
 *   // → what parseMoney('10.505') throws
 *   error.message // '"10.505" is not money: more than two decimal places; the smallest amount is 1p'
 */
export class InvalidValueError extends Error {
  override readonly name = 'InvalidValueError'

  constructor(
    /** What the text should have been: `money`, `a price`, `odds`. */
    readonly kind: string,
    /** The text as given. */
    readonly text: string,
    /** What is wrong with it and how to write it instead. */
    readonly reason: string,
  ) {
    super(`"${text}" is not ${kind}: ${reason}`)
  }
}
