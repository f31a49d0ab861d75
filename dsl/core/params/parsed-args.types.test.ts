import { describe, expectTypeOf, it } from 'vitest'
import type { AliasedName } from '../../../drivers/core/aliased-name.ts'
import type { Decimal } from '../../../drivers/core/values/decimal.ts'
import type { Duration } from '../../../drivers/core/values/duration.ts'
import { Money } from '../../../drivers/core/values/money.ts'
import { Odds } from '../../../drivers/core/values/odds.ts'
import { dslMethod, type ArgsOf, type InputOf } from './dsl-method.ts'
import { group } from './group.ts'
import { alias, boolean, decimal, duration, integer, money, odds, oneOf, string } from './param-kinds.ts'
import type { DataTableLike, DslInput, ObjectArgs, ParsedArgs } from './parsed-args.ts'
import { fakeAliaser } from './test-support.ts'

// The parse calls below run no parameters' checks that matter here: these
// tests are checked by `tsc --noEmit`, and fail the type-check if inference breaks.

const placeBet = dslMethod('placeBet', {
  punter: alias(),
  selection: string(),
  stake: money({ default: '£10' }),
  price: odds({ optional: true }),
  type: oneOf(['win', 'each-way'] as const, { default: 'win' }),
  legs: group({ leg: string(), price: odds() }),
})

const context = { aliases: fakeAliaser().aliases }

describe('the types a declaration infers', () => {
  it('parses to typed values: T | undefined when optional without a default, a list of objects for a group', () => {
    expectTypeOf(placeBet.parse).returns.toEqualTypeOf<{
      punter: AliasedName
      selection: string
      stake: Money
      price: Odds | undefined
      type: 'win' | 'each-way'
      legs: { leg: string; price: Odds }[]
    }>()
  })

  it('types every kind, repeated or not', () => {
    const everything = dslMethod('everything', {
      count: integer(),
      ratio: decimal({ optional: true }),
      within: duration({ default: '2s' }),
      confirmed: boolean({ default: 'no' }),
      names: alias({ repeated: true }),
      stakes: money({ repeated: true, optional: true }),
      optionalGroups: group({ code: string() }, { optional: true }),
    })
    expectTypeOf<ParsedArgs<typeof everything.declaration>>().toEqualTypeOf<{
      count: number
      ratio: Decimal | undefined
      within: Duration
      confirmed: boolean
      names: AliasedName[]
      stakes: Money[]
      optionalGroups: { code: string }[]
    }>()
  })

  it('requires the required keys of the object form, and only those', () => {
    expectTypeOf<ObjectArgs<typeof placeBet.declaration>>().toEqualTypeOf<{
      punter: string
      selection: string
      legs: readonly { leg: string; price: string | Odds }[] | DataTableLike
      stake?: string | Money | undefined
      price?: string | Odds | undefined
      type?: 'win' | 'each-way' | undefined
    }>()
    expectTypeOf<ObjectArgs<typeof placeBet.declaration>>().toExtend<DslInput<typeof placeBet.declaration>>()
  })

  it('checks the object form against the declaration', () => {
    const valid = () =>
      placeBet.parse(
        {
          punter: 'Alice',
          selection: 'Red Rum',
          stake: Money.pounds(5),
          price: Odds.SP,
          legs: [{ leg: 'Arkle', price: '2/1' }],
        },
        context,
      )
    expectTypeOf(valid).returns.toHaveProperty('stake').toEqualTypeOf<Money>()

    // @ts-expect-error selection is required
    expectTypeOf(() => placeBet.parse({ punter: 'Alice', legs: [] }, context)).toBeFunction()
    expectTypeOf(() =>
      // @ts-expect-error a stake is money, not a number
      placeBet.parse({ punter: 'Alice', selection: 'Red Rum', stake: 5, legs: [] }, context),
    ).toBeFunction()
    expectTypeOf(() =>
      // @ts-expect-error "place" is not an allowed type
      placeBet.parse({ punter: 'Alice', selection: 'Red Rum', type: 'place', legs: [] }, context),
    ).toBeFunction()
    expectTypeOf(() =>
      // @ts-expect-error "stak" is not a parameter
      placeBet.parse({ punter: 'Alice', selection: 'Red Rum', stak: '£5', legs: [] }, context),
    ).toBeFunction()
    expectTypeOf(() =>
      placeBet.parse(
        // @ts-expect-error a leg's price is odds, not money
        { punter: 'Alice', selection: 'Red Rum', legs: [{ leg: 'Arkle', price: Money.pounds(2) }] },
        context,
      ),
    ).toBeFunction()
  })

  it("names a method's input and parsed arguments for the domain verb that wraps it", () => {
    expectTypeOf<InputOf<typeof placeBet>>().toEqualTypeOf<DslInput<typeof placeBet.declaration>>()
    expectTypeOf<ArgsOf<typeof placeBet>>().toEqualTypeOf<ParsedArgs<typeof placeBet.declaration>>()
    const betting = { placeBet: (input: InputOf<typeof placeBet>) => placeBet.parse(input, context) }
    expectTypeOf<DataTableLike>().toExtend<Parameters<typeof betting.placeBet>[0]>()
    expectTypeOf<readonly string[]>().not.toExtend<Parameters<typeof betting.placeBet>[0]>()
    expectTypeOf(betting.placeBet).returns.toHaveProperty('legs').toEqualTypeOf<{ leg: string; price: Odds }[]>()
  })

  it('checks defaults and allowed values when the method is declared', () => {
    // @ts-expect-error the default must be one of the allowed values
    expectTypeOf(() => oneOf(['win', 'each-way'], { default: 'place' })).toBeFunction()
    // @ts-expect-error a money default is text or a Money
    expectTypeOf(() => money({ default: 10 })).toBeFunction()
  })
})
