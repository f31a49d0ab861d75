import { describe, expect, it } from 'vitest'
import type { AliasedName } from '../../core/aliased-name.ts'
import { Money } from '../../core/values/money.ts'
import type { PunterBet } from '../settlement-driver.ts'
import { readBreakdown, readBreakdownRow } from './read-breakdown.ts'

const race = 'r1' as AliasedName
const bet: PunterBet = {
  betId: 'b1',
  status: 'settled',
  stake: Money.parse('£10'),
  totalStake: Money.parse('£20'),
  eachWay: true,
  legs: [{ race, runner: 'Red Rum', price: '5/1' }],
  settlements: [],
}
const legRow = (cells: Record<string, string>) => ({
  Leg: 'Red Rum in r1',
  'Price taken': '5/1',
  Result: 'Lost',
  Finish: '',
  'Odds paid': '',
  'Place terms': '',
  'Dead-heat factor': '',
  'Rule 4 deduction': '',
  Factor: '0',
  ...cells,
})

describe('readBreakdownRow', () => {
  it('reads finish, place terms, dead heat and Rule 4, leaving out a factor of 1 and "None"', () => {
    const row = legRow({
      Result: 'Placed',
      Finish: '2nd, dead heat of 2',
      'Place terms': '1/4 the odds, 3 places',
      'Dead-heat factor': '1/2',
      'Rule 4 deduction': '25p in the £ (Crisp)',
    })
    expect(readBreakdownRow(bet, 'place', row)).toEqual({
      part: 'place',
      runner: 'Red Rum',
      result: 'placed',
      position: 2,
      placeTerms: '1/4',
      deadHeat: '1/2',
      rule4Pence: 25,
    })
    expect(
      readBreakdownRow(
        bet,
        'win',
        legRow({ Result: 'Won', Finish: '1st', 'Dead-heat factor': '1', 'Rule 4 deduction': 'None' }),
      ),
    ).toEqual({ part: 'win', runner: 'Red Rum', result: 'won', position: 1 })
  })

  it('reads a void leg by its reason', () => {
    expect(readBreakdownRow(bet, 'win', legRow({ Result: 'Non-runner: void leg' })).result).toBe('non-runner')
    expect(readBreakdownRow(bet, 'place', legRow({ Result: 'No place terms: void leg' })).result).toBe('no place terms')
  })

  it('says which cell it cannot read', () => {
    expect(() => readBreakdownRow(bet, 'win', legRow({ Result: 'Scratched' }))).toThrow(
      'The "My bets" page shows Result "Scratched" for bet b1; the ui driver reads Won, Placed, Lost or a void ' +
        'leg. Has the page changed?',
    )
    expect(() => readBreakdownRow(bet, 'win', legRow({ 'Rule 4 deduction': '25 pence' }))).toThrow(
      'The "My bets" page shows Rule 4 deduction "25 pence" for bet b1; the ui driver reads "25p in the £ ' +
        '(runner)" or "None". Has the page changed?',
    )
  })
})

describe('readBreakdown', () => {
  it("takes this bet's tables by caption: settlements oldest first, then the win part and the place part", () => {
    const tables = [
      { caption: 'Settlements of bet b10', rows: [{ Returns: '£99.00' }] },
      { caption: 'Place part of bet b1', rows: [legRow({ Result: 'Placed', Finish: '2nd' })] },
      { caption: 'Win part of bet b1', rows: [legRow({ Finish: '2nd' })] },
      { caption: 'Settlements of bet b1', rows: [{ Returns: '£82.50' }, { Returns: '£22.50' }] },
    ]
    expect(readBreakdown(bet, tables)).toEqual({
      settlements: [Money.parse('£82.50'), Money.parse('£22.50')],
      breakdown: [
        { part: 'win', runner: 'Red Rum', result: 'lost', position: 2 },
        { part: 'place', runner: 'Red Rum', result: 'placed', position: 2 },
      ],
    })
  })

  it('gives no breakdown where the page shows no part tables', () => {
    expect(readBreakdown(bet, [])).toEqual({ settlements: [] })
  })
})
