import type { AliasedName } from '../../../drivers/core/aliased-name.ts'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import type { AliasOptions, NameAliaser } from '../aliases/alias-types.ts'

/**
 * A NameAliaser for unit tests: `Red Rum` becomes `red-rum-k3x9`, and every
 * call is recorded with its options.
 *
 * @example
 *   const { aliases, calls } = fakeAliaser()
 *   aliases.alias('Red Rum', { scope: 'run' }) // 'red-rum-k3x9', and calls is [['Red Rum', { scope: 'run' }]]
 */
export function fakeAliaser(): { aliases: NameAliaser; calls: [string, AliasOptions | undefined][] } {
  const calls: [string, AliasOptions | undefined][] = []
  const aliases: NameAliaser = {
    alias(name, options) {
      calls.push([name, options])
      return `${name.toLowerCase().replaceAll(' ', '-')}-k3x9` as AliasedName
    },
  }
  return { aliases, calls }
}

/**
 * The message of the ConfigurationError that `call` throws; fails the test if
 * it throws anything else or nothing.
 *
 * @example
 *   import { dslMethod } from './dsl-method.ts'
 *   import { money } from './param-kinds.ts'
 *   configurationErrorOf(() => dslMethod('placeBet', { stake: money() }).parse({ stake: 'ten' }))
 *   // → 'placeBet: invalid money "ten" for parameter "stake". Accepted: …'
 */
export function configurationErrorOf(call: () => unknown): string {
  try {
    call()
  } catch (error) {
    if (error instanceof ConfigurationError) return error.message
    throw error
  }
  throw new Error('expected a ConfigurationError, but nothing was thrown')
}
