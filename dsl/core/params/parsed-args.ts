import type { GroupMembers, GroupParam } from './group.ts'
import type { AnyValueParam, Presence, ValueParam } from './param.ts'

/**
 * A DSL method's parameters: value parameters and repeating groups, by name, in order.
 *
 * @example
 *   const declaration = { punter: alias(), stake: money({ default: '£10' }), legs: group({ leg: string() }) } satisfies Declaration
 *   const placeBet = dslMethod('placeBet', declaration)
 */
export type Declaration = Readonly<Record<string, AnyValueParam | GroupParam<GroupMembers>>>

/**
 * Anything with cucumber's `DataTable.raw()`: the table's cells, row by row.
 *
 * @example
 *   const table: DataTableLike = { raw: () => [['punter', 'Alice'], ['stake', '£10']] }
 *   placeBet.parse(table, { aliases })
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
 *   type Bet = ParsedArgs<{ stake: typeof stake; price: typeof price }> // { stake: Money; price: Odds | undefined }
 *   const bet: ParsedArgs<typeof placeBet.declaration> = placeBet.parse(input, { aliases })
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
 *   const bet: ObjectArgs<typeof placeBet.declaration> = { punter: 'Alice', selection: 'Red Rum', stake: Money.pounds(10) }
 *   placeBet.parse(bet, { aliases })
 */
export type ObjectArgs<D> = Flatten<
  { -readonly [K in RequiredKey<D>]: InputValue<D[K]> } & { -readonly [K in Exclude<keyof D, RequiredKey<D>>]?: InputValue<D[K]> | undefined }
>

// One object type rather than an intersection, so that editors show it plainly.
type Flatten<T> = { [K in keyof T]: T[K] }

/**
 * Both forms a DSL method's arguments may take: a data table or a typed
 * object. A table is turned into the object, so both give the same result.
 *
 * @example
 *   placeBet.parse(dataTable, { aliases }) // | punter | Alice | and | selection | Red Rum |
 *   placeBet.parse({ punter: 'Alice', selection: 'Red Rum' }, { aliases })
 */
export type DslInput<D> = DataTableLike | ObjectArgs<D>
