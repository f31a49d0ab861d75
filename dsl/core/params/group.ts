import type { AnyValueParam, NoOptions } from './param.ts'

/**
 * The parameters of one repeating group, in declared order; the first one starts each group.
 *
 * @example
 *   import { odds, string } from './param-kinds.ts'
 *   const leg: GroupMembers = { leg: string(), price: odds() }
 *   const legs = group(leg) // each group starts with "leg"
 */
export type GroupMembers = Readonly<Record<string, AnyValueParam>>

/**
 * A declared repeating group: parameters given together, any number of times,
 * parsed to a list of objects.
 *
 * @example
 *   import { string } from './param-kinds.ts'
 *   import type { ValueParam } from './param.ts'
 *   const legs: GroupParam<{ leg: ValueParam<string, string, 'required', false> }, 'required'> = group({
 *     leg: string(),
 *   })
 *   legs.members.leg.kind.name // 'text'
 */
export interface GroupParam<M extends GroupMembers, P extends 'required' | 'optional' = 'required' | 'optional'> {
  readonly shape: 'group'
  readonly members: M
  readonly presence: P
}

/**
 * Options of a repeating group.
 *
 * @example
 *   import { dslMethod } from './dsl-method.ts'
 *   import { odds, string } from './param-kinds.ts'
 *   const placeBet = dslMethod('placeBet', {
 *     selection: string(),
 *     legs: group({ leg: string(), price: odds() }, { optional: true }),
 *   })
 *   placeBet.parse({ selection: 'Red Rum' }).legs // []
 */
export interface GroupOptions {
  /** There may be no group at all; by default at least one is required. */
  readonly optional?: boolean
}

/**
 * Declares a repeating group, like Simple-DSL's RepeatingArgGroup: given as a
 * list of objects, or a data table of its columns; in a call's whole data table
 * the group's first parameter starts a new group, and the others that follow
 * it belong to that group.
 *
 * @example
 *   import { dslMethod } from './dsl-method.ts'
 *   import { odds, string } from './param-kinds.ts'
 *   const accumulator = dslMethod('placeAccumulator', { legs: group({ leg: string(), price: odds() }) })
 *   accumulator.parse({ legs: [{ leg: 'Red Rum', price: '5/1' }, { leg: 'Arkle', price: '2/1' }] }).legs.length // 2
 */
export function group<M extends GroupMembers, const O extends GroupOptions = NoOptions>(
  members: M,
  options?: O,
): GroupParam<M, O extends { readonly optional: true } ? 'optional' : 'required'> {
  return {
    shape: 'group',
    members,
    presence: (options?.optional ? 'optional' : 'required') as O extends { readonly optional: true }
      ? 'optional'
      : 'required',
  }
}
