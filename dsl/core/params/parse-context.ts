import type { NameAliaser } from '../aliases/alias-types.ts'

/**
 * What parsing a call needs from the scenario: its aliases, for parameters
 * that take a name to alias.
 *
 * @example
 *   import type { AliasedName } from '../../../drivers/core/aliased-name.ts'
 *   declare const world: { aliases: NameAliaser }
 *   const context: ParseContext = { aliases: world.aliases } // what placeBet.parse(input, context) needs
 *   const fake: ParseContext = { aliases: { alias: (name) => name as AliasedName } } // a test's
 */
export interface ParseContext {
  readonly aliases: NameAliaser
}
