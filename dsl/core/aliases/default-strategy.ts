import type { AliasStrategy } from './alias-types.ts'

/**
 * The spec's name as written, a space and the unique part (run id, `-`,
 * random part): `Continuous Delivery r7k2-x9q2bz`. The real name still holds
 * the spec's words, so a search for them finds it, and a person reading the
 * system's screens or logs sees the spec's name. Used when an alias names no
 * strategy; declare {@link slug} where the system needs an id, and
 * `email(...)` for an address.
 *
 * @example
 *   import type { NameAliaser } from './alias-types.ts'
 *   declare const aliases: NameAliaser
 *   aliases.alias('Continuous Delivery') // 'Continuous Delivery r7k2-x9q2bz'
 *   defaultStrategy.make({ name: 'Red Rum', base: 'red-rum', unique: 'r7k2-x9q2bz' }) // 'Red Rum r7k2-x9q2bz'
 */
export const defaultStrategy: AliasStrategy = {
  name: 'default',
  make: ({ name, unique }) => `${name} ${unique}`,
}
