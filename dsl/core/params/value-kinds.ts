import { Decimal } from '../../../drivers/core/values/decimal.ts'
import { Duration } from '../../../drivers/core/values/duration.ts'
import { Money } from '../../../drivers/core/values/money.ts'
import { Odds } from '../../../drivers/core/values/odds.ts'
import { ValueFormatError } from '../../../drivers/core/values/value-format-error.ts'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../../drivers/core/nearest.ts'
import type { ValueKind } from './param.ts'

// No leading zeros: "000" is more likely the tail of "1,000" split as a comma list than a number.
const INTEGER = /^[-+]?(?:0|[1-9]\d*)$/
const LEADING_ZERO = /^[-+]?0\d/
const DECIMAL_NUMBER = /^[-+]?\d*\.\d+$/

/**
 * Any text, as written.
 *
 * @example
 *   textKind.read('Red Rum') // 'Red Rum'
 *   textKind.accept(42) // undefined: only text will do
 */
export const textKind: ValueKind<string> = {
  name: 'text',
  accepted: 'any text',
  expected: 'text',
  typed: undefined,
  read: (text) => text,
  accept: () => undefined,
}

/**
 * A spec's name for something the system knows under another name; the
 * parameter aliases it once the whole call has been checked.
 *
 * @example
 *   nameKind.read('Alice') // 'Alice', aliased later
 *   nameKind.expected // 'a name, e.g. Alice'
 */
export const nameKind: ValueKind<string> = {
  name: 'name',
  accepted: 'any name, e.g. Alice',
  expected: 'a name, e.g. Alice',
  typed: undefined,
  read: (text) => text,
  accept: () => undefined,
}

const INTEGER_ACCEPTED = '3, 0, -2'

/**
 * A whole number within JavaScript's safe range.
 *
 * @example
 *   integerKind.read('-3') // -3
 *   integerKind.accept(2.5) // undefined
 */
export const integerKind: ValueKind<number> = {
  name: 'integer',
  accepted: INTEGER_ACCEPTED,
  expected: 'an integer, e.g. 3, 0, -2',
  typed: 'a whole number',
  read(text) {
    const value = INTEGER.test(text) ? Number(text) : undefined
    if (value !== undefined && Number.isSafeInteger(value)) return value === 0 ? 0 : value // no -0
    const reason =
      value !== undefined
        ? 'too large to hold exactly'
        : DECIMAL_NUMBER.test(text)
          ? 'not a whole number'
          : LEADING_ZERO.test(text)
            ? 'a leading zero; in a comma list, write thousands without a separator, e.g. 1000'
            : undefined
    throw new ValueFormatError('integer', text, INTEGER_ACCEPTED, reason)
  },
  accept: (value) => (Number.isSafeInteger(value) ? (value as number) : undefined),
}

/**
 * A whole number within `min` and `max` (each optional): its examples and
 * messages keep to the range (a stock count says `e.g. 3, 0`, never `-2`), and
 * a value outside it is refused with the bound it broke. With neither bound, `integerKind`.
 *
 * @example
 *   integerWithin({ min: 0 }).expected // 'an integer, 0 or more, e.g. 3, 0'
 *   integerWithin({ min: 1, max: 6 }).read('7') // throws ValueFormatError: invalid integer "7" — more than 6. …
 */
export function integerWithin(bounds: { min?: number; max?: number }): ValueKind<number> {
  const { min, max } = bounds
  if (min === undefined && max === undefined) return integerKind
  for (const [name, bound] of [['min', min] as const, ['max', max] as const])
    if (bound !== undefined && !Number.isSafeInteger(bound))
      throw new ConfigurationError(`integer: ${name} is ${String(bound)}; give a whole number, e.g. { ${name}: 0 }`)
  if (min !== undefined && max !== undefined && min > max)
    throw new ConfigurationError(`integer: min ${min} is more than max ${max}; no value could be given`)
  const within = (value: number): boolean => (min === undefined || value >= min) && (max === undefined || value <= max)
  const examples = [...new Set([3, 0, -2, min, max].filter((n): n is number => n !== undefined && within(n)))]
  const range =
    min !== undefined && max !== undefined
      ? `${min} to ${max}`
      : min !== undefined
        ? `${min} or more`
        : `${max} or less`
  const accepted = `${examples.slice(0, 3).join(', ')} (${range})`
  const outside = (value: number): string =>
    min !== undefined && value < min ? `less than ${min}` : `more than ${max}`
  return {
    name: 'integer',
    accepted,
    expected: `an integer, ${range}, e.g. ${examples.slice(0, 3).join(', ')}`,
    typed: `a whole number, ${range}`,
    read(text) {
      let value: number
      try {
        value = integerKind.read(text)
      } catch (error) {
        if (!(error instanceof ValueFormatError)) throw error
        throw new ValueFormatError('integer', text, accepted, error.reason)
      }
      if (!within(value)) throw new ValueFormatError('integer', text, accepted, outside(value))
      return value
    },
    accept: (value) => {
      const whole = integerKind.accept(value)
      return whole !== undefined && within(whole) ? whole : undefined
    },
  }
}

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
])
const BOOLEAN_NAMES = [...BOOLEAN_WORDS.keys()]
const BOOLEAN_ACCEPTED = BOOLEAN_NAMES.join(', ')

/**
 * Yes or no: `true`, `false`, `yes`, `no`, in any case.
 *
 * @example
 *   booleanKind.read('Yes') // true
 *   booleanKind.read('ye') // throws ValueFormatError: did you mean "yes"?
 */
export const booleanKind: ValueKind<boolean> = {
  name: 'boolean',
  accepted: BOOLEAN_ACCEPTED,
  expected: 'true, false, yes or no',
  typed: 'true or false',
  read(text) {
    const value = BOOLEAN_WORDS.get(text) ?? BOOLEAN_WORDS.get(text.toLowerCase())
    if (value !== undefined) return value
    throw new ValueFormatError('boolean', text, BOOLEAN_ACCEPTED, undefined, nearest(text, BOOLEAN_NAMES))
  },
  accept: (value) => (typeof value === 'boolean' ? value : undefined),
}

/**
 * An exact decimal number.
 *
 * @example
 *   decimalKind.read('2.50').toString() // '2.50'
 *   decimalKind.accept(2.5) // undefined: a float is not exact
 */
export const decimalKind: ValueKind<Decimal> = {
  name: 'decimal',
  accepted: '2.5, -0.75, 10',
  expected: 'a decimal, e.g. 2.5, -0.75, 10',
  typed: 'a Decimal',
  read: (text) => Decimal.parse(text),
  accept: (value) => (value instanceof Decimal ? value : undefined),
}

/**
 * Money, in whole pence.
 *
 * @example
 *   moneyKind.read('£10.50').pence // 1050
 *   moneyKind.accept(Money.pence(5)) // Money £0.05
 */
export const moneyKind: ValueKind<Money> = {
  name: 'money',
  accepted: '£10, 10.00, £10.50, 1050p',
  expected: 'money, e.g. £10, 10.00, £10.50, 1050p',
  typed: 'a Money',
  read: (text) => Money.parse(text),
  accept: (value) => (value instanceof Money ? value : undefined),
}

/**
 * Odds: a fraction, evens, decimal odds, or SP.
 *
 * @example
 *   oddsKind.read('2.5').toString() // '3/2'
 *   oddsKind.accept(Odds.SP) // Odds.SP
 */
export const oddsKind: ValueKind<Odds> = {
  name: 'odds',
  accepted: '5/2, evens, 2.5 (decimal, stake included), SP',
  expected: 'odds, e.g. 5/2, evens, 2.5 (decimal, stake included), SP',
  typed: 'Odds',
  read: (text) => Odds.parse(text),
  accept: (value) => (Odds.is(value) ? value : undefined),
}

/**
 * A length of time, in whole milliseconds.
 *
 * @example
 *   durationKind.read('1.5s').milliseconds // 1500
 *   durationKind.accept(Duration.ms(250)) // Duration 250ms
 */
export const durationKind: ValueKind<Duration> = {
  name: 'duration',
  accepted: '250ms, 2s, 1.5s, 2m, 1h',
  expected: 'a duration, e.g. 250ms, 2s, 1.5s, 2m, 1h',
  typed: 'a Duration',
  read: (text) => Duration.parse(text),
  accept: (value) => (value instanceof Duration ? value : undefined),
}

/**
 * One of a fixed list of words, matched in any case and given back as declared.
 *
 * @example
 *   const betType = allowedKind(['win', 'each-way'])
 *   betType.read('Each-Way') // 'each-way'
 */
export function allowedKind<A extends string>(allowed: readonly A[]): ValueKind<A> {
  const byText = new Map<string, A>()
  for (const value of allowed) {
    byText.set(value, value)
    byText.set(value.toLowerCase(), value)
  }
  const accepted = allowed.join(', ')
  return {
    name: 'value',
    accepted,
    expected: `one of ${accepted}`,
    typed: undefined,
    read(text) {
      const value = byText.get(text) ?? byText.get(text.toLowerCase())
      if (value !== undefined) return value
      throw new ValueFormatError('value', text, accepted, undefined, nearest(text, allowed))
    },
    accept: () => undefined,
  }
}
