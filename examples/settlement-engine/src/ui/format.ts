import type { LegView } from '../engine/engine.ts'

/**
 * A leg as a sentence: "Red Rum at 5/1 in The National (R1)".
 *
 * @example
 *   legText({ event: 'R1', runner: 'Red Rum', price: 'SP' }, new Map([['R1', 'The National']]))
 *   // → 'Red Rum at SP in The National (R1)'
 */
export function legText(leg: LegView, names: ReadonlyMap<string, string>): string {
  const name = names.get(leg.event)
  return `${leg.runner} at ${leg.price} in ${name === undefined ? leg.event : `${name} (${leg.event})`}`
}

/**
 * Money from a view ("10.00") as shown: "£10.00".
 *
 * @example
 *   pounds('10.00') // '£10.00'
 *   pounds('-2.50') // '-£2.50'
 */
export function pounds(amount: string): string {
  return amount.startsWith('-') ? `-£${amount.slice(1)}` : `£${amount}`
}

/**
 * A result's placings in one line: position, "=" for a dead heat, names.
 *
 * @example
 *   placingsText([['Dobbin'], ['Red Rum', 'Shergar']]) // '1 Dobbin · 2= Red Rum & Shergar'
 */
export function placingsText(placings: readonly (readonly string[])[]): string {
  let position = 1
  return placings
    .map((group) => {
      const text = `${position}${group.length > 1 ? '=' : ''} ${group.join(' & ')}`
      position += group.length
      return text
    })
    .join(' · ')
}

/**
 * An event's or a bet's state, capitalised for a table cell.
 *
 * @example
 *   stateText('resulted') // 'Resulted'
 */
export function stateText(state: string): string {
  return state.charAt(0).toUpperCase() + state.slice(1)
}

/**
 * Whole pence as pounds: "£35.00".
 *
 * @example
 *   penceText(3550) // '£35.50'
 */
export function penceText(pence: number | bigint): string {
  const whole = BigInt(pence)
  const sign = whole < 0n ? '-' : ''
  const abs = whole < 0n ? -whole : whole
  return `${sign}£${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}

/**
 * An exact amount of pence, "3500" or "35000/3", as pounds and any fraction
 * of a penny left over, so a person can check the rounding.
 *
 * @example
 *   exactPenceText('3500') // '£35.00'
 *   exactPenceText('35000/3') // '£116.66 and 2/3p'
 */
export function exactPenceText(exact: string): string {
  const [num, den] = exact.split('/')
  if (den === undefined) return penceText(BigInt(num ?? '0'))
  const n = BigInt(num ?? '0')
  const d = BigInt(den)
  return n % d === 0n ? penceText(n / d) : `${penceText(n / d)} and ${n % d}/${d}p`
}
