import type { Outcome } from './outcome.ts'

/**
 * What a Parlance error knows about where it happened. The World fills in the
 * step and the alias table when the error passes through a step.
 *
 * @example
 *   import { SystemCompromisedError } from './system-compromised-error.ts'
 *   const error = new SystemCompromisedError('the engine did not answer', { context: { request: 'GET /bets' } })
 *   error.withContext({ step: 'When Alice backs Red Rum at 5/1' }).context.step // 'When Alice backs Red Rum at 5/1'
 */
export interface ErrorContext {
  /** The Gherkin step being run, as written in the spec. */
  step?: string
  /** The channel the scenario ran on. */
  channel?: string
  /** Spec name → real name, for the scenario in which the error happened. */
  aliases?: Readonly<Record<string, string>>
  /** A one-line description of the request that failed, if any. */
  request?: string
}

/**
 * Options every Parlance error takes.
 *
 * @example
 *   import { AssertionFailedError } from './assertion-failed-error.ts'
 *   declare const error: Error
 *   new AssertionFailedError('expected £5.00, got £4.50', { cause: error, context: { request: 'GET /bets/b42' } })
 */
export interface ParlanceErrorOptions {
  cause?: unknown
  context?: ErrorContext
}

/**
 * The base of Parlance's four error types. Each maps to one test outcome.
 *
 * @example
 *   declare const error: unknown
 *   if (error instanceof ParlanceError)
 *     console.error(error.withContext({ step: 'Then Alice is paid £60.00' }).outcome, error.message)
 */
export abstract class ParlanceError extends Error {
  abstract readonly outcome: Outcome
  context: ErrorContext

  constructor(message: string, options: ParlanceErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.context = { ...options.context }
  }

  /** Adds to what the error knows about where it happened; returns the error itself. */
  withContext(context: ErrorContext): this {
    this.context = { ...this.context, ...context }
    return this
  }
}
