import { ParlanceError } from './parlance-error.ts'

/**
 * A step did not finish within its channel's step timeout. The message names
 * the step, the channel, the time it took, the limit and where to change it.
 *
 * @example
 *   const error = new StepTimedOutError(
 *     '"When Alice places her bet" on the ui channel did not finish within its 60 s step timeout …',
 *   )
 *   error.outcome // 'timed-out'
 */
export class StepTimedOutError extends ParlanceError {
  override readonly name = 'StepTimedOutError'
  readonly outcome = 'timed-out' as const
}
