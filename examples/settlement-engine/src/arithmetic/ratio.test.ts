import { describe, expect, it } from 'vitest'
import { Ratio } from './ratio.ts'

describe('Ratio', () => {
  it('multiplies, adds and reduces exactly', () => {
    expect(
      Ratio.of(1000)
        .times(Ratio.of({ num: 7, den: 2 }))
        .toString(),
    ).toBe('3500')
    expect(
      Ratio.of({ num: 1, den: 3 })
        .plus(Ratio.of({ num: 1, den: 6 }))
        .toString(),
    ).toBe('1/2')
    expect(Ratio.reduced(10n, 4n)).toEqual(Ratio.of({ num: 5, den: 2 }))
  })

  it('rounds down', () => {
    expect(Ratio.of({ num: 7, den: 2 }).floor()).toBe(3n)
    expect(Ratio.of({ num: 6, den: 2 }).floor()).toBe(3n)
    expect(Ratio.zero.floor()).toBe(0n)
  })

  it('holds products far past 2^53', () => {
    const product = Ratio.of(Number.MAX_SAFE_INTEGER).times(Ratio.of(Number.MAX_SAFE_INTEGER))
    expect(product.floor()).toBe(BigInt(Number.MAX_SAFE_INTEGER) ** 2n)
    expect(product.times(Ratio.of({ num: 1, den: Number.MAX_SAFE_INTEGER })).toString()).toBe(
      String(Number.MAX_SAFE_INTEGER),
    )
  })

  it('knows zero', () => {
    expect(Ratio.zero.isZero()).toBe(true)
    expect(Ratio.of(0).times(Ratio.of(5)).isZero()).toBe(true)
    expect(Ratio.of(1).isZero()).toBe(false)
  })

  it('refuses negatives and fractions of a whole number', () => {
    expect(() => Ratio.of(-1)).toThrow(new RangeError('Ratio.of takes a non-negative whole number, not -1'))
    expect(() => Ratio.of(0.5)).toThrow(RangeError)
    expect(() => Ratio.reduced(1n, 0n)).toThrow(new RangeError('a Ratio is non-negative over positive, not 1/0'))
  })
})
