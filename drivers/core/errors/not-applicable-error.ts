import { ParlanceError, type ParlanceErrorOptions } from './parlance-error.ts'

/**
 * A driver cannot perform an operation on its channel. The scenario is reported
 * as not applicable on that channel, with the reason: not a pass, not a failure.
 *
 * @example
 *   const error = new NotApplicableError('ui', 'amendResult', 'the trader pages have no way to amend a result')
 *   error.message // 'amendResult is not applicable on the ui channel: the trader pages have no way to amend a result'
 */
export class NotApplicableError extends ParlanceError {
  override readonly name = 'NotApplicableError'
  readonly outcome = 'not-applicable' as const

  constructor(
    readonly channel: string,
    readonly operation: string,
    readonly reason: string,
    options: ParlanceErrorOptions = {},
  ) {
    super(`${operation} is not applicable on the ${channel} channel: ${reason}`, {
      ...options,
      context: { channel, ...options.context },
    })
  }
}
