import type { AliasStrategy } from './alias-types.ts'

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * The spec's name made safe (accents dropped, lower case, words joined by
 * `-`), a `-` and the unique part: `alice-smith-r7k2-x9q2bz`. For names the
 * system takes as ids: path segments, keys, host labels, container names.
 * Declare it on the parameter: `alias({ strategy: slug })`.
 *
 * @example
 *   import type { NameAliaser } from './alias-types.ts'
 *   declare const aliases: NameAliaser
 *   aliases.alias('Continuous Delivery', { strategy: slug }) // 'continuous-delivery-r7k2-x9q2bz'
 *   slug.make({ name: 'Zoë O’Brien', base: 'zoe-o-brien', unique: 'r7k2-x9q2bz' }) // 'zoe-o-brien-r7k2-x9q2bz'
 */
export const slug: AliasStrategy = {
  name: 'slug',
  make: ({ base, unique }) => `${base}-${unique}`,
  check: (value) =>
    slugPattern.test(value) ? undefined : 'only lower-case letters and digits, words joined by single "-"',
}
