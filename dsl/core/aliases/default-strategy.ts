import type { AliasStrategy } from './alias-types.ts'

/**
 * The spec's name, the run id and a random part, joined by `-`:
 * `alice-r7k2-x9q2bz`. Used when an alias names no strategy.
 *
 * @example
 *   import type { NameAliaser } from './alias-types.ts'
 *   declare const aliases: NameAliaser
 *   aliases.alias('Alice') // 'alice-r7k2-x9q2bz'
 *   defaultStrategy.make({ name: 'Red Rum', base: 'red-rum', unique: 'r7k2-x9q2bz' }) // 'red-rum-r7k2-x9q2bz'
 */
export const defaultStrategy: AliasStrategy = {
  name: 'default',
  make: ({ base, unique }) => `${base}-${unique}`,
}
