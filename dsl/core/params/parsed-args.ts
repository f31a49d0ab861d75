import type { GroupMembers, GroupParam } from './group.ts'
import type { AnyValueParam, Presence, ValueParam } from './param.ts'

/**
 * A DSL method's parameters: value parameters and repeating groups, by name, in order.
 *
 * @example
 *   import { dslMethod } from './dsl-method.ts'
 *   import { group } from './group.ts'
 *   import { alias, money, string } from './param-kinds.ts'
 *   const declaration = {
 *     punter: alias(),
 *     stake: money({ default: '£10' }),
 *     legs: group({ leg: string() }),
 *   } satisfies Declaration
 *   const placeBet = dslMethod('placeBet', declaration)
 */
export type Declaration = Readonly<Record<string, AnyValueParam | GroupParam<GroupMembers>>>

/**
 * Anything with cucumber's `DataTable.raw()`: the table's cells, row by row.
 *
 * @example
 *   const table: DataTableLike = { raw: () => [['punter', 'Alice'], ['stake', '£10']] }
 *   table.raw()[1] // ['stake', '£10'], as cucumber's DataTable gives it
 */
export interface DataTableLike {
  raw(): readonly (readonly string[])[]
}

type ParsedValue<P> =
  P extends GroupParam<infer M, 'required' | 'optional'>
    ? ParsedArgs<M>[]
    : P extends ValueParam<infer V, unknown, infer Pr, infer R>
      ? R extends true
        ? V[]
        : Pr extends 'optional'
          ? V | undefined
          : V
      : never

/**
 * What a DSL method's `parse` gives back: each parameter's typed value;
 * `T | undefined` when optional without a default, `T[]` when repeated, a
 * list of objects for a repeating group.
 *
 * @example
 *   import { money, odds } from './param-kinds.ts'
 *   const declaration = { stake: money(), price: odds({ optional: true }) }
 *   type Bet = ParsedArgs<typeof declaration> // { stake: Money; price: Odds | undefined }
 */
export type ParsedArgs<D> = { -readonly [K in keyof D]: ParsedValue<D[K]> }

type InputValue<P> =
  P extends GroupParam<infer M, 'required' | 'optional'>
    ? readonly ObjectArgs<M>[] | DataTableLike
    : P extends ValueParam<unknown, infer I, Presence, infer R>
      ? R extends true
        ? I | readonly I[]
        : I
      : never

type RequiredKey<D> = { [K in keyof D]: D[K] extends { readonly presence: 'required' } ? K : never }[keyof D]

/**
 * The typed-object form of a call: each value as text, as its typed value
 * (a Money, Odds, a number for an integer) or, when repeated, a list; a
 * repeating group as a list of objects, or a data table whose columns are the
 * group's parameters. Required parameters are required keys.
 *
 * @example
 *   import { Money } from '../../../drivers/core/values/money.ts'
 *   import { alias, money, string } from './param-kinds.ts'
 *   const declaration = { punter: alias(), selection: string(), stake: money({ default: '£10' }) }
 *   const bet: ObjectArgs<typeof declaration> = { punter: 'Alice', selection: 'Red Rum', stake: Money.pounds(10) }
 */
export type ObjectArgs<D> = Flatten<
  { -readonly [K in RequiredKey<D>]: InputValue<D[K]> } & {
    -readonly [K in Exclude<keyof D, RequiredKey<D>>]?: InputValue<D[K]> | undefined
  }
>

// One object type rather than an intersection, made through `infer` so that it has no alias of its own: an
// editor and a type error show its keys, and a call missing one reads "Property 'stock' is missing in type
// '{ item: string; }' but required in type '{ item: string; stock: string | number; }'", not `Flatten<…>`.
type Flatten<T> = T extends infer U ? { [K in keyof U]: U[K] } : never

/**
 * Both forms a DSL method's arguments may take: a data table or a typed
 * object. A table is turned into the object, so both give the same result.
 * It shows as the two, `DataTableLike | { punter: string; … }`, not as its
 * declaration (a conditional type resolves to a union without a name), so a
 * type error names the parameter a call leaves out.
 *
 * @example
 *   import { alias, string } from './param-kinds.ts'
 *   const declaration = { punter: alias(), selection: string() }
 *   const asTable: DslInput<typeof declaration> = { raw: () => [['punter', 'Alice'], ['selection', 'Red Rum']] }
 *   const asObject: DslInput<typeof declaration> = { punter: 'Alice', selection: 'Red Rum' }
 */
export type DslInput<D> = D extends unknown ? DataTableLike | ObjectArgs<D> : never
