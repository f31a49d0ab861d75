/**
 * A text that is not a valid value of its kind, with what would have been
 * accepted. It is not one of Parlance's four outcome errors: whoever reads the
 * value decides what a bad one means (the DSL reports a ConfigurationError
 * naming the method and parameter; a driver reading the system's answer, a
 * SystemCompromisedError), with this error as the cause.
 *
 * @example
 *   const error = new ValueFormatError('money', 'ten', '£10, 10.00, £10.50, 1050p') // what Money.parse('ten') throws
 *   error.message // 'invalid money "ten". Accepted: £10, 10.00, £10.50, 1050p'
 */
export class ValueFormatError extends Error {
  override readonly name = 'ValueFormatError'

  constructor(
    /** What a report calls a value of this kind: `money`, `odds`. */
    readonly kind: string,
    /** The text as given. */
    readonly text: string,
    /** The accepted forms, as examples: `£10, 10.00, £10.50, 1050p`. */
    readonly accepted: string,
    /** Why this text is wrong, when there is more to say than "not of this form". */
    readonly reason?: string,
    /** The nearest accepted value, when the kind has a fixed list of them. */
    readonly suggestion?: string,
  ) {
    super(
      `invalid ${kind} "${text}"` +
        (reason ? ` — ${reason}` : '') +
        (suggestion ? ` — did you mean "${suggestion}"?` : '.') +
        ` Accepted: ${accepted}`,
    )
  }
}
