import { describe, expect, it } from 'vitest'
import { parseOdds } from '../arithmetic/price.ts'
import { compileEvent, missingStartingPrices, type EventFacts } from './event-outcome.ts'
import { race } from './settlement-fixtures.ts'

const facts = (overrides: Partial<EventFacts>): EventFacts => ({
  id: 'R1',
  handicap: false,
  runners: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
  withdrawals: [],
  void: false,
  ...overrides,
})

describe('compileEvent', () => {
  it('tabulates each runner: position, dead heat, win and place shares, starting price', () => {
    const outcome = race('R1', {
      runners: 8,
      placings: [['A'], ['B', 'C'], ['D']],
      startingPrices: { A: '2/1', B: '5/1' },
    })
    expect(outcome.state).toBe('resulted')
    expect(outcome.runnersUnderOrders).toBe(8)
    expect(outcome.placeTerms).toEqual({ fraction: { num: 1, den: 5 }, places: 3 })
    expect(outcome.runners.get('A')).toEqual({
      runner: 'A',
      withdrawn: false,
      position: 1,
      tied: 1,
      winNum: 1,
      winDen: 1,
      placeNum: 1,
      placeDen: 1,
      startingPrice: { num: 2, den: 1 },
    })
    expect(outcome.runners.get('B')).toEqual({
      runner: 'B',
      withdrawn: false,
      position: 2,
      tied: 2,
      winNum: 0,
      winDen: 1,
      placeNum: 1,
      placeDen: 1,
      startingPrice: { num: 5, den: 1 },
    })
    expect(outcome.runners.get('D')).toMatchObject({ position: 4, placeNum: 0, startingPrice: undefined })
    expect(outcome.runners.get('H')).toMatchObject({ position: 0, tied: 0, winNum: 0, placeNum: 0 })
  })

  it('counts runners under orders without the withdrawn, and keeps withdrawals newest first with their Rule 4', () => {
    const outcome = race('R1', {
      runners: 8,
      withdrawals: [
        ['G', '3/1', 4],
        ['H', '6/1', 9, true],
      ],
    })
    expect(outcome.state).toBe('open')
    expect(outcome.runnersUnderOrders).toBe(6)
    expect(outcome.placeTerms).toEqual({ fraction: { num: 1, den: 4 }, places: 2 })
    expect(outcome.withdrawals).toEqual([
      { runner: 'H', seq: 9, late: true, pence: 10 },
      { runner: 'G', seq: 4, late: false, pence: 25 },
    ])
    expect(outcome.runners.get('G')).toMatchObject({ withdrawn: true, winNum: 0, placeNum: 0 })
  })

  it('marks a void race void, result or not', () => {
    expect(race('R1', { runners: 8, void: true }).state).toBe('void')
    expect(race('R1', { runners: 8, void: true, placings: [['A']] }).state).toBe('void')
  })

  it('leaves a win-only race without place shares', () => {
    const outcome = race('R1', { runners: 4, placings: [['A'], ['B']] })
    expect(outcome.placeTerms).toBeUndefined()
    expect(outcome.runners.get('A')).toMatchObject({ winNum: 1, placeNum: 0 })
  })

  it('reads only a runner’s own starting price, not one inherited from Object', () => {
    const outcome = compileEvent(
      facts({
        runners: ['constructor', 'B', 'C', 'D', 'E'],
        result: { placings: [['constructor']], startingPrices: {} },
      }),
    )
    expect(outcome.runners.get('constructor')?.startingPrice).toBeUndefined()
  })

  it.each([
    [
      'a withdrawal of an undeclared runner',
      { withdrawals: [{ runner: 'Z', price: parseOdds('2/1'), late: false, seq: 1 }] },
      'withdraws "Z", which is not declared',
    ],
    [
      'a runner withdrawn twice',
      { withdrawals: [1, 2].map((seq) => ({ runner: 'A', price: parseOdds('2/1'), late: false, seq })) },
      'withdraws "A" twice',
    ],
    [
      'a placing of an undeclared runner',
      { result: { placings: [['Z']], startingPrices: {} } },
      'places "Z", which is not declared',
    ],
    [
      'a placing of a withdrawn runner',
      {
        withdrawals: [{ runner: 'A', price: parseOdds('2/1'), late: false, seq: 1 }],
        result: { placings: [['A']], startingPrices: {} },
      },
      'places "A", which was withdrawn',
    ],
    ['a runner placed twice', { result: { placings: [['A'], ['A']], startingPrices: {} } }, 'places "A" twice'],
    [
      'an empty placing',
      { result: { placings: [['A'], []], startingPrices: {} } },
      'has an empty group in its placings',
    ],
  ])('refuses %s', (_, overrides, what) => {
    expect(() => compileEvent(facts(overrides))).toThrow(
      new RangeError(`event "R1" ${what}; the engine should refuse this before settlement`),
    )
  })
})

describe('missingStartingPrices', () => {
  it('lists the runners that won or placed without a starting price', () => {
    const outcome = race('R1', {
      runners: 8,
      placings: [['A'], ['B'], ['C', 'D'], ['E']],
      startingPrices: { B: '3/1' },
    })
    expect(missingStartingPrices(outcome)).toEqual(['A', 'C', 'D'])
  })

  it('lists nothing for a race not resulted', () => {
    expect(missingStartingPrices(race('R1', { runners: 8 }))).toEqual([])
    expect(missingStartingPrices(race('R1', { runners: 8, void: true, placings: [['A']] }))).toEqual([])
  })
})
