import { AssertionFailedError } from '../errors/assertion-failed-error.ts'
import { ConfigurationError } from '../errors/configuration-error.ts'
import { outcomeLabels, type Outcome } from '../errors/outcome.ts'
import { StepTimedOutError } from '../errors/step-timed-out-error.ts'
import { SystemCompromisedError } from '../errors/system-compromised-error.ts'

/**
 * What kind of failure a failed step was: the outcome of one of Parlance's
 * error types, or `error` for any other error (a TypeError in step code, a
 * plain Error): a defect of the test or of the system, not a verdict on it.
 *
 * @example
 *   const kind: FailureKind = 'system-compromised' // the system under test could not be reached, or broke
 */
export type FailureKind =
  | Extract<Outcome, 'assertion-failed' | 'system-compromised' | 'configuration-error' | 'timed-out'>
  | 'error'

/**
 * The words a report uses for each failure kind.
 *
 * @example
 *   failureKindLabels['timed-out'] // 'timed out'
 */
export const failureKindLabels: Readonly<Record<FailureKind, string>> = {
  'assertion-failed': outcomeLabels['assertion-failed'],
  'system-compromised': outcomeLabels['system-compromised'],
  'configuration-error': outcomeLabels['configuration-error'],
  'timed-out': outcomeLabels['timed-out'],
  error: 'error',
}

// By class name, as cucumber records it; AssertionError is node:assert's and chai's.
const kindsByName = new Map<string, FailureKind>([
  [AssertionFailedError.name, 'assertion-failed'],
  ['AssertionError', 'assertion-failed'],
  [SystemCompromisedError.name, 'system-compromised'],
  [ConfigurationError.name, 'configuration-error'],
  [StepTimedOutError.name, 'timed-out'],
])

/**
 * The kind of a failed step's result in cucumber's messages: by the class of
 * its exception (`exception.type`), else by the error name its stack trace
 * starts with (a subclass such as DockerEngineError keeps its outcome's name
 * for that). Undefined for any other error, e.g. a TypeError in step code: a
 * plain failure.
 *
 * @example
 *   failureKindOf({ exception: { type: 'SystemCompromisedError' } }) // 'system-compromised'
 *   failureKindOf({ exception: { type: 'TypeError', stackTrace: 'TypeError: x is undefined' } }) // 'error'
 */
export function failureKindOf(result: {
  exception?: { type: string; stackTrace?: string }
  message?: string
}): FailureKind {
  const byType = result.exception && kindsByName.get(result.exception.type)
  if (byType) return byType
  const named = /^(\w+):/.exec(result.exception?.stackTrace ?? result.message ?? '')?.[1]
  return (named === undefined ? undefined : kindsByName.get(named)) ?? 'error'
}
