import { ConfigurationError } from './errors/configuration-error.ts'
import { Duration } from './values/duration.ts'
import { ValueFormatError } from './values/value-format-error.ts'

/**
 * A length of time as options take it: milliseconds, a string with a unit, or a Duration value.
 *
 * @example
 *   const timeout: DurationInput = '2s'
 *   const interval: DurationInput = 250 // milliseconds
 */
export type DurationInput = number | `${number}${'ms' | 's' | 'm' | 'h'}` | Duration

/**
 * The duration in milliseconds, or a ConfigurationError naming the option and the bad value.
 *
 * @example
 *   toMilliseconds('1.5s', 'eventually: timeout') // 1500
 *   toMilliseconds(Duration.parse('2m'), 'timeout') // 120000
 */
export function toMilliseconds(duration: DurationInput, what: string): number {
  if (duration instanceof Duration) return duration.milliseconds
  if (typeof duration === 'number') {
    if (Number.isFinite(duration) && duration >= 0) return Math.round(duration)
    throw new ConfigurationError(
      `${what}: ${duration} is not a duration. Give milliseconds (0 or more) or a string with a unit, e.g. '2s'`,
    )
  }
  try {
    return Duration.parse(duration).milliseconds
  } catch (error) {
    if (error instanceof ValueFormatError) throw new ConfigurationError(`${what}: ${error.message}`, { cause: error })
    throw error
  }
}
