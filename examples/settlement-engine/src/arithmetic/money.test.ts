import { describe, expect, it } from 'vitest'
import { InvalidValueError } from './invalid-value-error.ts'
import { displayMoney, formatMoney, parseMoney } from './money.ts'

describe('parseMoney', () => {
  it.each([
    ['10', 1000],
    ['10.00', 1000],
    ['£10.50', 1050],
    ['10.5', 1050],
    ['0.01', 1],
    ['£0.50', 50],
    ['1000000', 100_000_000],
  ])('reads %s as %i pence', (text, pence) => {
    expect(parseMoney(text)).toBe(pence)
  })

  it.each([
    ['10.505', '"10.505" is not money: more than two decimal places; the smallest amount is 1p'],
    ['-5', '"-5" is not money: a negative amount; a stake is more than 0'],
    ['-£5', '"-£5" is not money: a negative amount; a stake is more than 0'],
    ['0', '"0" is not money: zero; the smallest stake is 1p, i.e. 0.01'],
    ['0.00', '"0.00" is not money: zero; the smallest stake is 1p, i.e. 0.01'],
    ['ten', '"ten" is not money: not an amount; write pounds, e.g. 10, 10.50 or £10.50'],
    ['1,000', '"1,000" is not money: no thousands separators; write 1000'],
    ['£1,000.50', '"£1,000.50" is not money: no thousands separators; write 1000.50'],
    ['010', '"010" is not money: a leading zero; write 10'],
    ['50p', '"50p" is not money: pence are not taken here; write pounds, e.g. 10, 10.50 or £10.50'],
    [' 10', '" 10" is not money: spaces around the amount; write pounds, e.g. 10, 10.50 or £10.50'],
    ['', '"" is not money: not an amount; write pounds, e.g. 10, 10.50 or £10.50'],
    ['99999999999999999', '"99999999999999999" is not money: too large to count in pence exactly'],
  ])('refuses %j, saying why', (text, message) => {
    expect(() => parseMoney(text)).toThrow(message)
  })

  it('carries the reason and the text for the caller’s 400', () => {
    const error = catchError(() => parseMoney('10.505'))
    expect(error).toBeInstanceOf(InvalidValueError)
    expect(error).toMatchObject({
      name: 'InvalidValueError',
      kind: 'money',
      text: '10.505',
      reason: 'more than two decimal places; the smallest amount is 1p',
    })
  })
})

describe('formatMoney and displayMoney', () => {
  it.each([
    [1050, '10.50', '£10.50'],
    [1000, '10.00', '£10.00'],
    [5, '0.05', '£0.05'],
    [0, '0.00', '£0.00'],
    [-250, '-2.50', '-£2.50'],
    [123456789, '1234567.89', '£1234567.89'],
  ])('writes %i pence as %s and %s', (pence, api, people) => {
    expect(formatMoney(pence)).toBe(api)
    expect(displayMoney(pence)).toBe(people)
  })

  it('reads back what it writes', () => {
    expect(parseMoney(displayMoney(1234567))).toBe(1234567)
  })

  it('refuses fractions of a penny', () => {
    expect(() => formatMoney(10.5)).toThrow(new RangeError('money is a whole number of pence, not 10.5'))
  })
})

function catchError(action: () => unknown): unknown {
  try {
    action()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}
