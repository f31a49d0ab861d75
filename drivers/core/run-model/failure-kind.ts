import { AssertionFailedError } from '../errors/assertion-failed-error.ts'
import { ConfigurationError } from '../errors/configuration-error.ts'
import type { Outcome } from '../errors/outcome.ts'
import { SystemCompromisedError } from '../errors/system-compromised-error.ts'

/**
 * What kind of failure a failed step was, when its error says so: the outcome
 * of one of Parlance's error types.
 *
 * @example
 *   const kind: FailureKind = 'system-compromised' // the system under test could not be reached, or broke
 */
export type FailureKind = Extract<Outcome, 'assertion-failed' | 'system-compromised' | 'configuration-error'>

// By class name, as cucumber records it; AssertionError is node:assert's and chai's.
const kindsByName = new Map<string, FailureKind>([
  [AssertionFailedError.name, 'assertion-failed'],
  ['AssertionError', 'assertion-failed'],
  [SystemCompromisedError.name, 'system-compromised'],
  [ConfigurationError.name, 'configuration-error'],
])

/**
 * The kind of a failed step's result in cucumber's messages: by the class of
 * its exception (`exception.type`), else by the error name its stack trace
 * starts with (a subclass such as DockerEngineError keeps its outcome's name
 * for that). Undefined for any other error, e.g. a TypeError in step code: a
 * plain failure.
 *
 * @example
 *   failureKindOf({ exception: { type: 'SystemCompromisedError', message: 'GET /bets failed: connection refused' } }) // 'system-compromised'
 *   failureKindOf({ exception: { type: 'TypeError', message: 'x is undefined' } }) // undefined
 */
export function failureKindOf(result: { exception?: { type: string; stackTrace?: string }; message?: string }): FailureKind | undefined {
  const byType = result.exception && kindsByName.get(result.exception.type)
  if (byType) return byType
  const named = /^(\w+):/.exec(result.exception?.stackTrace ?? result.message ?? '')?.[1]
  return named === undefined ? undefined : kindsByName.get(named)
}
