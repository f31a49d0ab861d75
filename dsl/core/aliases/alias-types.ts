import type { AliasedName } from '../../../drivers/core/aliased-name.ts'

/**
 * How far an alias reaches: one scenario (the default), the whole run
 * (reference data created once and shared by every scenario and worker), or
 * literal (the spec's name is the system's name: never aliased).
 *
 * @example
 *   aliases.alias('Cheltenham', { scope: 'run' })
 *   aliases.alias('GBP', { scope: 'literal' }) // 'GBP'
 */
export type AliasScope = 'scenario' | 'run' | 'literal'

/**
 * A system's rules for one kind of field, applied when a real name is made.
 *
 * @example
 *   const handle: AliasStrategy = { name: 'handle', make: ({ base, unique }) => `${base}_${unique}`.slice(0, 16) }
 *   aliases.alias('Alice', { strategy: handle })
 */
export interface AliasStrategy {
  /** Shown in the alias table, e.g. `email` or `max 16 chars`. */
  readonly name: string
  /**
   * Makes the real name. `base` is the spec's name made safe (lower case,
   * letters, digits and `-`); `unique` is what makes it unique (run id + random).
   */
  make(parts: { name: string; base: string; unique: string }): string
}

/**
 * Options for one aliased name.
 *
 * @example
 *   aliases.alias('Alice', { scope: 'scenario', strategy: email('example.test') })
 */
export interface AliasOptions {
  scope?: AliasScope
  strategy?: AliasStrategy
}

/**
 * Anything that turns a spec's name into the system's name: what DSL
 * parameters of type alias need.
 *
 * @example
 *   const punter = aliaser.alias('Alice') // AliasedName 'alice-r7k2-x9q2bz'
 *   aliaser.alias('Alice') === punter // stable within the scenario
 */
export interface NameAliaser {
  alias(name: string, options?: AliasOptions): AliasedName
}
