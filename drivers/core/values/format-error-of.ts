import { ValueFormatError } from './value-format-error.ts'

/**
 * The ValueFormatError that reading a value throws, for tests that assert on
 * its message and parts; fails if it throws anything else or nothing.
 *
 * @example
 *   import { Money } from './money.ts'
 *   const error = formatErrorOf(() => Money.parse('ten'))
 *   error.message // 'invalid money "ten". Accepted: £10, 10.00, £10.50, 1050p'
 */
export function formatErrorOf(read: () => unknown): ValueFormatError {
  let value: unknown
  try {
    value = read()
  } catch (error) {
    if (error instanceof ValueFormatError) return error
    throw error
  }
  throw new Error(`expected a ValueFormatError, but got the value ${String(value)}`)
}
