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

  describe('on the wire', () => {
    it.each([
      [0, 'PT0S'],
      [1, 'PT0.001S'],
      [250, 'PT0.25S'],
      [1500, 'PT1.5S'],
      [60_000, 'PT1M'],
      [90_000, 'PT1M30S'],
      [5_400_000, 'PT1H30M'],
      [7_200_000, 'PT2H'],
      [90_061_001, 'PT25H1M1.001S'],
    ])('writes %i ms as %s, and reads it back', (milliseconds, wire) => {
      expect(Duration.ms(milliseconds).toWire()).toBe(wire)
      expect(Duration.fromWire(wire).milliseconds).toBe(milliseconds)
    })

    it.each([
      ['P1D', 86_400_000],
      ['P1DT1H', 90_000_000],
      ['PT90S', 90_000],
      ['PT1.50S', 1500],
      ['PT0.5S', 500],
    ])('reads %s as %i ms', (wire, milliseconds) => {
      expect(Duration.fromWire(wire).milliseconds).toBe(milliseconds)
    })

    it.each([
      ['1.5s', 'invalid duration "1.5s" — ISO 8601, e.g. PT1.5S. Accepted: PT1.5S, PT2M, PT1H30M, P1D (ISO 8601)'],
      ['90', 'invalid duration "90" — ISO 8601, e.g. PT1.5S. Accepted: PT1.5S, PT2M, PT1H30M, P1D (ISO 8601)'],
      [
        'P1M',
        'invalid duration "P1M" — years, months and weeks have no fixed length. ' +
          'Accepted: PT1.5S, PT2M, PT1H30M, P1D (ISO 8601)',
      ],
      [
        'P2W',
        'invalid duration "P2W" — years, months and weeks have no fixed length. ' +
          'Accepted: PT1.5S, PT2M, PT1H30M, P1D (ISO 8601)',
      ],
      [
        'PT0.0005S',
        'invalid duration "PT0.0005S" — finer than a millisecond. Accepted: PT1.5S, PT2M, PT1H30M, P1D (ISO 8601)',
      ],
      [
        '-PT1S',
        'invalid duration "-PT1S" — a duration is not negative. Accepted: PT1.5S, PT2M, PT1H30M, P1D (ISO 8601)',
      ],
      ['PT', 'invalid duration "PT". Accepted: PT1.5S, PT2M, PT1H30M, P1D (ISO 8601)'],
      ['P', 'invalid duration "P". Accepted: PT1.5S, PT2M, PT1H30M, P1D (ISO 8601)'],
      ['PT1.5M', 'invalid duration "PT1.5M". Accepted: PT1.5S, PT2M, PT1H30M, P1D (ISO 8601)'],
    ])('refuses %j', (text, message) => {
      expect(formatErrorOf(() => Duration.fromWire(text)).message).toBe(message)
    })
  })

  it('adds and compares', () => {
    expect(Duration.parse('1s').plus(Duration.parse('500ms')).toString()).toBe('1.5s')
    expect(Duration.parse('2m').equals(Duration.parse('120s'))).toBe(true)
    expect(() => Duration.ms(-1)).toThrow('a duration is whole milliseconds ≥ 0, not -1')
  })
})
