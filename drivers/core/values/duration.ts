import { ValueFormatError } from './value-format-error.ts'

const DURATION_ACCEPTED = '250ms, 2s, 1.5s, 2m, 1h'
const DURATION_TEXT = /^(\d+)(?:\.(\d+))?(ms|s|m|h)$/
const UNIT_MILLISECONDS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/**
 * A length of time, held as a whole number of milliseconds.
 *
 * @example
 *   Duration.parse('1.5s').milliseconds // 1500
 *   Duration.parse('120s').toString() // '2m'
 */
export class Duration {
  private constructor(
    /** The length in whole milliseconds. */
    readonly milliseconds: number,
  ) {}

  /**
   * A duration of whole milliseconds, zero or more.
   *
   * @example
   *   Duration.ms(250).toString() // '250ms'
   *   Duration.ms(-1) // throws RangeError
   */
  static ms(milliseconds: number): Duration {
    if (!Number.isSafeInteger(milliseconds) || milliseconds < 0)
      throw new RangeError(`a duration is whole milliseconds ≥ 0, not ${milliseconds}`)
    return new Duration(milliseconds)
  }

  /**
   * Reads a number with a unit: `ms`, `s`, `m` (minutes) or `h`. A fraction is
   * allowed when it comes to whole milliseconds.
   *
   * @example
   *   Duration.parse('2m').milliseconds // 120000
   *   Duration.parse('250') // throws ValueFormatError: give a unit
   */
  static parse(text: string): Duration {
    const match = DURATION_TEXT.exec(text)
    if (!match) throw new ValueFormatError('duration', text, DURATION_ACCEPTED, whyNotDuration(text))
    const unit = UNIT_MILLISECONDS[match[3]!]!
    const fraction = match[2] ?? ''
    // Scale by the fraction's digits first, so 1.5s is 15 × 1000 / 10 with no float in between.
    const scaled = Number(match[1]! + fraction) * unit
    const divisor = 10 ** fraction.length
    if (scaled % divisor !== 0)
      throw new ValueFormatError('duration', text, DURATION_ACCEPTED, 'finer than a millisecond')
    const milliseconds = scaled / divisor
    if (!Number.isSafeInteger(milliseconds) || !Number.isSafeInteger(scaled))
      throw new ValueFormatError('duration', text, DURATION_ACCEPTED, 'too long')
    return new Duration(milliseconds)
  }

  /**
   * The sum of two durations.
   *
   * @example
   *   Duration.parse('1s').plus(Duration.parse('500ms')).toString() // '1.5s'
   */
  plus(other: Duration): Duration {
    return Duration.ms(this.milliseconds + other.milliseconds)
  }

  /**
   * Whether two durations are as long as each other.
   *
   * @example
   *   Duration.parse('2m').equals(Duration.parse('120s')) // true
   */
  equals(other: Duration): boolean {
    return this.milliseconds === other.milliseconds
  }

  /**
   * The duration as a report shows it: whole hours or minutes, else seconds
   * from one second up, else milliseconds.
   *
   * @example
   *   Duration.ms(1500).toString() // '1.5s'
   *   Duration.ms(7_200_000).toString() // '2h'
   */
  toString(): string {
    const ms = this.milliseconds
    if (ms === 0) return '0s'
    if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`
    if (ms % 60_000 === 0) return `${ms / 60_000}m`
    if (ms % 1000 === 0 || ms > 1000) return `${ms / 1000}s`
    return `${ms}ms`
  }
}

function whyNotDuration(text: string): string | undefined {
  if (WHOLE_OR_DECIMAL.test(text)) return `give a unit, e.g. ${text}ms or ${text}s`
  return undefined
}

const WHOLE_OR_DECIMAL = /^\d+(?:\.\d+)?$/
