import type { AliasedName } from '../../../drivers/core/aliased-name.ts'

/**
 * How far an alias reaches: one scenario (the default), the whole run
 * (reference data created once and shared by every scenario and worker), or
 * literal (the spec's name is the system's name: never aliased).
 *
 * @example
 *   declare const aliases: NameAliaser
 *   aliases.alias('Cheltenham', { scope: 'run' })
 *   aliases.alias('GBP', { scope: 'literal' }) // 'GBP'
 */
export type AliasScope = 'scenario' | 'run' | 'literal'

/**
 * A system's rules for one kind of field, applied when a real name is made.
 *
 * @example
 *   declare const aliases: NameAliaser
 *   const handle: AliasStrategy = {
 *     name: 'handle',
 *     make: ({ base, unique }) => `${base}_${unique}`.replaceAll('-', '_'),
 *   }
 *   aliases.alias('Alice', { strategy: handle })
 */
export interface AliasStrategy {
  /**
   * Shown in the alias table, e.g. `email @example.test` or `max 16 chars`.
   * It also identifies the strategy: the table takes two strategies with one
   * name to be the same, so put the parameters in it.
   */
  readonly name: string
  /**
   * Makes the real name. `name` is the spec's name as written, `base` the
   * same made safe (lower case, letters, digits and `-`); `unique` is what
   * makes it unique (run id + random). Keep every letter and digit of
   * `unique`, or names could collide.
   */
  make(parts: AliasParts): string
  /**
   * The rule `value` breaks, in a few words (`at most 16 characters, got 17`),
   * or undefined when it keeps them all. The table checks every real name with
   * it, so a strategy that breaks its own rules fails at once, not in the system.
   */
  check?(value: string): string | undefined
}

/**
 * What a strategy makes a real name from.
 *
 * @example
 *   import { defaultStrategy } from './default-strategy.ts'
 *   const parts: AliasParts = { name: 'Alice Smith', base: 'alice-smith', unique: 'r7k2-x9q2bz' }
 *   defaultStrategy.make(parts) // 'Alice Smith r7k2-x9q2bz'
 */
export interface AliasParts {
  /** The spec's name, as written: `Alice Smith`. */
  name: string
  /** The spec's name made safe: lower case, letters, digits and `-`: `alice-smith`. */
  base: string
  /** Run id + random (or, in run scope, a hash of run id and name): `r7k2-x9q2bz`. */
  unique: string
}

/**
 * One row of an alias table.
 *
 * @example
 *   import type { AliasTable } from './alias-table.ts'
 *   declare const table: AliasTable
 *   table.entries()[0] // { name: 'Alice', realName: 'Alice r7k2-x9q2bz', scope: 'scenario', strategy: 'default' }
 *   table.entries().filter((entry) => entry.scope === 'run')
 */
export interface AliasEntry {
  readonly name: string
  readonly realName: AliasedName
  readonly scope: AliasScope
  /** The strategy's name, or `none` for a literal given without one. */
  readonly strategy: string
}

/**
 * Options for one aliased name.
 *
 * @example
 *   import { email } from './email.ts'
 *   declare const aliases: NameAliaser
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
 *   declare const aliaser: NameAliaser
 *   const punter = aliaser.alias('Alice') // AliasedName 'Alice r7k2-x9q2bz'
 *   aliaser.alias('Alice') === punter // stable within the scenario
 */
export interface NameAliaser {
  alias(name: string, options?: AliasOptions): AliasedName
}
