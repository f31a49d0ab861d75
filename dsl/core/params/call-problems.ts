import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import type { ValueFormatError } from '../../../drivers/core/values/value-format-error.ts'
import type { CompiledParam } from './compile-declaration.ts'
import { messages } from './messages.ts'

/** A non-repeated parameter given more than once: one problem, however many times. */
interface Repeat {
  readonly owner: object
  readonly param: CompiledParam
  readonly given: unknown[]
  readonly where: () => string
}

/**
 * Everything wrong with one call, in the order found, to be thrown as one
 * ConfigurationError, one problem a line.
 *
 * @example
 *   problems.add('placeBet: missing required parameter "selection" — give text')
 *   if (problems.found) throw problems.toError('placeBet')
 */
export class CallProblems {
  private readonly lines: (string | Repeat)[] = []
  private cause: ValueFormatError | undefined
  /** Names offered as "did you mean": not reported missing as well. */
  private readonly suggested: string[] = []

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

  /** Notes a further value for a parameter that takes one; `where` is asked once the call is read. */
  addRepeat(owner: object, param: CompiledParam, first: unknown, given: unknown, where: () => string): void {
    const known = this.lines.find((line): line is Repeat => typeof line !== 'string' && line.owner === owner && line.param === param)
    if (known) known.given.push(given)
    else this.lines.push({ owner, param, given: [first, given], where })
  }

  /** Notes a name offered as "did you mean". */
  suggest(name: string): void {
    this.suggested.push(name)
  }

  /** Whether a name was offered as "did you mean", so it need not be reported missing. */
  wasSuggested(name: string): boolean {
    return this.suggested.includes(name)
  }

  /** The one error for the call. */
  toError(method: string): ConfigurationError {
    const lines = this.lines.map((line) => (typeof line === 'string' ? line : messages.givenMoreThanOnce(method, line.param.name, line.given, line.where())))
    return new ConfigurationError(lines.join('\n'), lines.length === 1 && this.cause ? { cause: this.cause } : {})
  }
}
