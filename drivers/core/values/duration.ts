import { ValueFormatError } from './value-format-error.ts'

const DURATION_ACCEPTED = '250ms, 2s, 1.5s, 2m, 1h'
const DURATION_TEXT = /^(\d+)(?:\.(\d+))?(ms|s|m|h)$/
const UNIT_MILLISECONDS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }
const WIRE_ACCEPTED = 'PT1.5S, PT2M, PT1H30M, P1D (ISO 8601)'
// Groups: days, hours, minutes, seconds, the seconds' fraction. ISO 8601 days are taken as 24 hours.
const WIRE = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?)?$/
const WIRE_UNITS_MILLISECONDS = [86_400_000, 3_600_000, 60_000, 1000] as const

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
   * Reads an ISO 8601 duration, as `toWire()` writes it and JSON carries one:
   * `PT1.5S`, `PT2M`, `PT1H30M`, `P1D` (24 hours). Years, months and weeks
   * have no fixed length and are refused.
   *
   * @example
   *   Duration.fromWire('PT1M30S').milliseconds // 90000
   *   Duration.fromWire('1.5s') // throws ValueFormatError: ISO 8601, e.g. PT1.5S
   */
  static fromWire(text: string): Duration {
    const match = WIRE.exec(text)
    if (!match || text === 'P' || text.endsWith('T'))
      throw new ValueFormatError('duration', text, WIRE_ACCEPTED, whyNotWire(text))
    const fraction = match[5] ?? ''
    if (fraction.length > 3) throw new ValueFormatError('duration', text, WIRE_ACCEPTED, 'finer than a millisecond')
    const wholeUnits = WIRE_UNITS_MILLISECONDS.reduce((sum, unit, i) => sum + Number(match[i + 1] ?? 0) * unit, 0)
    const milliseconds = wholeUnits + Number(fraction.padEnd(3, '0'))
    if (!Number.isSafeInteger(milliseconds)) throw new ValueFormatError('duration', text, WIRE_ACCEPTED, 'too long')
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

  /**
   * The duration in ISO 8601, as JSON carries one: hours, minutes and seconds
   * (never days, whose length a calendar may change), the seconds to the
   * millisecond. Exact: made from the whole milliseconds, never a float.
   *
   * @example
   *   Duration.parse('90m').toWire() // 'PT1H30M'
   *   Duration.ms(1500).toWire() // 'PT1.5S'
   */
  toWire(): string {
    const ms = this.milliseconds
    if (ms === 0) return 'PT0S'
    const hours = Math.floor(ms / 3_600_000)
    const minutes = Math.floor((ms % 3_600_000) / 60_000)
    const seconds = Math.floor((ms % 60_000) / 1000)
    const fraction = String(ms % 1000)
      .padStart(3, '0')
      .replace(/0+$/, '')
    return (
      'PT' +
      (hours > 0 ? `${hours}H` : '') +
      (minutes > 0 ? `${minutes}M` : '') +
      (seconds > 0 || fraction !== '' ? `${seconds}${fraction === '' ? '' : `.${fraction}`}S` : '')
    )
  }
}

function whyNotDuration(text: string): string | undefined {
  if (WHOLE_OR_DECIMAL.test(text)) return `give a unit, e.g. ${text}ms or ${text}s`
  return undefined
}

const WHOLE_OR_DECIMAL = /^\d+(?:\.\d+)?$/

function whyNotWire(text: string): string | undefined {
  if (DURATION_TEXT.test(text) || WHOLE_OR_DECIMAL.test(text)) return 'ISO 8601, e.g. PT1.5S'
  if (/^P.*[YW]/.test(text) || /^P[^T]*\d+M/.test(text)) return 'years, months and weeks have no fixed length'
  if (text.startsWith('-')) return 'a duration is not negative'
  return undefined
}
