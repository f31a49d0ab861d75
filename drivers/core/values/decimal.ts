import { ValueFormatError } from './value-format-error.ts'

const DECIMAL_ACCEPTED = '2.5, -0.75, 10'
// No leading zeros: "000" is more likely the tail of "1,000" split as a comma list than a number.
const DECIMAL_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/
const LEADING_ZERO = /^-?0\d/

/**
 * An exact decimal number: an integer count of units and how many of its
 * digits are after the point (`12.50` is 1250 units at scale 2). It keeps the
 * scale it was written with, so `toString()` gives back `12.50`.
 *
 * @example
 *   Decimal.parse('0.1').plus(Decimal.parse('0.2')).toString() // '0.3', exactly
 *   Decimal.parse('12.50').equals(Decimal.parse('12.5')) // true
 */
export class Decimal {
  private constructor(
    /** The digits as an integer: `12.50` has 1250n. */
    readonly units: bigint,
    /** How many of the digits are after the point: `12.50` has 2. */
    readonly scale: number,
  ) {}

  /**
   * The decimal `units × 10^-scale`.
   *
   * @example
   *   Decimal.of(1250n, 2).toString() // '12.50'
   *   Decimal.of(7).toString() // '7'
   */
  static of(units: bigint | number, scale = 0): Decimal {
    if (!Number.isSafeInteger(scale) || scale < 0)
      throw new RangeError(`a decimal's scale is a whole number ≥ 0, not ${scale}`)
    if (typeof units === 'number' && !Number.isSafeInteger(units))
      throw new RangeError(`Decimal.of takes whole units, not ${units}; use Decimal.parse`)
    return new Decimal(BigInt(units), scale)
  }

  /**
   * Reads a decimal written with digits, an optional `-` and an optional point.
   *
   * @example
   *   Decimal.parse('-0.75').scale // 2
   *   Decimal.parse('1e3') // throws ValueFormatError
   */
  static parse(text: string): Decimal {
    if (!DECIMAL_TEXT.test(text)) {
      throw new ValueFormatError('decimal', text, DECIMAL_ACCEPTED, whyNotDecimal(text))
    }
    const point = text.indexOf('.')
    if (point < 0) return new Decimal(BigInt(text), 0)
    return new Decimal(BigInt(text.slice(0, point) + text.slice(point + 1)), text.length - point - 1)
  }

  /**
   * The sum, at the larger of the two scales.
   *
   * @example
   *   Decimal.parse('1.5').plus(Decimal.parse('0.25')).toString() // '1.75'
   */
  plus(other: Decimal): Decimal {
    const scale = Math.max(this.scale, other.scale)
    return new Decimal(this.unitsAt(scale) + other.unitsAt(scale), scale)
  }

  /**
   * The difference, at the larger of the two scales.
   *
   * @example
   *   Decimal.parse('1').minus(Decimal.parse('0.25')).toString() // '0.75'
   */
  minus(other: Decimal): Decimal {
    const scale = Math.max(this.scale, other.scale)
    return new Decimal(this.unitsAt(scale) - other.unitsAt(scale), scale)
  }

  /**
   * The product, at the sum of the two scales.
   *
   * @example
   *   Decimal.parse('1.5').times(Decimal.parse('0.5')).toString() // '0.75'
   */
  times(other: Decimal): Decimal {
    return new Decimal(this.units * other.units, this.scale + other.scale)
  }

  /**
   * Negative, zero or positive as this is less than, equal to or more than the other.
   *
   * @example
   *   Decimal.parse('2.5').compareTo(Decimal.parse('2.50')) // 0
   */
  compareTo(other: Decimal): number {
    const scale = Math.max(this.scale, other.scale)
    const difference = this.unitsAt(scale) - other.unitsAt(scale)
    return difference < 0n ? -1 : difference > 0n ? 1 : 0
  }

  /**
   * Whether the two are the same number, whatever their scales.
   *
   * @example
   *   Decimal.parse('2.50').equals(Decimal.parse('2.5')) // true
   */
  equals(other: Decimal): boolean {
    return this.compareTo(other) === 0
  }

  /**
   * The nearest floating-point number: for display or tolerances, never for sums.
   *
   * @example
   *   Decimal.parse('2.5').toNumber() // 2.5
   */
  toNumber(): number {
    return Number(this.toString())
  }

  /**
   * The decimal as written, with its scale.
   *
   * @example
   *   Decimal.of(-5n, 2).toString() // '-0.05'
   */
  toString(): string {
    const digits = (this.units < 0n ? -this.units : this.units).toString().padStart(this.scale + 1, '0')
    const sign = this.units < 0n ? '-' : ''
    if (this.scale === 0) return sign + digits
    return `${sign}${digits.slice(0, -this.scale)}.${digits.slice(-this.scale)}`
  }

  private unitsAt(scale: number): bigint {
    return this.units * 10n ** BigInt(scale - this.scale)
  }
}

function whyNotDecimal(text: string): string | undefined {
  if (text.includes(',')) return 'write it with a point and no separators'
  if (LEADING_ZERO.test(text)) return 'a leading zero; in a comma list, write thousands without a separator, e.g. 1000'
  return undefined
}
