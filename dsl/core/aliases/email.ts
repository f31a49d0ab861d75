import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import type { AliasStrategy } from './alias-types.ts'

const domainPattern = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/
const localPartPattern = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/
/** RFC 5321's limit on the part before the `@`. */
const localPartLimit = 64

/**
 * Real names that are e-mail addresses at `domain`: the spec's name, a dot and
 * the unique part without its `-`. The name is shortened to keep the local
 * part within 64 characters. Use a domain whose mail goes nowhere.
 *
 * @example
 *   import type { NameAliaser } from './alias-types.ts'
 *   declare const aliases: NameAliaser
 *   aliases.alias('Alice', { strategy: email('example.test') }) // 'alice.r7k2x9q2bz@example.test'
 *   aliases.alias('Alice Smith', { strategy: email('example.test') }) // 'alice-smith.r7k2x9q2bz@example.test'
 */
export function email(domain: string): AliasStrategy {
  if (!domainPattern.test(domain)) {
    throw new ConfigurationError(
      `email(${JSON.stringify(domain)}): not a lower-case domain name with at least one dot. ` +
        `Use a domain whose mail goes nowhere, such as "example.test".`,
    )
  }
  const suffix = `@${domain}`
  return {
    name: `email @${domain}`,
    make({ base, unique }) {
      const tail = `.${unique.replace(/[^a-z0-9]/g, '')}`
      const head = base.slice(0, Math.max(1, localPartLimit - tail.length)).replace(/-+$/, '')
      return `${head}${tail}${suffix}`
    },
    check(value) {
      const local = value.endsWith(suffix) ? value.slice(0, -suffix.length) : undefined
      if (local === undefined) return `an address at ${domain}`
      if (local.length > localPartLimit) return `at most ${localPartLimit} characters before the @, got ${local.length}`
      if (!localPartPattern.test(local) || local.includes('..')) {
        return (
          `only lower-case letters, digits, ".", "-" and "_" before the @, starting and ending with a letter or ` +
          `digit`
        )
      }
      return undefined
    },
  }
}
