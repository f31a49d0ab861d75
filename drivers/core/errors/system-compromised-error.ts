import { ParlanceError } from './parlance-error.ts'

/**
 * The system under test or its environment is broken (it crashed, refused the connection, answered 500), so the spec
 * could not be checked.
 *
 * @example
 *   declare const cause: Error // fetch's TypeError: fetch failed
 *   const error = new SystemCompromisedError('the settlement engine refused the connection', { cause })
 *   error.outcome // 'system-compromised'
 */
export class SystemCompromisedError extends ParlanceError {
  override readonly name = 'SystemCompromisedError'
  readonly outcome = 'system-compromised' as const
}
