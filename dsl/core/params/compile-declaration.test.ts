import { describe, expect, it } from 'vitest'
import { Money } from '../../../drivers/core/values/money.ts'
import { dslMethod } from './dsl-method.ts'
import { group } from './group.ts'
import { alias, duration, money, odds, oneOf, string } from './param-kinds.ts'
import type { Declaration } from './parsed-args.ts'
import { configurationErrorOf } from './test-support.ts'

const declare = (declaration: Declaration) => configurationErrorOf(() => dslMethod('placeBet', declaration))

describe('checking a declaration when the method is defined', () => {
  it('reads defaults once, and reports one that is invalid', () => {
    expect(declare({ stake: money({ default: 'ten' }) })).toBe(
      'placeBet: invalid money "ten" as the default of parameter "stake". Accepted: £10, 10.00, £10.50, 1050p',
    )
    expect(declare({ within: duration({ default: '  ' }) })).toBe(
      'placeBet: invalid duration "  " as the default of parameter "within" — a blank default is never used. ' +
        'Accepted: 250ms, 2s, 1.5s, 2m, 1h',
    )
    expect(declare({ stake: money({ default: 10 as unknown as string }) })).toBe(
      'placeBet: invalid money 10 as the default of parameter "stake" — give text or a Money. Accepted: £10, ' +
        '10.00, £10.50, 1050p',
    )
    expect(declare({ stake: money({ default: ['£1', '£2'] }) })).toBe(
      'placeBet: parameter "stake" takes one value, so its default cannot be a list — declare it { repeated: ' +
        'true } or give one value',
    )
  })

  it('accepts a typed default', () => {
    expect(
      dslMethod('placeBet', { stake: money({ default: Money.pounds(2) }) })
        .parse({})
        .stake.toString(),
    ).toBe('£2.00')
  })

  it('refuses two names that differ only in case', () => {
    expect(declare({ stake: money(), Stake: money() })).toBe(
      'placeBet: parameter "Stake" has the same name as "stake" — names match in any case, so rename one',
    )
    expect(declare({ legs: group({ leg: string(), price: odds(), Price: odds() }) })).toBe(
      'placeBet: parameter "Price" of group "legs" has the same name as "price" — names match in any case, so ' +
        'rename one',
    )
  })

  it("refuses a group's first parameter that is also another parameter", () => {
    expect(declare({ leg: string(), legs: group({ leg: string() }) })).toBe(
      'placeBet: parameter "leg" starts group "legs", so it cannot also be the parameter "leg" — rename one',
    )
    expect(declare({ legs: group({ leg: string() }), bets: group({ bet: string(), leg: string() }) })).toBe(
      'placeBet: parameter "leg" starts group "legs", so it cannot also be a parameter of group "bets" — rename one',
    )
  })

  it("allows a group's other parameters to share a top-level name", () => {
    expect(
      dslMethod('placeBet', { price: odds({ optional: true }), legs: group({ leg: string(), price: odds() }) })
        .parameterNames,
    ).toEqual(['price', 'legs'])
  })

  it("refuses a group's first parameter that is optional, defaulted or repeated", () => {
    const expected =
      'placeBet: parameter "leg" starts group "legs", so it is required and takes one value — declare it ' +
      'without optional, default or repeated'
    expect(declare({ legs: group({ leg: string({ optional: true }) }) })).toBe(expected)
    expect(declare({ legs: group({ leg: string({ default: 'Red Rum' }) }) })).toBe(expected)
    expect(declare({ legs: group({ leg: alias({ repeated: true }) }) })).toBe(expected)
  })

  it('refuses an empty group, a nested group, and what is not a parameter', () => {
    expect(declare({ legs: group({}) })).toBe(
      'placeBet: group "legs" declares no parameters — give at least the one that starts each group',
    )
    expect(declare({ legs: group({ leg: group({ horse: string() }) } as never) })).toBe(
      'placeBet: parameter "leg" of group "legs" is a group — groups cannot nest\nplaceBet: group "legs" ' +
        'declares no parameters — give at least the one that starts each group',
    )
    expect(declare({ stake: 'money' as never })).toBe(
      'placeBet: parameter "stake" is declared as "money" — declare it with string(), money(), group() or ' +
        'another parameter kind',
    )
  })

  it('reports every mistake in one error', () => {
    expect(declare({ stake: money({ default: 'ten' }), Stake: money() })).toBe(
      [
        'placeBet: invalid money "ten" as the default of parameter "stake". Accepted: £10, 10.00, £10.50, 1050p',
        'placeBet: parameter "Stake" has the same name as "stake" — names match in any case, so rename one',
      ].join('\n'),
    )
  })
})

describe('oneOf', () => {
  it('refuses allowed values that could never be told apart or given', () => {
    expect(configurationErrorOf(() => oneOf(['win', 'Win']))).toBe(
      'oneOf: cannot allow "Win" — "win" is the same in another case, and values match in any case. Allowed: win, Win',
    )
    expect(configurationErrorOf(() => oneOf(['win', ' ']))).toBe(
      'oneOf: cannot allow " " — a blank value can never be given. Allowed: win,  ',
    )
    expect(configurationErrorOf(() => oneOf(['win', 'win, place']))).toBe(
      'oneOf: cannot allow "win, place" — a comma separates repeated values. Allowed: win, win, place',
    )
    expect(configurationErrorOf(() => oneOf([' win']))).toBe(
      'oneOf: cannot allow " win" — values given are trimmed, so it could never match. Allowed:  win',
    )
  })
})
