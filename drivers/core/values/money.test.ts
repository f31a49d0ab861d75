import { describe, expect, it } from 'vitest'
import { Money } from './money.ts'
import { formatErrorOf } from './format-error-of.ts'

describe('Money', () => {
  it.each([
    ['£10', 1000],
    ['10', 1000],
    ['10.00', 1000],
    ['£10.50', 1050],
    ['£10.5', 1050],
    ['£0.05', 5],
    ['1050p', 1050],
    ['5p', 5],
    ['-£5', -500],
    ['-1.25', -125],
    ['-0', 0],
    ['£0.50', 50],
    ['0p', 0],
  ])('reads %s as %i pence', (text, pence) => {
    expect(Money.parse(text).pence).toBe(pence)
  })

  it.each([
    ['ten', 'invalid money "ten". Accepted: £10, 10.00, £10.50, 1050p'],
    ['£10.505', 'invalid money "£10.505" — less than a penny. Accepted: £10, 10.00, £10.50, 1050p'],
    ['£1,000', 'invalid money "£1,000" — write it without thousands separators. Accepted: £10, 10.00, £10.50, 1050p'],
    ['10.5p', 'invalid money "10.5p" — pence are whole. Accepted: £10, 10.00, £10.50, 1050p'],
    ['$10', 'invalid money "$10" — money is in pounds sterling. Accepted: £10, 10.00, £10.50, 1050p'],
    [
      '000',
      'invalid money "000" — a leading zero; in a comma list, write thousands without a separator, e.g. £1000. ' +
        'Accepted: £10, 10.00, £10.50, 1050p',
    ],
    [
      '£05.00',
      'invalid money "£05.00" — a leading zero; in a comma list, write thousands without a separator, e.g. ' +
        '£1000. Accepted: £10, 10.00, £10.50, 1050p',
    ],
    [
      '£99999999999999999',
      'invalid money "£99999999999999999" — too large to count in pence exactly. Accepted: £10, 10.00, £10.50, 1050p',
    ],
    ['', 'invalid money "". Accepted: £10, 10.00, £10.50, 1050p'],
  ])('rejects %j', (text, message) => {
    const error = formatErrorOf(() => Money.parse(text))
    expect(error.message).toBe(message)
    expect([error.kind, error.text, error.accepted]).toEqual(['money', text, '£10, 10.00, £10.50, 1050p'])
  })

  it.each([
    [0, '£0.00'],
    [5, '£0.05'],
    [50, '£0.50'],
    [1050, '£10.50'],
    [123456789, '£1234567.89'],
    [-1050, '-£10.50'],
  ])('shows %i pence as %s', (pence, text) => {
    expect(Money.pence(pence).toString()).toBe(text)
  })

  it('adds, subtracts and multiplies exactly, in pence', () => {
    const tenPence = Money.parse('£0.10')
    const twentyPence = Money.parse('£0.20')
    expect(tenPence.plus(twentyPence).pence).toBe(30)
    expect(Money.parse('£10').minus(Money.parse('£12')).toString()).toBe('-£2.00')
    expect(Money.parse('£2.50').times(4).toString()).toBe('£10.00')
    expect(Money.pounds(10).pence).toBe(1000)
    expect(Money.zero.toString()).toBe('£0.00')
  })

  it('compares by amount', () => {
    expect(Money.parse('£10').equals(Money.parse('1000p'))).toBe(true)
    expect(Money.parse('£10').equals(Money.parse('£10.01'))).toBe(false)
    expect([Money.parse('£5'), Money.parse('£1')].sort((a, b) => a.compareTo(b)).map(String)).toEqual([
      '£1.00',
      '£5.00',
    ])
  })

  describe('on the wire', () => {
    it.each([
      [0, '0.00'],
      [5, '0.05'],
      [50, '0.50'],
      [1050, '10.50'],
      [123456789, '1234567.89'],
      [-5, '-0.05'],
      [-1050, '-10.50'],
    ])('writes %i pence as %s, and reads it back', (pence, wire) => {
      expect(Money.pence(pence).toWire()).toBe(wire)
      expect(Money.fromWire(wire).pence).toBe(pence)
    })

    it('reads -0.00 as no money', () => {
      expect(Object.is(Money.fromWire('-0.00').pence, 0)).toBe(true)
    })

    it.each([
      ['£10.50', 'invalid money "£10.50" — pounds with two decimals and no £. Accepted: 10.50, 0.05, -5.00'],
      ['10', 'invalid money "10" — pounds with two decimals and no £. Accepted: 10.50, 0.05, -5.00'],
      ['10.5', 'invalid money "10.5" — pounds with two decimals and no £. Accepted: 10.50, 0.05, -5.00'],
      ['1050p', 'invalid money "1050p" — pounds with two decimals and no £. Accepted: 10.50, 0.05, -5.00'],
      ['$10.50', 'invalid money "$10.50" — money is in pounds sterling. Accepted: 10.50, 0.05, -5.00'],
      [
        '99999999999999999.00',
        'invalid money "99999999999999999.00" — too large to count in pence exactly. Accepted: 10.50, 0.05, -5.00',
      ],
      ['lots', 'invalid money "lots". Accepted: 10.50, 0.05, -5.00'],
    ])('refuses %j', (text, message) => {
      const error = formatErrorOf(() => Money.fromWire(text))
      expect(error.message).toBe(message)
      expect([error.kind, error.text, error.accepted]).toEqual(['money', text, '10.50, 0.05, -5.00'])
    })
  })

  it('refuses fractions of a penny from code', () => {
    expect(() => Money.pence(10.5)).toThrow('money is a whole number of pence, not 10.5')
    expect(() => Money.pounds(1.5)).toThrow('Money.pounds takes whole pounds, not 1.5; use Money.pence or Money.parse')
    expect(() => Money.parse('£1').times(1.5)).toThrow('Money.times takes a whole number, not 1.5')
  })
})
