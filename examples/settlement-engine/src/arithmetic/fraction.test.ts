import { describe, expect, it } from 'vitest'
import { compareFractions, formatFraction, fraction, greatestCommonDivisor, multiplyFractions } from './fraction.ts'

describe('fraction', () => {
  it('reduces to lowest terms', () => {
    expect(fraction(10, 4)).toEqual({ num: 5, den: 2 })
    expect(fraction(7, 7)).toEqual({ num: 1, den: 1 })
  })

  it('refuses anything but positive safe integers', () => {
    expect(() => fraction(0, 1)).toThrow(new RangeError('a fraction is two positive whole numbers below 2^53, not 0/1'))
    expect(() => fraction(1, 0)).toThrow(RangeError)
    expect(() => fraction(1.5, 2)).toThrow(RangeError)
    expect(() => fraction(2 ** 53, 1)).toThrow(RangeError)
  })
})

describe('compareFractions', () => {
  it('orders fractions exactly', () => {
    expect(compareFractions(fraction(2, 9), fraction(1, 4))).toBe(-1)
    expect(compareFractions(fraction(6, 4), fraction(3, 2))).toBe(0)
    expect(compareFractions(fraction(7, 4), fraction(9, 5))).toBe(-1)
    expect(compareFractions(fraction(15, 1), fraction(14, 1))).toBe(1)
  })

  it('stays exact when cross-products pass 2^53', () => {
    const big = Number.MAX_SAFE_INTEGER
    // big/(big-1) and (big-1)/(big-2) differ in the 32nd decimal: floats call them equal.
    expect(compareFractions(fraction(big, big - 1), fraction(big - 1, big - 2))).toBe(-1)
    expect(compareFractions(fraction(big - 1, big - 2), fraction(big, big - 1))).toBe(1)
    expect(compareFractions(fraction(big, 3), fraction(big, 3))).toBe(0)
  })
})

describe('multiplyFractions', () => {
  it('multiplies and reduces', () => {
    expect(multiplyFractions(fraction(5, 2), fraction(1, 5))).toEqual({ num: 1, den: 2 })
    expect(multiplyFractions(fraction(2 ** 40, 3), fraction(3, 2 ** 40))).toEqual({ num: 1, den: 1 })
  })

  it('refuses a product it cannot hold, pointing at Ratio', () => {
    expect(() => multiplyFractions(fraction(2 ** 52, 1), fraction(4, 1))).toThrow(
      new RangeError('4503599627370496 × 4 is too large for a Fraction; multiply Ratios instead'),
    )
  })
})

describe('formatFraction and greatestCommonDivisor', () => {
  it('writes num/den, or a whole number alone', () => {
    expect(formatFraction(fraction(5, 2))).toBe('5/2')
    expect(formatFraction(fraction(6, 2))).toBe('3')
  })

  it('finds the greatest common divisor up to 2^53', () => {
    expect(greatestCommonDivisor(600, 100)).toBe(100)
    expect(greatestCommonDivisor(0, 7)).toBe(7)
    expect(greatestCommonDivisor(2 ** 52, 2 ** 50 * 3)).toBe(2 ** 50)
  })
})
