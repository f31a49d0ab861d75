import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import type { AliasStrategy } from './alias-types.ts'
import { defaultStrategy } from './default-strategy.ts'
import { uniqueAlphabet } from './random-source.ts'

/**
 * Options of {@link charset}.
 *
 * @example
 *   import { maxLength } from './max-length.ts'
 *   charset('A-Z0-9_', { separator: '_' })
 *   charset('a-z0-9', { inner: maxLength(16) })
 */
export interface CharsetOptions {
  /** Put in place of each run of other characters; dropped when absent. */
  separator?: string
  /** The strategy whose output is made to fit; the default strategy if absent. */
  inner?: AliasStrategy
}

/**
 * Real names made only of the `allowed` characters, written as inside a
 * regular expression's `[...]`. If letters of only one case are allowed, the
 * name is put in that case; a letter with an accent that is not allowed loses
 * the accent (`ë` → `e`); other characters become the separator, or are
 * dropped. The unique part needs letters and digits, so those must be
 * allowed. Fits the default strategy's name unless given another `inner`,
 * such as `slug`.
 *
 * @example
 *   import type { NameAliaser } from './alias-types.ts'
 *   declare const aliases: NameAliaser
 *   aliases.alias('Zoë Smith', { strategy: charset('a-z0-9') }) // 'zoesmithr7k2x9q2bz'
 *   aliases.alias('Zoë Smith', { strategy: charset('A-Z0-9_', { separator: '_' }) }) // 'ZOE_SMITH_R7K2_X9Q2BZ'
 */
export function charset(allowed: string, options: CharsetOptions = {}): AliasStrategy {
  const label = `charset(${JSON.stringify(allowed)})`
  const isAllowed = compileCharacterClass(allowed, label)
  const upperCase = !isAllowed('a') && isAllowed('A')
  const lowerCase = !isAllowed('A') && isAllowed('a')
  const fold = (text: string): string => (upperCase ? text.toUpperCase() : lowerCase ? text.toLowerCase() : text)
  if (![...uniqueAlphabet].every((ch) => isAllowed(fold(ch)))) {
    throw new ConfigurationError(
      `${label}: the unique part of a real name is made of the letters a-z and digits 0-9, so the allowed characters ` +
        `must include 0-9 and either a-z or A-Z, such as "a-z0-9" or "A-Z0-9_".`,
    )
  }
  const { separator = '', inner = defaultStrategy } = options
  if (![...separator].every(isAllowed)) {
    throw new ConfigurationError(
      `${label}: the separator ${JSON.stringify(separator)} is not one of the allowed characters; choose one ` +
        `that is, or none.`,
    )
  }
  const name = `charset [${allowed}]` + (inner === defaultStrategy ? '' : `, ${inner.name}`)
  return {
    name,
    make(parts) {
      const kept = [...fold(inner.make(parts))]
        .map((ch) => (isAllowed(ch) ? ch : (unaccented(ch, isAllowed) ?? '\u0000')))
        .join('')
      // NUL marks the characters dropped above; no name holds one.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL marker
      const runs = kept.replace(/^\u0000+|\u0000+$/g, '').split(/\u0000+/)
      return runs.join(separator)
    },
    // Only this strategy's own rule: the inner one's output was rewritten, so its rules need not hold.
    check(value) {
      const bad = [...value].find((ch) => !isAllowed(ch))
      return bad === undefined ? undefined : `only the characters [${allowed}], found ${JSON.stringify(bad)}`
    },
  }
}

// The character without its accents (`ë` → `e`, `ﬁ` → `fi`), when that is allowed and the character is not.
function unaccented(ch: string, isAllowed: (ch: string) => boolean): string | undefined {
  const plain = ch.normalize('NFKD').replace(/\p{M}/gu, '')
  return plain !== '' && plain !== ch && [...plain].every(isAllowed) ? plain : undefined
}

function compileCharacterClass(allowed: string, label: string): (ch: string) => boolean {
  let single: RegExp
  try {
    single = new RegExp(`^[${allowed}]$`, 'u')
  } catch (error) {
    throw new ConfigurationError(
      `${label}: not a valid set of characters (${(error as Error).message}). Write them as inside a regular ` +
        `expression's [...], such as "a-z0-9".`,
      { cause: error },
    )
  }
  return (ch) => single.test(ch)
}
