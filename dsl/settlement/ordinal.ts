/**
 * A position as people write it.
 *
 * @example
 *   ordinal(2) // '2nd'
 *   ordinal(11) // '11th'
 */
export function ordinal(n: number): string {
  const tens = n % 100
  return `${n}${tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`
}
