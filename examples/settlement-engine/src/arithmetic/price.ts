import { fraction, type Fraction } from './fraction.ts'
import { InvalidValueError } from './invalid-value-error.ts'

/** A bet's price: fixed odds taken, or starting price (known from the result). */
export type Price = Fraction | 'SP'

const FRACTIONAL = /^(\d+)\/(\d+)$/
const DECIMAL = /^(\d+)\.(\d+)$/
const EVENS = new Set(['evens', 'evs'])
const HOW_TO_WRITE_ODDS = 'write fractional odds (5/1), evens, or decimal odds with the stake included (2.25)'

/**
 * Reads a bet's price as the wire carries it: fractional `5/1`, `evens` or
 * `evs`, decimal `2.25` (stake included, so 5/4), or `SP`; words in any case.
 * Throws InvalidValueError with the reason for anything else.
 *
 * @example
 *   parsePrice('2.25') // { num: 5, den: 4 }
 *   parsePrice('sp') // 'SP'
 */
export function parsePrice(text: string): Price {
  return text.toLowerCase() === 'sp' ? 'SP' : readOdds(text, 'a price', `${HOW_TO_WRITE_ODDS}, or SP`)
}

/**
 * Reads fixed odds where SP makes no sense: a withdrawn runner's price, a
 * starting price, a place fraction. Same forms as `parsePrice`, without `SP`.
 *
 * @example
 *   parseOdds('evens') // { num: 1, den: 1 }
 *   parseOdds('SP') // throws InvalidValueError: "SP" is not odds: SP is not known here; give the odds, e.g. 5/1
 */
export function parseOdds(text: string): Fraction {
  if (text.toLowerCase() === 'sp')
    throw new InvalidValueError('odds', text, 'SP is not known here; give the odds, e.g. 5/1')
  return readOdds(text, 'odds', HOW_TO_WRITE_ODDS)
}

/**
 * A price as the API and people write it: `5/1`, `evens`, `SP`. Odds are in
 * lowest terms, so 6/4 reads back as `3/2`.
 *
 * @example
 *   formatPrice({ num: 5, den: 1 }) // '5/1'
 *   formatPrice({ num: 1, den: 1 }) // 'evens'
 */
export function formatPrice(price: Price): string {
  if (price === 'SP') return 'SP'
  return price.num === 1 && price.den === 1 ? 'evens' : `${price.num}/${price.den}`
}

function readOdds(text: string, kind: string, howToWrite: string): Fraction {
  const fractional = FRACTIONAL.exec(text)
  if (fractional !== null) return fractionalOdds(text, kind, Number(fractional[1]), Number(fractional[2]))
  const decimal = DECIMAL.exec(text)
  if (decimal !== null) return decimalOdds(text, kind, decimal[1]!, decimal[2]!)
  if (EVENS.has(text.toLowerCase())) return { num: 1, den: 1 }
  throw new InvalidValueError(kind, text, whyNotOdds(text, howToWrite))
}

function fractionalOdds(text: string, kind: string, num: number, den: number): Fraction {
  if (den === 0) throw new InvalidValueError(kind, text, 'a fraction cannot be over 0')
  if (num === 0) throw new InvalidValueError(kind, text, 'odds of 0 win nothing')
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den))
    throw new InvalidValueError(kind, text, 'too large to hold exactly')
  return fraction(num, den)
}

function decimalOdds(text: string, kind: string, whole: string, decimals: string): Fraction {
  // Decimal odds d are fractional odds d - 1: they pay the stake back too.
  const den = 10 ** decimals.length
  const num = Number(whole + decimals) - den
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den))
    throw new InvalidValueError(kind, text, 'too many digits to hold exactly')
  if (num <= 0) throw new InvalidValueError(kind, text, 'decimal odds include the stake, so they are more than 1')
  return fraction(num, den)
}

function whyNotOdds(text: string, howToWrite: string): string {
  if (/^\d+-\d+$/.test(text)) return `write fractional odds with a slash, e.g. ${text.replace('-', '/')}`
  if (/^\d+$/.test(text)) return `a whole number is ambiguous; write ${text}/1 (fractional) or ${text}.0 (decimal)`
  if (/^-/.test(text)) return 'odds are positive'
  return howToWrite
}
