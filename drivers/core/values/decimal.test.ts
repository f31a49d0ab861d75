import { describe, expect, it } from 'vitest'
import { Decimal } from './decimal.ts'
import { formatErrorOf } from './format-error-of.ts'

describe('Decimal', () => {
  it.each([
    ['12.50', 1250n, 2, '12.50'],
    ['-0.75', -75n, 2, '-0.75'],
    ['10', 10n, 0, '10'],
    ['0.05', 5n, 2, '0.05'],
    ['-0.05', -5n, 2, '-0.05'],
    ['123456789012345678901234.5', 1234567890123456789012345n, 1, '123456789012345678901234.5'],
  ])('reads %s exactly and shows it as written', (text, units, scale, shown) => {
    const decimal = Decimal.parse(text)
    expect([decimal.units, decimal.scale]).toEqual([units, scale])
    expect(decimal.toString()).toBe(shown)
  })

  it.each([
    ['1e3', 'invalid decimal "1e3". Accepted: 2.5, -0.75, 10'],
    ['.5', 'invalid decimal ".5". Accepted: 2.5, -0.75, 10'],
    ['1,5', 'invalid decimal "1,5" — write it with a point and no separators. Accepted: 2.5, -0.75, 10'],
    ['', 'invalid decimal "". Accepted: 2.5, -0.75, 10'],
    [
      '000',
      'invalid decimal "000" — a leading zero; in a comma list, write thousands without a separator, e.g. ' +
        '1000. Accepted: 2.5, -0.75, 10',
    ],
  ])('rejects %j', (text, message) => {
    expect(formatErrorOf(() => Decimal.parse(text)).message).toBe(message)
  })

  it('adds, subtracts and multiplies with no rounding', () => {
    expect(Decimal.parse('0.1').plus(Decimal.parse('0.2')).toString()).toBe('0.3')
    expect(Decimal.parse('1').minus(Decimal.parse('0.25')).toString()).toBe('0.75')
    expect(Decimal.parse('1.5').times(Decimal.parse('0.5')).toString()).toBe('0.75')
    expect(Decimal.of(1250n, 2).toString()).toBe('12.50')
    expect(Decimal.of(7).toString()).toBe('7')
  })

  it('compares by number, whatever the scale', () => {
    expect(Decimal.parse('12.50').equals(Decimal.parse('12.5'))).toBe(true)
    expect(Decimal.parse('-1').compareTo(Decimal.parse('0.5'))).toBe(-1)
    expect(Decimal.parse('2').compareTo(Decimal.parse('1.99'))).toBe(1)
    expect(Decimal.parse('2.5').toNumber()).toBe(2.5)
  })

  it('refuses what is not exact from code', () => {
    expect(() => Decimal.of(1.5)).toThrow('Decimal.of takes whole units, not 1.5; use Decimal.parse')
    expect(() => Decimal.of(1n, -1)).toThrow("a decimal's scale is a whole number ≥ 0, not -1")
  })
})
