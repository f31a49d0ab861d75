import { ParlanceError } from './parlance-error.ts'

/**
 * The system under test did not do what the spec says it should. The spec failed, not the environment.
 *
 * @example
 *   const error = new AssertionFailedError('Alice was paid £5.00; expected £6.00')
 *   error.outcome // 'assertion-failed'
 */
export class AssertionFailedError extends ParlanceError {
  override readonly name = 'AssertionFailedError'
  readonly outcome = 'assertion-failed' as const
}
