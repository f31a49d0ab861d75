// Exact money and odds: integers and fractions, never floats. Parsers return
// the value or throw InvalidValueError, whose `reason` the caller puts in its 400.
export { compareFractions, formatFraction, fraction, multiplyFractions, ONE, type Fraction } from './fraction.ts'
export { Ratio } from './ratio.ts'
export { displayMoney, formatMoney, parseMoney } from './money.ts'
export { formatPrice, parseOdds, parsePrice, type Price } from './price.ts'
export { InvalidValueError } from './invalid-value-error.ts'
