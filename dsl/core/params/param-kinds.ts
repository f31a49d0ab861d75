import type { AliasedName } from '../../../drivers/core/aliased-name.ts'
import type { Decimal } from '../../../drivers/core/values/decimal.ts'
import type { Duration } from '../../../drivers/core/values/duration.ts'
import type { Money } from '../../../drivers/core/values/money.ts'
import type { Odds } from '../../../drivers/core/values/odds.ts'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import type { AliasOptions } from '../aliases/alias-types.ts'
import {
  valueParam,
  type NoOptions,
  type ParamOptions,
  type ValueParam,
  type PresenceOf,
  type RepeatedOf,
} from './param.ts'
import {
  allowedKind,
  booleanKind,
  decimalKind,
  durationKind,
  integerWithin,
  moneyKind,
  nameKind,
  oddsKind,
  textKind,
} from './value-kinds.ts'

/**
 * A text parameter, taken as written (trimmed).
 *
 * @example
 *   import { dslMethod } from './dsl-method.ts'
 *   dslMethod('backAll', { selections: string({ repeated: true }) }).parse({ selections: 'Red Rum, Arkle' }).selections
 *   // → ['Red Rum', 'Arkle']
 */
export function string<const O extends ParamOptions<string> = NoOptions>(
  options?: O,
): ValueParam<string, string, PresenceOf<O>, RepeatedOf<O>> {
  return valueParam(textKind, options)
}

/**
 * Options of a parameter that takes a name to alias.
 *
 * @example
 *   import { email } from '../aliases/email.ts'
 *   import { slug } from '../aliases/slug-strategy.ts'
 *   const course = alias({ scope: 'run' })
 *   const account = alias({ strategy: slug }) // an id: 'alice-r7k2-x9q2bz'
 *   const login = alias({ strategy: email('example.test'), optional: true })
 */
export interface AliasParamOptions extends ParamOptions<string>, AliasOptions {}

/**
 * A spec's name, aliased to the system's name with the parameter's scope and
 * strategy; parsing it needs `{ aliases }`. A typed object gives the spec's name.
 * By default the real name keeps the spec's words (`Alice r7k2-x9q2bz`);
 * declare `strategy: slug` where the system takes the name as an id.
 *
 * @example
 *   import { slug } from '../aliases/slug-strategy.ts'
 *   import { dslMethod } from './dsl-method.ts'
 *   import type { ParseContext } from './parse-context.ts'
 *   declare const context: ParseContext
 *   const openAccount = dslMethod('openAccount', { punter: alias(), id: alias({ strategy: slug }) })
 *   openAccount.parse({ punter: 'Alice', id: 'Alice' }, context)
 *   // → { punter: 'Alice r7k2-x9q2bz', id: 'alice-r7k2-x9q2bz' }
 */
export function alias<const O extends AliasParamOptions = NoOptions>(
  options?: O,
): ValueParam<AliasedName, string, PresenceOf<O>, RepeatedOf<O>> {
  const aliasOptions: AliasOptions = {}
  if (options?.scope !== undefined) aliasOptions.scope = options.scope
  if (options?.strategy !== undefined) aliasOptions.strategy = options.strategy
  return valueParam(nameKind, options, aliasOptions)
}

/**
 * Options of an integer parameter: those of every value parameter, and the range it allows.
 *
 * @example
 *   const stock: IntegerOptions = { min: 0, default: 0 }
 */
export interface IntegerOptions extends ParamOptions<string | number> {
  /** The smallest value allowed, e.g. `0` for a count of things in stock. */
  readonly min?: number
  /** The largest value allowed. */
  readonly max?: number
}

/**
 * A whole number: `3`, `0`, `-2`; `min` and `max` bound it, and its examples
 * and messages keep to them. A typed object may give a number.
 *
 * @example
 *   import { dslMethod } from './dsl-method.ts'
 *   dslMethod('scale', { replicas: integer() }).parse({ replicas: '3' }).replicas // 3, as from { replicas: 3 }
 *   dslMethod('addStock', { stock: integer({ min: 0 }) }).parse({ stock: '-1' })
 *   // ConfigurationError: addStock: invalid integer "-1" for parameter "stock" — less than 0.
 *   //   Accepted: 3, 0 (0 or more)
 */
export function integer<const O extends IntegerOptions = NoOptions>(
  options?: O,
): ValueParam<number, string | number, PresenceOf<O>, RepeatedOf<O>> {
  const bounds = {
    ...(options?.min !== undefined ? { min: options.min } : {}),
    ...(options?.max !== undefined ? { max: options.max } : {}),
  }
  return valueParam(integerWithin(bounds), options)
}

/**
 * An exact decimal: `2.5`, `-0.75`. A typed object may give a Decimal, never a float.
 *
 * @example
 *   import { dslMethod } from './dsl-method.ts'
 *   dslMethod('setRule4', { deduction: decimal() }).parse({ deduction: '0.25' }).deduction.toString() // '0.25'
 */
export function decimal<const O extends ParamOptions<string | Decimal> = NoOptions>(
  options?: O,
): ValueParam<Decimal, string | Decimal, PresenceOf<O>, RepeatedOf<O>> {
  return valueParam(decimalKind, options)
}

/**
 * Money in whole pence: `£10`, `10.00`, `£10.50`, `1050p`. A typed object may give a Money.
 *
 * @example
 *   import { dslMethod } from './dsl-method.ts'
 *   const placeBet = dslMethod('placeBet', { stake: money({ default: '£10' }) })
 *   placeBet.parse({ stake: '£2.50' }).stake.pence // 250
 */
export function money<const O extends ParamOptions<string | Money> = NoOptions>(
  options?: O,
): ValueParam<Money, string | Money, PresenceOf<O>, RepeatedOf<O>> {
  return valueParam(moneyKind, options)
}

/**
 * Odds: `5/2`, `evens`, decimal `2.5` (stake included, so `3/2`), or `SP`. A typed object may give Odds.
 *
 * @example
 *   import { dslMethod } from './dsl-method.ts'
 *   const placeBet = dslMethod('placeBet', { price: odds({ optional: true }) })
 *   placeBet.parse({ price: '2.5' }).price?.toString() // '3/2'
 */
export function odds<const O extends ParamOptions<string | Odds> = NoOptions>(
  options?: O,
): ValueParam<Odds, string | Odds, PresenceOf<O>, RepeatedOf<O>> {
  return valueParam(oddsKind, options)
}

/**
 * Yes or no: `true`, `false`, `yes`, `no`, any case. A typed object may give a boolean.
 *
 * @example
 *   import { dslMethod } from './dsl-method.ts'
 *   const placeBet = dslMethod('placeBet', { eachWay: boolean({ default: 'no' }) })
 *   placeBet.parse({ eachWay: 'Yes' }).eachWay // true
 */
export function boolean<const O extends ParamOptions<string | boolean> = NoOptions>(
  options?: O,
): ValueParam<boolean, string | boolean, PresenceOf<O>, RepeatedOf<O>> {
  return valueParam(booleanKind, options)
}

/**
 * A length of time in whole milliseconds: `250ms`, `2s`, `1.5s`, `2m`, `1h`. A typed object may give a Duration.
 *
 * @example
 *   import { dslMethod } from './dsl-method.ts'
 *   const drain = dslMethod('drain', { within: duration({ default: '5s' }) })
 *   drain.parse({ within: '1.5s' }).within.milliseconds // 1500
 */
export function duration<const O extends ParamOptions<string | Duration> = NoOptions>(
  options?: O,
): ValueParam<Duration, string | Duration, PresenceOf<O>, RepeatedOf<O>> {
  return valueParam(durationKind, options)
}

/**
 * One of a fixed list of words, matched in any case and given back as declared.
 *
 * @example
 *   import { dslMethod } from './dsl-method.ts'
 *   const placeBet = dslMethod('placeBet', { type: oneOf(['win', 'each-way'], { default: 'win' }) })
 *   placeBet.parse({ raw: () => [['type', 'Each-Way']] }).type // 'each-way'
 */
export function oneOf<
  const A extends readonly [string, ...string[]],
  const O extends ParamOptions<A[number]> = NoOptions,
>(allowed: A, options?: O): ValueParam<A[number], A[number], PresenceOf<O>, RepeatedOf<O>> {
  const seen = new Map<string, string>()
  for (const value of allowed) {
    const key = value.toLowerCase()
    const why = whyNotAllowable(value, seen.get(key))
    if (why) throw new ConfigurationError(`oneOf: cannot allow "${value}" — ${why}. Allowed: ${allowed.join(', ')}`)
    seen.set(key, value)
  }
  return valueParam(allowedKind(allowed), options)
}

function whyNotAllowable(value: string, sameInAnotherCase: string | undefined): string | undefined {
  if (value.trim() === '') return 'a blank value can never be given'
  if (value.trim() !== value) return 'values given are trimmed, so it could never match'
  if (value.includes(',')) return 'a comma separates repeated values'
  if (sameInAnotherCase !== undefined)
    return `"${sameInAnotherCase}" is the same in another case, and values match in any case`
  return undefined
}
