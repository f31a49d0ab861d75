import { describe, expect, it } from 'vitest'
import { Duration } from './duration.ts'
import { formatErrorOf } from './format-error-of.ts'

describe('Duration', () => {
  it.each([
    ['250ms', 250],
    ['2s', 2000],
    ['1.5s', 1500],
    ['0.25s', 250],
    ['2m', 120_000],
    ['1.5m', 90_000],
    ['1h', 3_600_000],
    ['0ms', 0],
  ])('reads %s as %i ms', (text, milliseconds) => {
    expect(Duration.parse(text).milliseconds).toBe(milliseconds)
  })

  it.each([
    ['250', 'invalid duration "250" — give a unit, e.g. 250ms or 250s. Accepted: 250ms, 2s, 1.5s, 2m, 1h'],
    ['0.0005s', 'invalid duration "0.0005s" — finer than a millisecond. Accepted: 250ms, 2s, 1.5s, 2m, 1h'],
    ['1.5ms', 'invalid duration "1.5ms" — finer than a millisecond. Accepted: 250ms, 2s, 1.5s, 2m, 1h'],
    ['2 seconds', 'invalid duration "2 seconds". Accepted: 250ms, 2s, 1.5s, 2m, 1h'],
    ['-1s', 'invalid duration "-1s". Accepted: 250ms, 2s, 1.5s, 2m, 1h'],
  ])('rejects %j', (text, message) => {
    expect(formatErrorOf(() => Duration.parse(text)).message).toBe(message)
  })

  it.each([
    [0, '0s'],
    [250, '250ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [90_000, '90s'],
    [120_000, '2m'],
    [7_200_000, '2h'],
  ])('shows %i ms as %s', (milliseconds, text) => {
    expect(Duration.ms(milliseconds).toString()).toBe(text)
  })

  it('adds and compares', () => {
    expect(Duration.parse('1s').plus(Duration.parse('500ms')).toString()).toBe('1.5s')
    expect(Duration.parse('2m').equals(Duration.parse('120s'))).toBe(true)
    expect(() => Duration.ms(-1)).toThrow('a duration is whole milliseconds ≥ 0, not -1')
  })
})
