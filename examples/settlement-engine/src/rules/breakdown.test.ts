import { describe, expect, it } from 'vitest'
import { bet, race, settleBoth } from './settlement-fixtures.ts'

describe('settleBet with a breakdown', () => {
  it('shows each part, each leg’s outcome, odds, place terms, dead heat and Rule 4, and the exact total', () => {
    // 9 declared, 1 withdrawn at 3/1 after the bet: 8 under orders, 1/5 odds, 3 places. A dead-heats for 2nd with two
    // others.
    const r1 = race('R1', { runners: 9, withdrawals: [['I', '3/1', 2]], placings: [['B'], ['A', 'C', 'D']] })
    const { returnsPence, breakdown } = settleBoth(bet('10', [['R1', 'A', '6/1']], { eachWay: true }), r1)
    expect(returnsPence).toBe(1266)
    expect(breakdown).toEqual({
      stakePence: 1000,
      eachWay: true,
      parts: [
        {
          part: 'win',
          stakePence: 1000,
          legs: [{ event: 'R1', runner: 'A', result: 'lost', position: 2, deadHeatWith: 3, price: '6/1', factor: '0' }],
          exactReturnsPence: '0',
        },
        {
          part: 'place',
          stakePence: 1000,
          legs: [
            {
              event: 'R1',
              runner: 'A',
              result: 'placed',
              position: 2,
              deadHeatWith: 3,
              price: '6/1',
              odds: '6/1',
              placeFraction: '1/5',
              places: 3,
              deadHeatFactor: '2/3',
              rule4Pence: 25,
              rule4Withdrawals: ['I'],
              factor: '19/15', // 2/3 × (1 + 6/1 × 1/5 × 0.75)
            },
          ],
          exactReturnsPence: '3800/3',
        },
      ],
      exactReturnsPence: '3800/3',
      returnsPence: 1266,
    })
  })

  it('shows SP odds used, void races and non-runners at factor 1', () => {
    const r1 = race('R1', { runners: 8, placings: [['A']], startingPrices: { A: '5/2' } })
    const r2 = race('R2', { runners: 8, void: true })
    const r3 = race('R3', { runners: 8, withdrawals: [['A', '7/4', 2]], placings: [['B']] })
    const { breakdown } = settleBoth(
      bet('2', [
        ['R1', 'A', 'SP'],
        ['R2', 'A', '4/1'],
        ['R3', 'A', '3/1'],
      ]),
      r1,
      r2,
      r3,
    )
    expect(breakdown.parts).toEqual([
      {
        part: 'win',
        stakePence: 200,
        legs: [
          {
            event: 'R1',
            runner: 'A',
            result: 'won',
            position: 1,
            price: 'SP',
            odds: '5/2',
            deadHeatFactor: '1',
            rule4Pence: 0,
            rule4Withdrawals: [],
            factor: '7/2',
          },
          { event: 'R2', runner: 'A', result: 'void race', price: '4/1', factor: '1' },
          { event: 'R3', runner: 'A', result: 'non-runner', price: '3/1', factor: '1' },
        ],
        exactReturnsPence: '700',
      },
    ])
    expect(breakdown.returnsPence).toBe(700)
  })

  it('shows a win-only race’s place leg as having no place terms, and Rule 4 withdrawals oldest first', () => {
    const r1 = race('R1', {
      runners: 6,
      withdrawals: [
        ['E', '4/1', 3],
        ['F', '9/1', 2],
      ],
      placings: [['A']],
    })
    const { breakdown } = settleBoth(bet('10', [['R1', 'A', 'evens']], { eachWay: true }), r1)
    expect(breakdown.parts.map((part) => part.legs[0])).toEqual([
      {
        event: 'R1',
        runner: 'A',
        result: 'won',
        position: 1,
        price: 'evens',
        odds: 'evens',
        deadHeatFactor: '1',
        rule4Pence: 30,
        rule4Withdrawals: ['F', 'E'],
        factor: '17/10',
      },
      { event: 'R1', runner: 'A', result: 'no place terms', price: 'evens', factor: '1' },
    ])
    expect(breakdown.exactReturnsPence).toBe('2700')
  })

  it('is plain data: it survives JSON unchanged', () => {
    const r1 = race('R1', { runners: 8, placings: [['A', 'B']] })
    const { breakdown } = settleBoth(bet('10', [['R1', 'A', '10/1']], { eachWay: true }), r1)
    expect(JSON.parse(JSON.stringify(breakdown))).toEqual(breakdown)
  })
})
