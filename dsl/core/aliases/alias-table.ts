import type { AliasedName } from '../../../drivers/core/aliased-name.ts'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../../drivers/core/nearest.ts'
import type { AliasEntry, AliasOptions, AliasScope, AliasStrategy, NameAliaser } from './alias-types.ts'
import { dealiasError } from './dealias-error.ts'
import { Dealiaser } from './dealiaser.ts'
import { defaultStrategy } from './default-strategy.ts'
import { aliasKey, formatAliasTable } from './format-alias-table.ts'
import { checkLiteral, makeRealName } from './make-real-name.ts'
import { nanoidRandom, type RandomSource } from './random-source.ts'
import { checkRunId, currentRunId } from './run-id.ts'
import { slugify } from './spec-name.ts'
import { runUnique, scenarioUnique } from './unique-part.ts'

const scopes: readonly AliasScope[] = ['scenario', 'run', 'literal']

/**
 * Options of an {@link AliasTable}.
 *
 * @example
 *   import { scriptedRandom } from './random-source.ts'
 *   new AliasTable({ runId: currentRunId() })
 *   new AliasTable({ runId: 'r7k2', random: scriptedRandom('x9q2bz') }) // in tests
 */
export interface AliasTableOptions {
  /** The run's id; {@link currentRunId} when absent. */
  runId?: string
  /** Where random parts come from; nanoid when absent. */
  random?: RandomSource
}

/**
 * One scenario's names: spec name → real name. The World makes one per
 * scenario. A name asked for again in the same scope and strategy gets the
 * same real name; the same name under another strategy (a user name and an
 * e-mail address) shares its unique part, so the two read as one identity.
 *
 * @example
 *   const aliases = new AliasTable({ runId: currentRunId() })
 *   aliases.alias('Alice') // 'Alice r7k2-x9q2bz', and again 'Alice r7k2-x9q2bz'
 */
export class AliasTable implements NameAliaser {
  /** The run this scenario belongs to: part of every real name, e.g. `r7k2`. */
  readonly runId: string
  private readonly random: RandomSource
  /** By scope, strategy and name. */
  private readonly byKey = new Map<string, AliasEntry>()
  /** By scope and name: one unique part per identity. */
  private readonly uniques = new Map<string, string>()
  /** Lower-cased real name → spec name, to refuse two names sharing one real name. */
  private readonly owners = new Map<string, string>()
  private dealiaser: Dealiaser | undefined

  constructor(options: AliasTableOptions = {}) {
    this.runId = options.runId === undefined ? currentRunId() : checkRunId(options.runId)
    this.random = options.random ?? nanoidRandom
  }

  /**
   * How many aliases the table holds.
   *
   * @example
   *   declare const aliases: AliasTable, attach: (text: string) => void
   *   if (aliases.size > 0) attach(aliases.format())
   *   new AliasTable().size // 0
   */
  get size(): number {
    return this.byKey.size
  }

  /**
   * The system's name for a spec's name, made on first use.
   *
   * @example
   *   import { email } from './email.ts'
   *   import { slug } from './slug-strategy.ts'
   *   declare const aliases: AliasTable
   *   aliases.alias('Alice') // 'Alice r7k2-x9q2bz'
   *   aliases.alias('Alice', { strategy: slug }) // 'alice-r7k2-x9q2bz'
   *   aliases.alias('Alice', { strategy: email('example.test') }) // 'alice.r7k2x9q2bz@example.test'
   */
  alias(name: string, options: AliasOptions = {}): AliasedName {
    const scope = checkScope(name, options.scope ?? 'scenario')
    const strategy = options.strategy?.name ?? (scope === 'literal' ? 'none' : defaultStrategy.name)
    const key = `${scope}\u0000${strategy}\u0000${name}`
    const known = this.byKey.get(key)
    if (known) return known.realName

    // Also refuses a name with no letter or digit, a literal one too.
    const base = slugify(name)
    const realName =
      scope === 'literal'
        ? literal(name, options.strategy)
        : makeRealName(options.strategy ?? defaultStrategy, { name, base, unique: this.uniqueOf(name, scope) })
    this.claim(realName, name, strategy)
    const entry: AliasEntry = { name, realName: realName as AliasedName, scope, strategy }
    this.byKey.set(key, entry)
    this.dealiaser = undefined
    return entry.realName
  }

  /**
   * The aliases in the order they were made.
   *
   * @example
   *   declare const aliases: AliasTable
   *   aliases.entries() // [{ name: 'Alice', realName: 'Alice r7k2-x9q2bz', scope: 'scenario', strategy: 'default' }]
   *   aliases.entries().filter((entry) => entry.scope === 'run')
   */
  entries(): AliasEntry[] {
    return [...this.byKey.values()]
  }

  /**
   * Spec name → real name, the scope and strategy in brackets when not the
   * usual ones: for error context and the report's JSON attachment.
   *
   * @example
   *   declare const aliases: AliasTable
   *   aliases.toJSON()
   *   // → { Alice: 'Alice r7k2-x9q2bz', 'Cheltenham (run)': 'Cheltenham r7k2-n0k1xw', 'GBP (literal)': 'GBP' }
   *   JSON.stringify({ runId: aliases.runId, aliases }) // toJSON is used by JSON.stringify
   */
  toJSON(): Record<string, string> {
    return Object.fromEntries(this.entries().map((entry) => [aliasKey(entry), entry.realName]))
  }

  /**
   * The table as aligned text: spec name | real name | scope | strategy.
   *
   * @example
   *   import type { World } from '@cucumber/cucumber'
   *   declare const aliases: AliasTable, world: World
   *   world.attach(aliases.format(), { mediaType: 'text/plain', fileName: 'aliases.txt' })
   *   aliases.format() // 'Aliases of run r7k2\nspec name | real name ...'
   */
  format(): string {
    return formatAliasTable(this.entries(), this.runId)
  }

  /**
   * The text with every real name of this table turned back into its spec
   * name (see {@link Dealiaser} for the exact rules).
   *
   * @example
   *   declare const aliases: AliasTable
   *   aliases.dealias('no account Alice r7k2-x9q2bz.') // 'no account Alice.'
   *   aliases.dealias('/accounts/Alice%20r7k2-x9q2bz/bets?punter=Alice+r7k2-x9q2bz')
   *   // → '/accounts/Alice/bets?punter=Alice'
   */
  dealias(text: string): string {
    this.dealiaser ??= Dealiaser.compile(this.entries().map((entry) => [entry.realName, entry.name] as const))
    return this.dealiaser.dealias(text)
  }

  /**
   * De-aliases an error's message and stack (and its causes) in place.
   *
   * @example
   *   declare const aliases: AliasTable, step: () => Promise<void>
   *   try { await step() } catch (error) { throw aliases.dealiasError(error) }
   *   aliases.dealiasError(new Error('Alice r7k2-x9q2bz not found')).message // 'Alice not found'
   */
  dealiasError<E>(error: E): E {
    return dealiasError(error, (text) => this.dealias(text))
  }

  private uniqueOf(name: string, scope: 'scenario' | 'run'): string {
    const key = `${scope}\u0000${name}`
    let unique = this.uniques.get(key)
    if (unique === undefined) {
      unique = scope === 'run' ? runUnique(this.runId, name) : scenarioUnique(this.runId, this.random)
      this.uniques.set(key, unique)
    }
    return unique
  }

  private claim(realName: string, name: string, strategy: string): void {
    const owner = this.owners.get(realName.toLowerCase())
    if (owner !== undefined && owner !== name) {
      throw new ConfigurationError(
        `Cannot alias ${JSON.stringify(name)}: strategy ${JSON.stringify(strategy)} made ` +
          `${JSON.stringify(realName)}, ` +
          `which is already the real name of ${JSON.stringify(owner)} in this scenario. Each spec name needs ` +
          `its own real name.`,
      )
    }
    this.owners.set(realName.toLowerCase(), name)
  }
}

function checkScope(name: string, scope: AliasScope): AliasScope {
  if (scopes.includes(scope)) return scope
  const suggestion = nearest(String(scope), scopes)
  throw new ConfigurationError(
    `Cannot alias ${JSON.stringify(name)}: unknown scope ${JSON.stringify(scope)}. Use one of ${scopes.join(', ')}` +
      (suggestion ? ` (did you mean "${suggestion}"?).` : '.'),
  )
}

function literal(name: string, strategy: AliasStrategy | undefined): string {
  if (strategy) checkLiteral(strategy, name)
  return name
}
