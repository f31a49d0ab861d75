import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'

/**
 * The spec's name made safe for any system: accents dropped, lower case, each
 * run of other characters turned into one `-`. A name with no letter or digit
 * left is a mistake in the spec, so it fails with the name quoted.
 *
 * @example
 *   slugify('Zoë O’Brien') // 'zoe-o-brien'
 *   slugify('!!!') // throws ConfigurationError
 */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (base === '') {
    throw new ConfigurationError(
      `Cannot alias ${JSON.stringify(name)}: a spec name needs at least one letter (a-z, accents allowed) or digit ` +
        `to make a real name from. Write a name such as "Alice" or "Race 1".`,
    )
  }
  return base
}
