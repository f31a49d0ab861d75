import type { AliasOptions } from '../aliases/alias-types.ts'

/**
 * Whether a parameter must be given, may be left out, or falls back to a default.
 *
 * @example
 *   import { money } from './param-kinds.ts'
 *   money().presence // 'required'
 *   money({ default: '£10' }).presence // 'defaulted'
 */
export type Presence = 'required' | 'optional' | 'defaulted'

/**
 * One kind of value a parameter takes: how to read it from text, which typed
 * values stand for it, and how to describe it in a message.
 *
 * @example
 *   import { Money } from '../../../drivers/core/values/money.ts'
 *   const money: ValueKind<Money> = {
 *     name: 'money',
 *     accepted: '£10, 10.00',
 *     expected: 'money, e.g. £10',
 *     typed: 'a Money',
 *     read: Money.parse,
 *     accept: (v) => (v instanceof Money ? v : undefined),
 *   }
 *   money.read('£10').pence // 1000
 */
export interface ValueKind<V> {
  /** What a message calls a bad value: `invalid money "ten"`. */
  readonly name: string
  /** Accepted forms, as examples: `£10, 10.00, £10.50, 1050p`. */
  readonly accepted: string
  /** What to give when the value is missing: `money, e.g. £10, 10.00, £10.50, 1050p`. */
  readonly expected: string
  /** The typed value an object may give instead of text, e.g. `a Money`; undefined when only text will do. */
  readonly typed: string | undefined
  /** Reads trimmed, non-blank text; throws a ValueFormatError when it is not of this kind. */
  read(text: string): V
  /** The value itself when it is a typed value of this kind; otherwise undefined. */
  accept(value: unknown): V | undefined
}

/**
 * Options every value parameter takes.
 *
 * @example
 *   import { money, string } from './param-kinds.ts'
 *   const notes: ParamOptions<string> = { optional: true, repeated: true }
 *   string(notes) // string[], [] when left out; money({ default: '£10' }) a Money, £10.00 when left out
 */
export interface ParamOptions<I> {
  /** The parameter may be left out: it is then `undefined`, or `[]` when repeated. */
  readonly optional?: boolean
  /** The value when left out, as a spec would write it (`'£10'`) or typed (`Money.pounds(10)`). */
  readonly default?: I | readonly I[]
  /** The parameter takes several values: a list, a comma list, or its name in several table rows. */
  readonly repeated?: boolean
}

declare const types: unique symbol

/**
 * A declared value parameter. `V` is the parsed value's type and `I` what a
 * typed object may give for it; both exist only for TypeScript.
 *
 * @example
 *   import type { Money } from '../../../drivers/core/values/money.ts'
 *   import { money } from './param-kinds.ts'
 *   const stake: ValueParam<Money, string | Money, 'defaulted', false> = money({ default: '£10' })
 *   stake.kind.name // 'money'
 */
export interface ValueParam<V, I, P extends Presence = Presence, R extends boolean = boolean> {
  readonly shape: 'value'
  readonly kind: ValueKind<unknown>
  readonly presence: P
  readonly repeated: R
  /** The default as declared, read when the method is defined. */
  readonly default: unknown
  /** How to alias the value, for a parameter that takes a name to alias. */
  readonly alias: AliasOptions | undefined
  readonly [types]?: { readonly value: V; readonly input: I }
}

/**
 * Any value parameter, whatever it parses to. (`any`, not `unknown`: the
 * phantom input type would otherwise make some parameters unassignable.)
 *
 * @example
 *   import { money, odds } from './param-kinds.ts'
 *   const params: Record<string, AnyValueParam> = { stake: money(), price: odds() }
 *   const names = Object.keys(params) // ['stake', 'price']
 */
// A ValueParam of any value and input type: it takes its input type in and gives its value type out, so no one
// type but any stands for them all.
// biome-ignore lint/suspicious/noExplicitAny: see above
export type AnyValueParam = ValueParam<any, any, Presence, boolean>

/**
 * The presence that a parameter's options give it.
 *
 * @example
 *   type P = PresenceOf<{ default: '£10' }> // 'defaulted'
 *   type Q = PresenceOf<{}> // 'required'
 */
export type PresenceOf<O> = O extends { readonly default: NonNullable<unknown> }
  ? 'defaulted'
  : O extends { readonly optional: true }
    ? 'optional'
    : 'required'

/**
 * A parameter declared with no options: what a builder's options default to.
 *
 * @example
 *   type P = PresenceOf<NoOptions> // 'required'
 */
export type NoOptions = Record<never, never>

/**
 * Whether a parameter's options make it repeated.
 *
 * @example
 *   type R = RepeatedOf<{ repeated: true }> // true
 *   type S = RepeatedOf<{ optional: true }> // false
 */
export type RepeatedOf<O> = O extends { readonly repeated: true } ? true : false

/**
 * Makes a value parameter of a kind from its options; the builders (`money()`,
 * `odds()`, ...) are one line each on top of it.
 *
 * @example
 *   import { dslMethod } from './dsl-method.ts'
 *   declare const colourKind: ValueKind<'red' | 'blue'>
 *   const colour = <const O extends ParamOptions<string> = NoOptions>(options?: O) =>
 *     valueParam<'red' | 'blue', string, O>(colourKind, options)
 *   dslMethod('paint', { colour: colour() }).parse({ colour: 'red' }).colour // 'red'
 */
export function valueParam<V, I, O extends ParamOptions<I> = NoOptions>(
  kind: ValueKind<unknown>,
  options?: O,
  alias?: AliasOptions,
): ValueParam<V, I, PresenceOf<O>, RepeatedOf<O>> {
  const presence = options?.default !== undefined ? 'defaulted' : options?.optional ? 'optional' : 'required'
  return {
    shape: 'value',
    kind,
    presence: presence as PresenceOf<O>,
    repeated: (options?.repeated === true) as RepeatedOf<O>,
    default: options?.default,
    alias,
  }
}
