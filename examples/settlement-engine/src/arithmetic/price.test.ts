import { describe, expect, it } from 'vitest'
import { InvalidValueError } from './invalid-value-error.ts'
import { formatPrice, parseOdds, parsePrice } from './price.ts'

describe('parsePrice', () => {
  it.each([
    ['5/1', { num: 5, den: 1 }],
    ['6/4', { num: 3, den: 2 }],
    ['100/30', { num: 10, den: 3 }],
    ['evens', { num: 1, den: 1 }],
    ['Evs', { num: 1, den: 1 }],
    ['2.25', { num: 5, den: 4 }],
    ['2.0', { num: 1, den: 1 }],
    ['1.5', { num: 1, den: 2 }],
    ['11.00', { num: 10, den: 1 }],
  ])('reads %s', (text, odds) => {
    expect(parsePrice(text)).toEqual(odds)
  })

  it('reads SP in any case', () => {
    expect(parsePrice('SP')).toBe('SP')
    expect(parsePrice('sp')).toBe('SP')
  })

  it.each([
    ['0/1', '"0/1" is not a price: odds of 0 win nothing'],
    ['5/0', '"5/0" is not a price: a fraction cannot be over 0'],
    ['5-1', '"5-1" is not a price: write fractional odds with a slash, e.g. 5/1'],
    [
      'abc',
      '"abc" is not a price: write fractional odds (5/1), evens, or decimal odds with the stake included (2.25), or SP',
    ],
    ['1.0', '"1.0" is not a price: decimal odds include the stake, so they are more than 1'],
    ['0.5', '"0.5" is not a price: decimal odds include the stake, so they are more than 1'],
    ['5', '"5" is not a price: a whole number is ambiguous; write 5/1 (fractional) or 5.0 (decimal)'],
    ['-5/1', '"-5/1" is not a price: odds are positive'],
    ['99999999999999999/1', '"99999999999999999/1" is not a price: too large to hold exactly'],
    ['1.00000000000000001', '"1.00000000000000001" is not a price: too many digits to hold exactly'],
  ])('refuses %j, saying why', (text, message) => {
    expect(() => parsePrice(text)).toThrow(message)
  })

  it('carries the reason for the caller’s 400', () => {
    expect(() => parsePrice('5-1')).toThrow(InvalidValueError)
    try {
      parsePrice('5-1')
    } catch (error) {
      expect(error).toMatchObject({
        kind: 'a price',
        text: '5-1',
        reason: 'write fractional odds with a slash, e.g. 5/1',
      })
    }
  })
})

describe('parseOdds', () => {
  it('reads fixed odds the same way', () => {
    expect(parseOdds('3/1')).toEqual({ num: 3, den: 1 })
    expect(parseOdds('evs')).toEqual({ num: 1, den: 1 })
  })

  it('refuses SP, where a price must be known', () => {
    expect(() => parseOdds('SP')).toThrow('"SP" is not odds: SP is not known here; give the odds, e.g. 5/1')
    expect(() => parseOdds('x')).toThrow(
      '"x" is not odds: write fractional odds (5/1), evens, or decimal odds with the stake included (2.25)',
    )
  })
})

describe('formatPrice', () => {
  it.each([
    [{ num: 5, den: 1 }, '5/1'],
    [{ num: 1, den: 1 }, 'evens'],
    [{ num: 3, den: 2 }, '3/2'],
    ['SP' as const, 'SP'],
  ])('writes %j as %s', (price, text) => {
    expect(formatPrice(price)).toBe(text)
  })

  it('reads back what it writes', () => {
    for (const text of ['5/1', 'evens', '11/4', 'SP']) expect(formatPrice(parsePrice(text))).toBe(text)
  })
})
