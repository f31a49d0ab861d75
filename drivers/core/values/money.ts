import { ValueFormatError } from './value-format-error.ts'

const MONEY_ACCEPTED = '£10, 10.00, £10.50, 1050p'
// Groups: sign, pounds, pence after the point. A bare number is pounds.
// No leading zeros: "000" is more likely the tail of "£1,000" split as a comma list than an amount.
const POUNDS = /^(-)?£?(0|[1-9]\d*)(?:\.(\d{1,2}))?$/
const PENCE = /^(-)?(0|[1-9]\d*)p$/
const WIRE_ACCEPTED = '10.50, 0.05, -5.00'
const WIRE = /^(-)?(0|[1-9]\d*)\.(\d\d)$/

/**
 * An amount of money in pounds sterling, held as a whole number of pence so
 * that sums are exact. Immutable; `toString()` is what a report shows.
 *
 * @example
 *   Money.parse('£10.50').plus(Money.pence(50)).toString() // '£11.00'
 *   Money.parse('1050p').pence // 1050
 */
export class Money {
  private constructor(
    /** The amount in whole pence; negative for money owed. */
    readonly pence: number,
  ) {}

  /**
   * No money.
   *
   * @example
   *   Money.zero.toString() // '£0.00'
   *   const stakes = [Money.parse('£5'), Money.parse('£2.50')]
   *   stakes.reduce((total, stake) => total.plus(stake), Money.zero) // '£7.50'
   */
  static readonly zero = new Money(0)

  /**
   * An amount of whole pence.
   *
   * @example
   *   Money.pence(1050).toString() // '£10.50'
   *   Money.pence(10.5) // throws RangeError: money is whole pence
   */
  static pence(pence: number): Money {
    if (!Number.isSafeInteger(pence)) throw new RangeError(`money is a whole number of pence, not ${pence}`)
    return new Money(pence)
  }

  /**
   * An amount of whole pounds.
   *
   * @example
   *   Money.pounds(10).pence // 1000
   *   Money.pounds(-5).toString() // '-£5.00'
   */
  static pounds(pounds: number): Money {
    if (!Number.isSafeInteger(pounds))
      throw new RangeError(`Money.pounds takes whole pounds, not ${pounds}; use Money.pence or Money.parse`)
    return Money.pence(pounds * 100)
  }

  /**
   * Reads money as a spec writes it: `£10`, `£10.50`, `10.00` (pounds), `1050p`
   * (pence), with a leading `-` for money owed.
   *
   * @example
   *   Money.parse('£10.5').pence // 1050
   *   Money.parse('ten') // throws ValueFormatError
   */
  static parse(text: string): Money {
    const pounds = POUNDS.exec(text)
    if (pounds) {
      const fraction = pounds[3] === undefined ? 0 : pounds[3].length === 1 ? Number(pounds[3]) * 10 : Number(pounds[3])
      return Money.fromParts(text, pounds[1] === '-', Number(pounds[2]) * 100 + fraction)
    }
    const pence = PENCE.exec(text)
    if (pence) return Money.fromParts(text, pence[1] === '-', Number(pence[2]))
    throw new ValueFormatError('money', text, MONEY_ACCEPTED, whyNotMoney(text))
  }

  /**
   * Reads money as `toWire()` writes it, and only so: pounds with two
   * decimals, no `£`. For what a system answers, where any other form means it
   * is broken; `Money.parse` reads what a spec writes.
   *
   * @example
   *   Money.fromWire('35.00').pence // 3500
   *   Money.fromWire('£35') // throws ValueFormatError: pounds with two decimals and no £
   */
  static fromWire(text: string): Money {
    const wire = WIRE.exec(text)
    if (wire) return Money.fromParts(text, wire[1] === '-', Number(wire[2]! + wire[3]!), WIRE_ACCEPTED)
    throw new ValueFormatError('money', text, WIRE_ACCEPTED, whyNotWire(text))
  }

  private static fromParts(text: string, negative: boolean, pence: number, accepted = MONEY_ACCEPTED): Money {
    if (!Number.isSafeInteger(pence))
      throw new ValueFormatError('money', text, accepted, 'too large to count in pence exactly')
    return new Money(negative && pence !== 0 ? -pence : pence)
  }

  /**
   * This amount and another.
   *
   * @example
   *   Money.parse('£10').plus(Money.parse('50p')).toString() // '£10.50'
   */
  plus(other: Money): Money {
    return Money.pence(this.pence + other.pence)
  }

  /**
   * This amount less another.
   *
   * @example
   *   Money.parse('£10').minus(Money.parse('£12')).toString() // '-£2.00'
   */
  minus(other: Money): Money {
    return Money.pence(this.pence - other.pence)
  }

  /**
   * This amount a whole number of times, e.g. a stake per line times the lines.
   *
   * @example
   *   Money.parse('£2.50').times(4).toString() // '£10.00'
   */
  times(count: number): Money {
    if (!Number.isSafeInteger(count)) throw new RangeError(`Money.times takes a whole number, not ${count}`)
    return Money.pence(this.pence * count)
  }

  /**
   * Whether two amounts are the same.
   *
   * @example
   *   Money.parse('£10').equals(Money.parse('1000p')) // true
   */
  equals(other: Money): boolean {
    return this.pence === other.pence
  }

  /**
   * Negative, zero or positive as this amount is less than, equal to or more than the other.
   *
   * @example
   *   [Money.parse('£5'), Money.parse('£1')].sort((a, b) => a.compareTo(b)) // [£1.00, £5.00]
   */
  compareTo(other: Money): number {
    return this.pence - other.pence
  }

  /**
   * The amount as a report shows it.
   *
   * @example
   *   Money.pence(5).toString() // '£0.05'
   *   Money.pence(-1050).toString() // '-£10.50'
   */
  toString(): string {
    return `${this.pence < 0 ? '-' : ''}£${this.unsignedPounds()}`
  }

  /**
   * The amount as JSON carries money: pounds with two decimals, no `£`, a
   * leading `-` for money owed. Exact: made from the whole pence, never a float.
   *
   * @example
   *   Money.parse('£10.5').toWire() // '10.50'
   *   Money.pence(-5).toWire() // '-0.05'
   */
  toWire(): string {
    return `${this.pence < 0 ? '-' : ''}${this.unsignedPounds()}`
  }

  private unsignedPounds(): string {
    const pence = Math.abs(this.pence)
    const rest = pence % 100
    return `${(pence - rest) / 100}.${rest < 10 ? '0' : ''}${rest}`
  }
}

// Near misses worth a sentence of their own, tried only once a text has failed.
const NEAR_MISSES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^-?£?\d+\.\d{3,}$/, 'less than a penny'],
  [/^-?£?\d{1,3}(,\d{3})+(\.\d+)?$/, 'write it without thousands separators'],
  [/^-?\d+\.\d+p$/, 'pence are whole'],
  [/^-?[$€]/, 'money is in pounds sterling'],
  [/^-?£?0\d/, 'a leading zero; in a comma list, write thousands without a separator, e.g. £1000'],
]

function whyNotMoney(text: string): string | undefined {
  return NEAR_MISSES.find(([pattern]) => pattern.test(text))?.[1]
}

function whyNotWire(text: string): string | undefined {
  if (/^-?\d+(\.\d+)?$/.test(text.replace('£', '')) || PENCE.test(text)) return 'pounds with two decimals and no £'
  return whyNotMoney(text)
}
