import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../../drivers/core/nearest.ts'
import type { ValueFormatError } from '../../../drivers/core/values/value-format-error.ts'
import { messages } from './messages.ts'

/**
 * Everything wrong with one call, in the order found, to be thrown as one
 * ConfigurationError, one problem a line.
 *
 * @example
 *   const problems = new CallProblems('placeBet')
 *   problems.add('placeBet: missing required parameter "selection" — give text')
 *   if (problems.found) throw problems.toError()
 */
export class CallProblems {
  private readonly lines: string[] = []
  private cause: ValueFormatError | undefined
  /** Names offered as "did you mean": not reported missing as well. */
  // Made only when a name is suggested: most calls have no problem at all.
  private suggested: Set<string> | undefined

  constructor(
    /** The method called, as every line begins. */
    readonly method: string,
  ) {}

  /** Whether there is anything to report. */
  get found(): boolean {
    return this.lines.length > 0
  }

  /** Adds a problem; the same line is kept once. */
  add(line: string): void {
    if (!this.lines.includes(line)) this.lines.push(line)
  }

  /** Adds a bad value's problem, keeping the value's error to be the cause if it is the only one. */
  addInvalid(line: string, error: ValueFormatError): void {
    this.cause ??= error
    this.add(line)
  }

  /** Adds a name that is no parameter, with the nearest one that is; that one is then not reported missing. */
  unknown(name: string, candidates: readonly string[], accepted: string, where = ''): void {
    const suggestion = nearest(name, candidates)
    if (suggestion !== undefined) {
      this.suggested ??= new Set()
      this.suggested.add(suggestion)
    }
    this.add(messages.unknownParameter(this.method, name, suggestion, accepted, where))
  }

  /** Whether a name was offered as "did you mean", so it need not be reported missing. */
  wasSuggested(name: string): boolean {
    return this.suggested?.has(name) ?? false
  }

  /** The one error for the call. */
  toError(): ConfigurationError {
    return new ConfigurationError(
      this.lines.join('\n'),
      this.lines.length === 1 && this.cause ? { cause: this.cause } : {},
    )
  }
}
