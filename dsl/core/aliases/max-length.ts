import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import type { AliasStrategy } from './alias-types.ts'
import { defaultStrategy } from './default-strategy.ts'

/**
 * Real names of at most `limit` characters, for fields with a length limit.
 * Only the spec's name is shortened, never the unique part; if even one
 * character of the name and the unique part do not fit, the alias fails.
 * Wraps the default strategy, or any other (`maxLength(40, email(...))`).
 *
 * @example
 *   import type { NameAliaser } from './alias-types.ts'
 *   import { email } from './email.ts'
 *   declare const aliases: NameAliaser
 *   aliases.alias('Grand National Handicap', { strategy: maxLength(20) }) // 'grand-na-r7k2-x9q2bz'
 *   aliases.alias('Alice', { strategy: maxLength(40, email('example.test')) })
 */
export function maxLength(limit: number, inner: AliasStrategy = defaultStrategy): AliasStrategy {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ConfigurationError(
      `maxLength(${limit}): the limit must be a whole number of characters, at least 1, such as maxLength(20).`,
    )
  }
  const name = inner === defaultStrategy ? `max ${limit} chars` : `${inner.name}, max ${limit} chars`
  return {
    name,
    make(parts) {
      let base = parts.base
      let value = inner.make(parts)
      // Inner strategies may change the base's length (charset drops characters), so cut and measure again.
      while (value.length > limit && base.length > 1) {
        base = base.slice(0, Math.max(1, base.length - (value.length - limit))).replace(/-+$/, '')
        value = inner.make({ ...parts, base })
      }
      if (value.length > limit) {
        throw new ConfigurationError(
          `Cannot alias ${JSON.stringify(parts.name)}: strategy ${JSON.stringify(name)} cannot fit the unique part ` +
            `${JSON.stringify(parts.unique)} and one character of the name into ${limit} characters ` +
            `(${JSON.stringify(value)} has ${value.length}). Allow at least ${value.length} characters, or use ` +
            `a shorter run id.`,
        )
      }
      return value
    },
    check(value) {
      if (value.length > limit) return `at most ${limit} characters, got ${value.length}`
      return inner.check?.(value)
    },
  }
}
