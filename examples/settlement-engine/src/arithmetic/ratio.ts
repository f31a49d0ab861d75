import type { Fraction } from './fraction.ts'

/**
 * An exact non-negative rational of bigints, for sums and products that may
 * outgrow 2^53: a long accumulator's returns, a breakdown's exact figures.
 * Immutable and kept in lowest terms; slower than plain numbers, so settlement
 * uses it only off its fast path.
 *
 * @example
 *   Ratio.of(1000).times(Ratio.of({ num: 7, den: 2 })).toString() // '3500'
 *   Ratio.of({ num: 1, den: 3 }).plus(Ratio.of({ num: 1, den: 6 })).toString() // '1/2'
 */
export class Ratio {
  private constructor(
    /** The numerator, in lowest terms; 0n for zero. */
    readonly num: bigint,
    /** The denominator, in lowest terms; positive. */
    readonly den: bigint,
  ) {}

  /** Zero: a lost part's return. */
  static readonly zero = new Ratio(0n, 1n)

  /**
   * A non-negative safe integer, or a Fraction, as a Ratio.
   *
   * @example
   *   Ratio.of(3).toString() // '3'
   *   Ratio.of({ num: 5, den: 2 }).toString() // '5/2'
   */
  static of(value: number | Fraction): Ratio {
    if (typeof value === 'number') {
      if (!(Number.isSafeInteger(value) && value >= 0))
        throw new RangeError(`Ratio.of takes a non-negative whole number, not ${value}`)
      return new Ratio(BigInt(value), 1n)
    }
    return Ratio.reduced(BigInt(value.num), BigInt(value.den))
  }

  /**
   * `num/den`, reduced; `num` non-negative, `den` positive.
   *
   * @example
   *   Ratio.reduced(10n, 4n).toString() // '5/2'
   */
  static reduced(num: bigint, den: bigint): Ratio {
    if (num < 0n || den <= 0n) throw new RangeError(`a Ratio is non-negative over positive, not ${num}/${den}`)
    const divisor = bigGreatestCommonDivisor(num, den)
    return new Ratio(num / divisor, den / divisor)
  }

  /**
   * This times another.
   *
   * @example
   *   Ratio.of(2).times(Ratio.of({ num: 3, den: 4 })).toString() // '3/2'
   */
  times(other: Ratio): Ratio {
    return Ratio.reduced(this.num * other.num, this.den * other.den)
  }

  /**
   * This plus another.
   *
   * @example
   *   Ratio.of({ num: 1, den: 2 }).plus(Ratio.of(1)).toString() // '3/2'
   */
  plus(other: Ratio): Ratio {
    return Ratio.reduced(this.num * other.den + other.num * this.den, this.den * other.den)
  }

  /**
   * The largest whole number not above this: money is rounded down to the penny.
   *
   * @example
   *   Ratio.of({ num: 7, den: 2 }).floor() // 3n
   */
  floor(): bigint {
    return this.num / this.den
  }

  /**
   * Whether this is zero.
   *
   * @example
   *   Ratio.zero.isZero() // true
   */
  isZero(): boolean {
    return this.num === 0n
  }

  /**
   * `num/den`, or just `num` for a whole number: what a breakdown shows.
   *
   * @example
   *   `${Ratio.of({ num: 35000, den: 3 })}` // '35000/3'
   */
  toString(): string {
    return this.den === 1n ? String(this.num) : `${this.num}/${this.den}`
  }
}

function bigGreatestCommonDivisor(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const rest = a % b
    a = b
    b = rest
  }
  return a === 0n ? 1n : a
}
