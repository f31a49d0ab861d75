import { describe, expect, it } from 'vitest'
import type { EventOutcome } from './event-outcome.ts'
import { MissingStartingPriceError } from './missing-starting-price-error.ts'
import { settleBet } from './settle-bet.ts'
import { bet, race, settle } from './settlement-fixtures.ts'

describe('settleBet: the public worked examples', () => {
  it('£10 win at 2/1 wins: £30.00', () => {
    expect(settle(bet('10', [['R1', 'A', '2/1']]), race('R1', { runners: 8, placings: [['A']] }))).toBe(3000)
  })

  it('£10 win at 5/2 wins: £35.00', () => {
    expect(settle(bet('10', [['R1', 'A', '5/2']]), race('R1', { runners: 8, placings: [['A']] }))).toBe(3500)
  })

  it('£10 win at 8/1 wins after a 3/1 withdrawal (25p): £70.00', () => {
    const r1 = race('R1', { runners: 8, withdrawals: [['H', '3/1', 2]], placings: [['A']] })
    expect(settle(bet('10', [['R1', 'A', '8/1']], { struckSeq: 1 }), r1)).toBe(7000)
  })

  it('£10 win at 10/1 in a two-way dead heat for first: £55.00', () => {
    expect(settle(bet('10', [['R1', 'A', '10/1']]), race('R1', { runners: 8, placings: [['A', 'B']] }))).toBe(5500)
  })

  it('£1 double at 4/1 and 3/1, both win: £20.00', () => {
    const double = bet('1', [
      ['R1', 'A', '4/1'],
      ['R2', 'A', '3/1'],
    ])
    expect(
      settle(double, race('R1', { runners: 8, placings: [['A']] }), race('R2', { runners: 8, placings: [['A']] })),
    ).toBe(2000)
  })

  it('a treble with one non-runner settles as a double, even before the non-runner’s race is run', () => {
    const treble = bet('1', [
      ['R1', 'A', '4/1'],
      ['R2', 'A', '3/1'],
      ['R3', 'A', '5/1'],
    ])
    const r3 = race('R3', { runners: 8, withdrawals: [['A', '2/1', 2]] })
    expect(
      settle(treble, race('R1', { runners: 8, placings: [['A']] }), race('R2', { runners: 8, placings: [['A']] }), r3),
    ).toBe(2000)
  })

  it('£10 each-way at 20/1 in an 8-runner handicap, finishing 3rd: £50.00', () => {
    const r1 = race('R1', { runners: 8, handicap: true, placings: [['B'], ['C'], ['A']] })
    expect(settle(bet('10', [['R1', 'A', '20/1']], { eachWay: true }), r1)).toBe(5000)
  })
})

describe('settleBet: winners and losers', () => {
  it('a loser returns nothing; a double with a losing leg too', () => {
    const r1 = race('R1', { runners: 8, placings: [['B'], ['A']] })
    const r2 = race('R2', { runners: 8, placings: [['A']] })
    expect(settle(bet('10', [['R1', 'A', '2/1']]), r1)).toBe(0)
    expect(
      settle(
        bet('1', [
          ['R2', 'A', '4/1'],
          ['R1', 'A', '3/1'],
        ]),
        r1,
        r2,
      ),
    ).toBe(0)
  })

  it('rounds down to the penny', () => {
    expect(settle(bet('1', [['R1', 'A', '5/6']]), race('R1', { runners: 8, placings: [['A']] }))).toBe(183) // 550/3
  })
})

describe('settleBet: Rule 4', () => {
  const win8to1 = (withdrawals: Array<[string, string, number, boolean?]>, struckSeq = 1, price = '8/1') =>
    settle(
      bet('10', [['R1', 'A', price]], { struckSeq }),
      race('R1', { runners: 10, withdrawals, placings: [['A']], startingPrices: { A: '8/1' } }),
    )

  it('adds several withdrawals: 3/1 (25p) and 6/1 (10p) take 35p', () => {
    expect(
      win8to1([
        ['H', '3/1', 2],
        ['I', '6/1', 3],
      ]),
    ).toBe(6200)
  })

  it('caps the deduction at 90p: 1/3 (70p) and 6/4 (40p) take 90p', () => {
    expect(
      win8to1([
        ['H', '1/3', 2],
        ['I', '6/4', 3],
      ]),
    ).toBe(1800)
  })

  it('does not deduct from a bet struck after the withdrawal', () => {
    expect(win8to1([['H', '3/1', 2]], 3)).toBe(9000)
  })

  it('deducts only the withdrawals after the bet was struck', () => {
    expect(
      win8to1(
        [
          ['H', '3/1', 2],
          ['I', '6/1', 4],
        ],
        3,
      ),
    ).toBe(8200)
  })

  it('deducts from an SP bet only for a late withdrawal', () => {
    expect(win8to1([['H', '3/1', 2]], 1, 'SP')).toBe(9000)
    expect(win8to1([['H', '3/1', 2, true]], 1, 'SP')).toBe(7000)
    // Struck after the late withdrawal, still deducted: the starting price was formed with H in the market.
    expect(win8to1([['H', '3/1', 2, true]], 3, 'SP')).toBe(7000)
  })

  it('deducts from the place part’s winnings too, never from the stake', () => {
    // 10 declared, 1 withdrawn: 9 under orders, 1/5 odds, 3 places. Place: 10 × (1 + 8/5 × 0.75).
    const r1 = race('R1', { runners: 10, withdrawals: [['J', '3/1', 2]], placings: [['B'], ['A']] })
    expect(settle(bet('10', [['R1', 'A', '8/1']], { eachWay: true }), r1)).toBe(2200)
  })

  it('returns the stake on the withdrawn runner itself, without deduction', () => {
    const r1 = race('R1', { runners: 10, withdrawals: [['A', '3/1', 2]], placings: [['B']] })
    expect(settle(bet('10', [['R1', 'A', '3/1']]), r1)).toBe(1000)
    expect(settle(bet('10', [['R1', 'A', '3/1']], { eachWay: true }), r1)).toBe(2000)
  })
})

describe('settleBet: each-way place terms by field size', () => {
  // £10 each-way at 10/1: at 1/4 odds the place part returns £35, at 1/5 £30.
  const eachWay = (sketch: Parameters<typeof race>[1]) =>
    settle(bet('10', [['R1', 'A', '10/1']], { eachWay: true }), race('R1', sketch))
  const finishing = (position: number) => [...Array.from({ length: position - 1 }, (_, i) => [`Z${i}`]), ['A']]
  const field = (count: number) => [...Array.from({ length: count - 1 }, (_, i) => `Z${i}`), 'A']
  const withdrawn = (count: number): Array<[string, string, number]> =>
    Array.from({ length: count }, (_, i) => [`Z${20 + i}`, '50/1', 2])

  it.each([
    ['3 runners: win only, place stake back', 3, false, 0, 2, 1000],
    ['4 runners: win only, place stake back', 4, false, 0, 4, 1000],
    ['5 runners minus 1: win only, place stake back', 5, false, 1, 2, 1000],
    ['25 runners minus 21: win only, place stake back', 25, true, 21, 2, 1000],
    ['5 runners: 1/4, 2nd placed', 5, false, 0, 2, 3500],
    ['5 runners: 1/4, 3rd unplaced', 5, false, 0, 3, 0],
    ['7 runners handicap: 1/4, 2nd placed', 7, true, 0, 2, 3500],
    ['8 runners: 1/5, 3rd placed', 8, false, 0, 3, 3000],
    ['8 runners minus 1: 1/4, 2 places, 3rd unplaced', 8, false, 1, 3, 0],
    ['8 runners minus 1: 1/4, 2nd placed', 8, false, 1, 2, 3500],
    ['16 runners non-handicap: 1/5, 3 places, 4th unplaced', 16, false, 0, 4, 0],
    ['11 runners handicap: 1/5, 3rd placed', 11, true, 0, 3, 3000],
    ['12 runners handicap: 1/4, 3rd placed', 12, true, 0, 3, 3500],
    ['12 runners handicap minus 1: 1/5, 3rd placed', 12, true, 1, 3, 3000],
    ['15 runners handicap: 1/4, 4th unplaced', 15, true, 0, 4, 0],
    ['16 runners handicap: 1/4, 4th placed', 16, true, 0, 4, 3500],
    ['16 runners handicap minus 1: 3 places, 4th unplaced', 16, true, 1, 4, 0],
  ])('%s', (_, declared, handicap, withdrawals, position, pence) => {
    const runners = [...field(declared - withdrawals), ...withdrawn(withdrawals).map(([runner]) => runner)]
    const placeOnly = eachWay({ runners, handicap, withdrawals: withdrawn(withdrawals), placings: finishing(position) })
    // Withdrawals at 50/1 bring no Rule 4, so the place terms are all that varies.
    expect(placeOnly).toBe(pence)
  })

  it('settles a winner in a win-only race at win odds and returns the place stake', () => {
    expect(eachWay({ runners: 4, placings: [['A']] })).toBe(12000)
  })

  it('uses the terms the event states', () => {
    expect(eachWay({ runners: 6, placeTerms: { fraction: '1/5', places: 3 }, placings: [['B'], ['C'], ['A']] })).toBe(
      3000,
    )
    expect(eachWay({ runners: 3, placeTerms: { fraction: '1/4', places: 2 }, placings: [['B'], ['A']] })).toBe(3500)
  })
})

describe('settleBet: dead heats', () => {
  const eachWay6to1 = (placings: string[][]) =>
    settle(bet('10', [['R1', 'A', '6/1']], { eachWay: true }), race('R1', { runners: 8, placings }))

  it('three dead-heat for 2nd with 3 places paid: 2 places left among 3', () => {
    expect(eachWay6to1([['B'], ['A', 'C', 'D']])).toBe(1466) // 1000 × 2/3 × 11/5 = 4400/3
  })

  it('two dead-heat for the last place: half the place stake', () => {
    expect(eachWay6to1([['B'], ['C'], ['A', 'D']])).toBe(1100)
  })

  it('after a two-way dead heat for 2nd the next runner is 4th, out of 3 places', () => {
    expect(eachWay6to1([['B'], ['C', 'D'], ['A']])).toBe(0)
  })

  it('a dead heat for the win halves the win part; the place part is paid in full', () => {
    expect(
      settle(bet('10', [['R1', 'A', '10/1']], { eachWay: true }), race('R1', { runners: 8, placings: [['A', 'B']] })),
    ).toBe(8500)
  })

  it('a dead heat in a multiple divides that leg’s stake', () => {
    const double = bet('1', [
      ['R1', 'A', '4/1'],
      ['R2', 'A', '3/1'],
    ])
    expect(
      settle(double, race('R1', { runners: 8, placings: [['A', 'B']] }), race('R2', { runners: 8, placings: [['A']] })),
    ).toBe(1000)
  })
})

describe('settleBet: each-way multiples', () => {
  const r1Won = race('R1', { runners: 8, placings: [['A']] })
  const double = bet(
    '1',
    [
      ['R1', 'A', '4/1'],
      ['R2', 'A', '6/1'],
    ],
    { eachWay: true },
  )

  it('rolls win to win and place to place: a winner and a placed leg pay the place double only', () => {
    expect(settle(double, r1Won, race('R2', { runners: 6, placings: [['B'], ['A']] }))).toBe(450) // 100 × 9/5 × 5/2
  })

  it('pays both doubles when both win', () => {
    expect(settle(double, r1Won, race('R2', { runners: 6, placings: [['A']] }))).toBe(3950) // 3500 + 450
  })

  it('takes a leg in a win-only race as void in the place double', () => {
    expect(settle(double, r1Won, race('R2', { runners: 4, placings: [['B'], ['A']] }))).toBe(180) // 0 + 100 × 9/5 × 1
  })

  it('loses both doubles on an unplaced leg', () => {
    expect(settle(double, r1Won, race('R2', { runners: 6, placings: [['B'], ['C'], ['A']] }))).toBe(0)
  })

  it('takes a non-runner as void in both doubles', () => {
    const r2 = race('R2', { runners: 6, withdrawals: [['A', '20/1', 2]] })
    expect(settle(double, r1Won, r2)).toBe(680) // 500 + 180
  })
})

describe('settleBet: void races', () => {
  const voided = race('R1', { runners: 8, void: true })

  it('returns a single’s stake, both parts when each-way', () => {
    expect(settle(bet('10', [['R1', 'A', '2/1']]), voided)).toBe(1000)
    expect(settle(bet('10', [['R1', 'A', '2/1']], { eachWay: true }), voided)).toBe(2000)
  })

  it('takes the leg at odds 1 in a multiple', () => {
    const r2 = race('R2', { runners: 8, placings: [['A']] })
    expect(
      settle(
        bet('1', [
          ['R1', 'A', '3/1'],
          ['R2', 'A', '4/1'],
        ]),
        voided,
        r2,
      ),
    ).toBe(500)
    expect(
      settle(
        bet(
          '1',
          [
            ['R1', 'A', '3/1'],
            ['R2', 'A', '4/1'],
          ],
          { eachWay: true },
        ),
        voided,
        r2,
      ),
    ).toBe(680)
  })

  it('is void even with a result on record', () => {
    expect(settle(bet('10', [['R1', 'A', '2/1']]), race('R1', { runners: 8, void: true, placings: [['B']] }))).toBe(
      1000,
    )
  })
})

describe('settleBet: rounding', () => {
  it('rounds the total down once, not each part', () => {
    // Win 50 × 15/4 = 187.5, place 50 × (1 + 11/20) = 77.5: 265 in all, where per-part rounding gives 264.
    expect(
      settle(bet('0.50', [['R1', 'A', '11/4']], { eachWay: true }), race('R1', { runners: 8, placings: [['A']] })),
    ).toBe(265)
  })

  it('rounds the total down once, not each leg', () => {
    // 1 × 11/6 × 11/6 × 100 = 336.1…; per-leg rounding (1.83 × 1.83) would give 334.
    const double = bet('1', [
      ['R1', 'A', '5/6'],
      ['R2', 'A', '5/6'],
    ])
    expect(
      settle(double, race('R1', { runners: 8, placings: [['A']] }), race('R2', { runners: 8, placings: [['A']] })),
    ).toBe(336)
  })
})

describe('settleBet: starting price', () => {
  it('settles at the starting price declared with the result', () => {
    expect(
      settle(
        bet('10', [['R1', 'A', 'SP']]),
        race('R1', { runners: 8, placings: [['A']], startingPrices: { A: '9/2' } }),
      ),
    ).toBe(5500)
  })

  it('needs no starting price for a loser', () => {
    expect(settle(bet('10', [['R1', 'A', 'SP']]), race('R1', { runners: 8, placings: [['B']] }))).toBe(0)
  })

  it('refuses to settle an SP bet that won or placed without a starting price', () => {
    const r1 = race('R1', { runners: 8, placings: [['B'], ['A']], startingPrices: { B: '2/1' } })
    const lookup = () => r1
    const message =
      'event "R1" has no starting price for "A", which won or placed, so an SP bet on it cannot be settled; ' +
      "give its price in the result's startingPrices"
    expect(() => settleBet(bet('10', [['R1', 'A', 'SP']], { eachWay: true }), lookup)).toThrow(
      new MissingStartingPriceError('R1', 'A'),
    )
    expect(() => settleBet(bet('10', [['R1', 'A', 'SP']], { eachWay: true }), lookup, { breakdown: true })).toThrow(
      message,
    )
  })
})

describe('settleBet: long accumulators stay exact', () => {
  it('settles eight legs at 33/1, each under a 15p Rule 4, past 2^53 on the way', () => {
    const legs: Array<[string, string, string]> = []
    const races: EventOutcome[] = []
    for (let i = 1; i <= 8; i++) {
      legs.push([`R${i}`, 'A', '33/1'])
      races.push(race(`R${i}`, { runners: 10, withdrawals: [['J', '5/1', 2]], placings: [['A']] }))
    }
    // Each leg is 1 + 33 × 0.85 = 581/20; 581^8 alone is past 2^53.
    const expected = Number((1000n * 581n ** 8n) / 20n ** 8n)
    expect(settle(bet('10', legs), ...races)).toBe(expected)
    expect(expected).toBe(507_188_145_004_975) // £5,071,881,450,049.75
  })

  it('settles a ten-fold each-way with dead heats exactly', () => {
    const legs: Array<[string, string, string]> = []
    const races: EventOutcome[] = []
    for (let i = 1; i <= 10; i++) {
      legs.push([`R${i}`, 'A', '7/2'])
      races.push(race(`R${i}`, { runners: 9, withdrawals: [['I', '11/4', 2]], placings: [['B'], ['A', 'C', 'D']] }))
    }
    // Place leg: 2/3 × (1 + 7/2 × 1/5 × 0.75) = 2/3 × 61/40 = 61/60.
    expect(settle(bet('1000', legs, { eachWay: true }), ...races)).toBe(Number((100000n * 61n ** 10n) / 60n ** 10n))
  })

  it('says so when the returns are past what it can count in pence', () => {
    const legs: Array<[string, string, string]> = []
    const races: EventOutcome[] = []
    for (let i = 1; i <= 10; i++) {
      legs.push([`R${i}`, 'A', '100/1'])
      races.push(race(`R${i}`, { runners: 8, placings: [['A']] }))
    }
    const lookup = (event: string) => races.find((r) => r.event === event)
    expect(() => settleBet({ ...bet('1000', legs), id: 'b9' }, lookup)).toThrow(
      new RangeError(
        'bet "b9" returns 11046221254112045100100000p, more than this engine can count exactly (2^53 - 1 pence)',
      ),
    )
  })
})

describe('settleBet: bets it cannot settle', () => {
  const open = race('R1', { runners: 8 })

  it('refuses a bet on a race still to be run', () => {
    expect(() => settleBet({ ...bet('10', [['R1', 'A', '2/1']]), id: 'b1' }, () => open)).toThrow(
      new RangeError('bet "b1" cannot be settled yet: event "R1" has no result; check isSettleable first'),
    )
  })

  it('refuses a leg on an unknown event or runner', () => {
    expect(() => settleBet(bet('10', [['R9', 'A', '2/1']]), () => undefined)).toThrow(
      new RangeError('the bet has a leg on event "R9", which the outcome lookup does not know'),
    )
    expect(() => settleBet(bet('10', [['R1', 'Nobody', '2/1']]), () => open)).toThrow(
      new RangeError('the bet backs "Nobody", who is not declared in event "R1"'),
    )
  })
})
