import { InvalidValueError } from './invalid-value-error.ts'

// Pounds, optionally with £ and one or two decimals. No leading zeros, no
// thousands separators: one way to write each amount.
const POUNDS = /^£?(0|[1-9]\d*)(?:\.(\d\d?))?$/
const HOW_TO_WRITE = 'write pounds, e.g. 10, 10.50 or £10.50'

/**
 * Reads a stake as the wire carries it, in pounds ("10", "10.00", "£10.50"),
 * into whole pence. Throws InvalidValueError with the reason for anything
 * else, including zero and negative amounts: every amount a client sends is a stake.
 *
 * @example
 *   parseMoney('£10.50') // 1050
 *   parseMoney('1,000') // throws InvalidValueError: "1,000" is not money: no thousands separators; write 1000
 */
export function parseMoney(text: string): number {
  const match = POUNDS.exec(text)
  if (match === null) throw new InvalidValueError('money', text, whyNotMoney(text))
  const pence = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  if (!Number.isSafeInteger(pence)) throw new InvalidValueError('money', text, 'too large to count in pence exactly')
  if (pence === 0) throw new InvalidValueError('money', text, 'zero; the smallest stake is 1p, i.e. 0.01')
  return pence
}

/**
 * Pence as the API writes money: pounds with two decimals, no £.
 *
 * @example
 *   formatMoney(1050) // '10.50'
 *   formatMoney(-5) // '-0.05'
 */
export function formatMoney(pence: number): string {
  if (!Number.isSafeInteger(pence)) throw new RangeError(`money is a whole number of pence, not ${pence}`)
  const sign = pence < 0 ? '-' : ''
  const abs = Math.abs(pence)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * Pence as people read money: `£10.50`, `-£2.00`. No thousands separators, so
 * the text reads back with `parseMoney`.
 *
 * @example
 *   displayMoney(1050) // '£10.50'
 *   displayMoney(-200) // '-£2.00'
 */
export function displayMoney(pence: number): string {
  const text = formatMoney(pence)
  return text.startsWith('-') ? `-£${text.slice(1)}` : `£${text}`
}

function whyNotMoney(text: string): string {
  const bare = text.replace(/^£/, '')
  if (/^-/.test(bare) || /^-£/.test(text)) return 'a negative amount; a stake is more than 0'
  if (/^\d+\.\d{3,}$/.test(bare)) return 'more than two decimal places; the smallest amount is 1p'
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(bare)) return `no thousands separators; write ${bare.replaceAll(',', '')}`
  if (/^0\d/.test(bare)) return `a leading zero; write ${bare.replace(/^0+(?=\d)/, '')}`
  if (/^\d+p$/i.test(bare)) return `pence are not taken here; ${HOW_TO_WRITE}`
  if (text.trim() !== text) return `spaces around the amount; ${HOW_TO_WRITE}`
  return `not an amount; ${HOW_TO_WRITE}`
}
