import type { NameAliaser } from '../aliases/alias-types.ts'

/**
 * What parsing a call needs from the scenario: its aliases, for parameters
 * that take a name to alias.
 *
 * @example
 *   placeBet.parse(input, { aliases: this.world.aliases })
 *   const context: ParseContext = { aliases: { alias: (name) => name as AliasedName } } // a test's fake
 */
export interface ParseContext {
  readonly aliases: NameAliaser
}
