import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import type { AliasStrategy } from './alias-types.ts'
import { defaultStrategy } from './default-strategy.ts'

/**
 * Real names of at most `limit` characters, for fields with a length limit.
 * Only the spec's name is shortened (at its end, with the spaces and
 * punctuation left dangling there), never the unique part; if even one
 * character of the name and the unique part do not fit, the alias fails.
 * Wraps the default strategy, or any other (`maxLength(63, slug)`,
 * `maxLength(40, email(...))`).
 *
 * @example
 *   import type { NameAliaser } from './alias-types.ts'
 *   import { slug } from './slug-strategy.ts'
 *   declare const aliases: NameAliaser
 *   aliases.alias('Grand National Handicap', { strategy: maxLength(20) }) // 'Grand Na r7k2-x9q2bz'
 *   aliases.alias('Grand National Handicap', { strategy: maxLength(20, slug) }) // 'grand-na-r7k2-x9q2bz'
 */
export function maxLength(limit: number, inner: AliasStrategy = defaultStrategy): AliasStrategy {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ConfigurationError(
      `maxLength(${limit}): the limit must be a whole number of characters, at least 1, such as maxLength(20).`,
    )
  }
  const label = inner === defaultStrategy ? `max ${limit} chars` : `${inner.name}, max ${limit} chars`
  return {
    name: label,
    make(parts) {
      let { name, base } = parts
      let value = inner.make(parts)
      // The inner strategy writes the name (default) or its safe form (slug, email), and may change its length
      // (charset drops characters): cut both by what is too long, and measure again.
      while (value.length > limit) {
        const tooLong = value.length - limit
        const shorterName = shorten(name, tooLong, /[\s\p{P}]+$/u)
        const shorterBase = shorten(base, tooLong, /-+$/)
        if (shorterName === name && shorterBase === base) break
        name = shorterName
        base = shorterBase
        value = inner.make({ ...parts, name, base })
      }
      if (value.length > limit) {
        throw new ConfigurationError(
          `Cannot alias ${JSON.stringify(parts.name)}: strategy ${JSON.stringify(label)} cannot fit the unique part ` +
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

// The text less `by` code units at its end, less what then dangles there; never a split character, never empty.
function shorten(text: string, by: number, dangling: RegExp): string {
  let kept = ''
  for (const character of text) {
    if (kept !== '' && kept.length + character.length > text.length - by) break
    kept += character
  }
  return kept.replace(dangling, '') || kept
}
