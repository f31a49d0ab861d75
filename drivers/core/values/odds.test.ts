import { describe, expect, it } from 'vitest'
import { formatErrorOf } from './format-error-of.ts'
import { FractionalOdds, Odds } from './odds.ts'

describe('Odds', () => {
  it.each([
    ['5/2', 5, 2],
    ['10/4', 5, 2],
    ['100/30', 10, 3],
    ['1/1', 1, 1],
    ['evens', 1, 1],
    ['Evs', 1, 1],
    ['2.5', 3, 2],
    ['2.50', 3, 2],
    ['3.0', 2, 1],
    ['1.5', 1, 2],
    ['1.01', 1, 100],
  ])('reads %s as %i/%i', (text, numerator, denominator) => {
    const odds = Odds.parse(text)
    expect(odds).toBeInstanceOf(FractionalOdds)
    expect([(odds as FractionalOdds).numerator, (odds as FractionalOdds).denominator]).toEqual([numerator, denominator])
  })

  it('reads starting price in any case', () => {
    expect(Odds.parse('SP')).toBe(Odds.SP)
    expect(Odds.parse('sp')).toBe(Odds.SP)
    expect(Odds.parse('Starting Price')).toBe(Odds.SP)
    expect(Odds.SP.kind).toBe('starting-price')
  })

  it.each([
    ['5/2', '5/2'],
    ['6/4', '3/2'],
    ['2/2', 'evens'],
    ['2.0', 'evens'],
    ['evs', 'evens'],
    ['SP', 'SP'],
  ])('shows %s as %s', (text, shown) => {
    expect(Odds.parse(text).toString()).toBe(shown)
  })

  it.each([
    [
      '5',
      'invalid odds "5" — a whole number is ambiguous: write 5/1 (fractional) or 5.0 (decimal). Accepted: 5/2, ' +
        'evens, 2.5 (decimal, stake included), SP',
    ],
    [
      '5/0',
      'invalid odds "5/0" — a fraction cannot be over 0. Accepted: 5/2, evens, 2.5 (decimal, stake included), SP',
    ],
    ['0/1', 'invalid odds "0/1" — odds of 0 win nothing. Accepted: 5/2, evens, 2.5 (decimal, stake included), SP'],
    [
      '1.0',
      'invalid odds "1.0" — decimal odds include the stake, so they are more than 1. Accepted: 5/2, evens, 2.5 ' +
        '(decimal, stake included), SP',
    ],
    [
      '0.5',
      'invalid odds "0.5" — decimal odds include the stake, so they are more than 1. Accepted: 5/2, evens, 2.5 ' +
        '(decimal, stake included), SP',
    ],
    ['five to two', 'invalid odds "five to two". Accepted: 5/2, evens, 2.5 (decimal, stake included), SP'],
    [
      '99999999999999999/1',
      'invalid odds "99999999999999999/1" — too large to hold exactly. Accepted: 5/2, evens, 2.5 (decimal, ' +
        'stake included), SP',
    ],
    [
      '1.00000000000000001',
      'invalid odds "1.00000000000000001" — too many digits to hold exactly. Accepted: 5/2, evens, 2.5 ' +
        '(decimal, stake included), SP',
    ],
  ])('rejects %j', (text, message) => {
    const error = formatErrorOf(() => Odds.parse(text))
    expect(error.message).toBe(message)
    expect(error.kind).toBe('odds')
  })

  it('makes reduced fractions from code, and evens as one value', () => {
    expect(Odds.fraction(6, 4).toString()).toBe('3/2')
    expect(Odds.fraction(3, 3)).toBe(Odds.evens)
    expect(() => Odds.fraction(5, 0)).toThrow('odds are a fraction of positive whole numbers, not 5/0')
    expect(() => Odds.fraction(2.5, 1)).toThrow('odds are a fraction of positive whole numbers, not 2.5/1')
    expect(new FractionalOdds(10, 4).toString()).toBe('5/2')
  })

  it('compares by value', () => {
    expect(Odds.parse('10/4').equals(Odds.parse('5/2'))).toBe(true)
    expect(Odds.parse('5/2').equals(Odds.parse('5/1'))).toBe(false)
    expect(Odds.parse('5/2').equals(Odds.SP)).toBe(false)
    expect(Odds.SP.equals(Odds.parse('sp'))).toBe(true)
  })

  describe('on the wire', () => {
    it.each([
      [Odds.fraction(5, 2), '5/2'],
      [Odds.parse('2.5'), '3/2'],
      [Odds.fraction(1, 100), '1/100'],
      [Odds.evens, 'evens'],
      [Odds.SP, 'SP'],
    ])('writes %s as %s, and reads it back', (odds, wire) => {
      expect(odds.toWire()).toBe(wire)
      expect(Odds.fromWire(wire).equals(odds)).toBe(true)
    })

    it('reads any fraction, reduced, and 1/1 as evens', () => {
      expect(Odds.fromWire('10/4').toWire()).toBe('5/2')
      expect(Odds.fromWire('1/1')).toBe(Odds.evens)
      expect(Odds.fromWire('SP')).toBe(Odds.SP)
    })

    it.each([
      ['2.5', 'invalid odds "2.5" — a fraction, evens or SP. Accepted: 5/2, evens, SP'],
      ['evs', 'invalid odds "evs" — a fraction, evens or SP. Accepted: 5/2, evens, SP'],
      ['sp', 'invalid odds "sp" — a fraction, evens or SP. Accepted: 5/2, evens, SP'],
      ['5/0', 'invalid odds "5/0" — a fraction cannot be over 0. Accepted: 5/2, evens, SP'],
      ['0/1', 'invalid odds "0/1" — odds of 0 win nothing. Accepted: 5/2, evens, SP'],
      ['5-2', 'invalid odds "5-2". Accepted: 5/2, evens, SP'],
    ])('refuses %j', (text, message) => {
      const error = formatErrorOf(() => Odds.fromWire(text))
      expect(error.message).toBe(message)
      expect([error.kind, error.text, error.accepted]).toEqual(['odds', text, '5/2, evens, SP'])
    })
  })

  it('tells odds from other values', () => {
    expect(Odds.is(Odds.parse('5/2'))).toBe(true)
    expect(Odds.is(Odds.SP)).toBe(true)
    expect(Odds.is('5/2')).toBe(false)
  })
})
