import { ParlanceError, type ParlanceErrorOptions } from './parlance-error.ts'

/**
 * The scenario could not be run here for a reason outside the system under
 * test and outside the spec (no browser on this machine). It is reported as
 * not run, with the reason and the fix — not as a failure of the system.
 *
 * @example
 *   const error = new NotRunError('ui', 'no browser', 'Fix: apt-get install chromium, or set PARLANCE_CHROMIUM.')
 *   error.message // 'not run on the ui channel: no browser. Fix: apt-get install chromium, or set PARLANCE_CHROMIUM.'
 */
export class NotRunError extends ParlanceError {
  override readonly name = 'NotRunError'
  readonly outcome = 'not-run' as const

  constructor(
    readonly channel: string,
    /** A few words, the same for every scenario it stops: the summary groups by it. */
    readonly reason: string,
    /** What to do about it, in one line. */
    readonly fix: string,
    options: ParlanceErrorOptions = {},
  ) {
    super(`not run on the ${channel} channel: ${reason}. ${fix}`, {
      ...options,
      context: { channel, ...options.context },
    })
  }
}
