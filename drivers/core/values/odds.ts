import { ValueFormatError } from './value-format-error.ts'

const ODDS_ACCEPTED = '5/2, evens, 2.5 (decimal, stake included), SP'
const WIRE_ACCEPTED = '5/2, evens, SP'
const FRACTION = /^(\d+)\/(\d+)$/
const DECIMAL = /^(\d+)\.(\d+)$/
const EVENS = new Set(['evens', 'evs'])
const STARTING_PRICE = new Set(['sp', 'starting price'])

/**
 * Fixed odds: the winnings per unit staked, as an exact reduced fraction (never
 * a float). `5/2` wins £5 for every £2 staked; `evens` is `1/1`.
 *
 * @example
 *   Odds.parse('2.5') // FractionalOdds 3/2: decimal odds include the stake
 *   Odds.fraction(10, 4).toString() // '5/2'
 */
export class FractionalOdds {
  readonly kind = 'fractional' as const
  /** The winnings per `denominator` staked, in lowest terms. */
  readonly numerator: number
  /** The stake that wins `numerator`, in lowest terms. */
  readonly denominator: number

  /** Prefer `Odds.fraction` or `Odds.parse`; the fraction is checked and reduced either way. */
  constructor(numerator: number, denominator: number) {
    if (!(Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) && numerator > 0 && denominator > 0)) {
      throw new RangeError(`odds are a fraction of positive whole numbers, not ${numerator}/${denominator}`)
    }
    const divisor = greatestCommonDivisor(numerator, denominator)
    this.numerator = numerator / divisor
    this.denominator = denominator / divisor
  }

  /**
   * Whether these are the same odds (both are kept reduced).
   *
   * @example
   *   Odds.parse('10/4').equals(Odds.parse('5/2')) // true
   */
  equals(other: Odds): boolean {
    return other.kind === 'fractional' && other.numerator === this.numerator && other.denominator === this.denominator
  }

  /**
   * The odds as a report shows them.
   *
   * @example
   *   Odds.fraction(1, 1).toString() // 'evens'
   *   Odds.fraction(11, 4).toString() // '11/4'
   */
  toString(): string {
    return this.numerator === this.denominator ? 'evens' : `${this.numerator}/${this.denominator}`
  }

  /**
   * The odds as JSON carries a price: the reduced fraction, `evens` for 1/1.
   * `Odds.fromWire` reads it back.
   *
   * @example
   *   Odds.parse('2.5').toWire() // '3/2'
   *   Odds.evens.toWire() // 'evens'
   */
  toWire(): string {
    return this.numerator === this.denominator ? 'evens' : `${this.numerator}/${this.denominator}`
  }
}

/**
 * Starting price: the bet is settled at the odds on offer when the race starts,
 * known only from the result.
 *
 * @example
 *   Odds.parse('SP') === Odds.SP // true
 *   Odds.SP.toString() // 'SP'
 */
export class StartingPrice {
  readonly kind = 'starting-price' as const

  /**
   * Whether the other odds are starting price too.
   *
   * @example
   *   Odds.SP.equals(Odds.parse('sp')) // true
   */
  equals(other: Odds): boolean {
    return other.kind === 'starting-price'
  }

  /**
   * `SP`, as a report shows it.
   *
   * @example
   *   `${Odds.SP}` // 'SP'
   */
  toString(): string {
    return 'SP'
  }

  /**
   * `SP`, as JSON carries a bet at starting price.
   *
   * @example
   *   Odds.SP.toWire() // 'SP'
   */
  toWire(): string {
    return 'SP'
  }
}

/**
 * The price of a bet: fixed fractional odds, or starting price. Narrow on `kind`.
 *
 * @example
 *   const price: Odds = Odds.parse('5/2')
 *   if (price.kind === 'fractional') price.numerator / price.denominator // 2.5
 */
export type Odds = FractionalOdds | StartingPrice

/**
 * Makes and reads odds.
 *
 * @example
 *   Odds.parse('11/4').toString() // '11/4'
 *   Odds.parse('evs') === Odds.evens // true
 */
export const Odds = Object.freeze({
  /**
   * Fixed odds `numerator/denominator`, reduced; both must be positive whole numbers.
   *
   * @example
   *   Odds.fraction(6, 4).toString() // '3/2'
   *   Odds.fraction(5, 0) // throws RangeError
   */
  fraction(numerator: number, denominator: number): FractionalOdds {
    const odds = new FractionalOdds(numerator, denominator)
    return odds.numerator === 1 && odds.denominator === 1 ? Odds.evens : odds
  },

  /**
   * `1/1`: win as much as you stake.
   *
   * @example
   *   Odds.evens.toString() // 'evens'
   *   Odds.parse('2.0') === Odds.evens // true
   */
  evens: new FractionalOdds(1, 1),

  /**
   * Starting price.
   *
   * @example
   *   Odds.SP.kind // 'starting-price'
   *   Odds.parse('sp') === Odds.SP // true
   */
  SP: new StartingPrice(),

  /**
   * Reads odds as a spec writes them: fractional `5/2`, `evens` (or `evs`),
   * decimal `2.5` (which includes the stake, so it is `3/2`), or `SP`.
   * Words are matched case-insensitively.
   *
   * @example
   *   Odds.parse('3.0').toString() // '2/1'
   *   Odds.parse('5') // throws ValueFormatError: a whole number is ambiguous
   */
  parse(text: string): Odds {
    const fraction = FRACTION.exec(text)
    if (fraction) return fractionFromText(text, fraction[1]!, fraction[2]!)
    const decimal = DECIMAL.exec(text)
    if (decimal) return decimalFromText(text, decimal[1]!, decimal[2]!)
    const word = text.toLowerCase()
    if (EVENS.has(word)) return Odds.evens
    if (STARTING_PRICE.has(word)) return Odds.SP
    throw new ValueFormatError('odds', text, ODDS_ACCEPTED, whyNotOdds(text))
  },

  /**
   * Reads a price as `toWire()` writes it, and only so: a fraction `5/2`,
   * `evens` or `SP`. For what a system answers; `Odds.parse` reads what a spec
   * writes (decimal odds, `evs`, any case).
   *
   * @example
   *   Odds.fromWire('10/4').toString() // '5/2'
   *   Odds.fromWire('2.5') // throws ValueFormatError: a fraction, evens or SP
   */
  fromWire(text: string): Odds {
    if (text === 'evens') return Odds.evens
    if (text === 'SP') return Odds.SP
    const fraction = FRACTION.exec(text)
    if (fraction) return fractionFromText(text, fraction[1]!, fraction[2]!, WIRE_ACCEPTED)
    throw new ValueFormatError('odds', text, WIRE_ACCEPTED, isOdds(text) ? 'a fraction, evens or SP' : undefined)
  },

  /**
   * Whether a value is odds.
   *
   * @example
   *   Odds.is(Odds.SP) // true
   *   Odds.is('5/2') // false
   */
  is(value: unknown): value is Odds {
    return value instanceof FractionalOdds || value instanceof StartingPrice
  },
})

function fractionFromText(
  text: string,
  numerator: string,
  denominator: string,
  accepted = ODDS_ACCEPTED,
): FractionalOdds {
  const n = Number(numerator)
  const d = Number(denominator)
  if (d === 0) throw new ValueFormatError('odds', text, accepted, 'a fraction cannot be over 0')
  if (n === 0) throw new ValueFormatError('odds', text, accepted, 'odds of 0 win nothing')
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d))
    throw new ValueFormatError('odds', text, accepted, 'too large to hold exactly')
  return Odds.fraction(n, d)
}

function isOdds(text: string): boolean {
  try {
    return Odds.is(Odds.parse(text))
  } catch {
    return false
  }
}

function decimalFromText(text: string, whole: string, fraction: string): FractionalOdds {
  // Decimal odds d are fractional odds d - 1: they pay the stake back too.
  const denominator = 10 ** fraction.length
  const numerator = Number(whole + fraction) - denominator
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new ValueFormatError('odds', text, ODDS_ACCEPTED, 'too many digits to hold exactly')
  }
  if (numerator <= 0)
    throw new ValueFormatError('odds', text, ODDS_ACCEPTED, 'decimal odds include the stake, so they are more than 1')
  return Odds.fraction(numerator, denominator)
}

function whyNotOdds(text: string): string | undefined {
  if (WHOLE_NUMBER.test(text)) return `a whole number is ambiguous: write ${text}/1 (fractional) or ${text}.0 (decimal)`
  return undefined
}

const WHOLE_NUMBER = /^\d+$/

function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b]
  return a
}
