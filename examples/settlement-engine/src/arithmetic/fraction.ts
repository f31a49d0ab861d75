/**
 * A positive fraction in lowest terms, numerator and denominator both safe
 * integers: odds (5/2), a place fraction (1/5), a dead-heat share (2/3).
 * Plain data, so it crosses the log and the API unchanged.
 */
export interface Fraction {
  readonly num: number
  readonly den: number
}

/**
 * The fraction `num/den` in lowest terms; both must be positive safe integers.
 *
 * @example
 *   fraction(10, 4) // { num: 5, den: 2 }
 *   fraction(0, 1) // throws RangeError
 */
export function fraction(num: number, den: number): Fraction {
  if (!(isPositiveSafeInteger(num) && isPositiveSafeInteger(den))) {
    throw new RangeError(`a fraction is two positive whole numbers below 2^53, not ${num}/${den}`)
  }
  const divisor = greatestCommonDivisor(num, den)
  return { num: num / divisor, den: den / divisor }
}

/** The fraction 1/1: evens, or a void leg's factor. */
export const ONE: Fraction = Object.freeze({ num: 1, den: 1 })

/**
 * Compares two fractions exactly: negative when `a < b`, 0 when equal, positive when `a > b`.
 * Cross-products that would pass 2^53 are compared as bigints.
 *
 * @example
 *   compareFractions(fraction(2, 9), fraction(1, 4)) // -1
 *   compareFractions(fraction(6, 4), fraction(3, 2)) // 0
 */
export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.num * b.den
  const right = b.num * a.den
  if (left <= Number.MAX_SAFE_INTEGER && right <= Number.MAX_SAFE_INTEGER) return Math.sign(left - right)
  const exact = BigInt(a.num) * BigInt(b.den) - BigInt(b.num) * BigInt(a.den)
  return exact === 0n ? 0 : exact < 0n ? -1 : 1
}

/**
 * The product of two fractions, in lowest terms.
 *
 * @example
 *   multiplyFractions(fraction(5, 2), fraction(1, 5)) // { num: 1, den: 2 }
 *   multiplyFractions(fraction(2 ** 52, 1), fraction(4, 1)) // throws RangeError: use a Ratio
 */
export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  // Cross-reducing first keeps the products as small as the result allows.
  const g1 = greatestCommonDivisor(a.num, b.den)
  const g2 = greatestCommonDivisor(b.num, a.den)
  const num = (a.num / g1) * (b.num / g2)
  const den = (a.den / g2) * (b.den / g1)
  if (num > Number.MAX_SAFE_INTEGER || den > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(
      `${formatFraction(a)} × ${formatFraction(b)} is too large for a Fraction; multiply Ratios instead`,
    )
  }
  return { num, den }
}

/**
 * The fraction as text: `5/2`, or `3` when the denominator is 1.
 *
 * @example
 *   formatFraction(fraction(5, 2)) // '5/2'
 *   formatFraction(fraction(6, 2)) // '3'
 */
export function formatFraction(f: Fraction): string {
  return f.den === 1 ? String(f.num) : `${f.num}/${f.den}`
}

/**
 * The greatest common divisor of two non-negative safe integers (Euclid).
 * `%` on doubles is exact, so this holds up to 2^53.
 *
 * @example
 *   greatestCommonDivisor(600, 100) // 100
 *   greatestCommonDivisor(0, 7) // 7
 */
export function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) {
    const rest = a % b
    a = b
    b = rest
  }
  return a
}

function isPositiveSafeInteger(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0
}
