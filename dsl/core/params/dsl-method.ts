import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { CallProblems } from './call-problems.ts'
import { compileDeclaration, type CompiledDeclaration } from './compile-declaration.ts'
import { messages } from './messages.ts'
import type { ParseContext } from './parse-context.ts'
import type { Declaration, DslInput, ParsedArgs } from './parsed-args.ts'
import { readObject } from './read-object.ts'
import { isDataTable, tableToObject } from './table-to-object.ts'

/**
 * A DSL method's parameters, declared once: it parses and checks each call
 * before any driver runs, and TypeScript infers the parsed type.
 *
 * @example
 *   import { alias, money, string } from './param-kinds.ts'
 *   declare const context: ParseContext // the scenario's aliases
 *   const placeBet = dslMethod('placeBet', { punter: alias(), selection: string(), stake: money({ default: '£10' }) })
 *   placeBet.parse({ punter: 'Alice', selection: 'Red Rum', stake: '£5' }, context).stake.toString() // '£5.00'
 */
export class DslMethod<D extends Declaration> {
  /** The parameters, in declared order; groups by their key. */
  readonly parameterNames: readonly string[]
  private readonly compiled: CompiledDeclaration

  constructor(
    /** The method's name, as every message about it begins. */
    readonly name: string,
    /** The declaration, as given: `typeof placeBet.declaration` names its type. */
    readonly declaration: D,
  ) {
    this.compiled = compileDeclaration(name, declaration)
    this.parameterNames = Object.keys(declaration)
  }

  /**
   * Parses one call given as a data table or a typed object; a table is
   * turned into an object first, and the object read. Throws one
   * ConfigurationError listing every problem.
   *
   * @example
   *   import { group } from './group.ts'
   *   import { alias, odds, string } from './param-kinds.ts'
   *   declare const context: ParseContext
   *   const placeMultiple = dslMethod('placeMultiple', {
   *     punter: alias(),
   *     legs: group({ leg: string(), price: odds() }),
   *   })
   *   placeMultiple.parse(
   *     {
   *       raw: () => [
   *         ['punter', 'leg', 'price'],
   *         ['Alice', 'Red Rum', '5/1'],
   *       ],
   *     },
   *     context,
   *   ).legs // [{ leg: 'Red Rum', price: 5/1 }]
   *   placeMultiple.parse({ punter: 'Alice', legs: [{ leg: 'Red Rum', price: '5/1' }] }, context).legs // the same
   */
  parse(input: DslInput<D>, context?: ParseContext): ParsedArgs<D> {
    const compiled = this.compiled
    if (compiled.firstAlias !== undefined && !context?.aliases)
      throw new ConfigurationError(messages.needsAliases(this.name, compiled.firstAlias))
    const problems = new CallProblems(this.name)
    const object: unknown = isDataTable(input) ? tableToObject(problems, compiled, input.raw()) : input
    if (typeof object !== 'object' || object === null || Array.isArray(object))
      throw new ConfigurationError(messages.unreadableInput(this.name, input, compiled.acceptedKeys))
    return readObject(
      compiled,
      object as Readonly<Record<string, unknown>>,
      problems,
      context?.aliases,
    ) as ParsedArgs<D>
  }
}

/**
 * Declares a DSL method's parameters. The declaration is checked and compiled
 * here, once; a mistake in it throws a ConfigurationError naming the method.
 *
 * @example
 *   import { alias, money, string } from './param-kinds.ts'
 *   const placeBet = dslMethod('placeBet', { punter: alias(), selection: string(), stake: money({ default: '£10' }) })
 *   placeBet.parameterNames // ['punter', 'selection', 'stake']
 */
export function dslMethod<D extends Declaration>(name: string, declaration: D): DslMethod<D> {
  return new DslMethod(name, declaration)
}

/**
 * What a DSL method accepts, for the signature of the domain verb that parses it.
 *
 * @example
 *   import { alias, string } from './param-kinds.ts'
 *   declare const context: ParseContext
 *   const placeBet = dslMethod('placeBet', { punter: alias(), selection: string() })
 *   const betting = { placeBet: async (input: InputOf<typeof placeBet>) => placeBet.parse(input, context) }
 *   await betting.placeBet({ punter: 'Alice', selection: 'Red Rum' })
 */
export type InputOf<M> = M extends DslMethod<infer D> ? DslInput<D> : never

/**
 * What a DSL method parses to, for a driver call or a helper that takes the parsed arguments.
 *
 * @example
 *   import { money, string } from './param-kinds.ts'
 *   const placeBet = dslMethod('placeBet', { selection: string(), stake: money({ default: '£10' }) })
 *   const describeBet = (bet: ArgsOf<typeof placeBet>): string => `${bet.stake} on ${bet.selection}`
 *   describeBet(placeBet.parse({ selection: 'Red Rum' })) // '£10.00 on Red Rum'
 */
export type ArgsOf<M> = M extends DslMethod<infer D> ? ParsedArgs<D> : never
