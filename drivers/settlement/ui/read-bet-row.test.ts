import { describe, expect, it } from 'vitest'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { Money } from '../../core/values/money.ts'
import { readBetRow, readLegText } from './read-bet-row.ts'

const row = {
  Bet: 'b7',
  Selections: 'Red Rum at 5/1 in The 2:30 at Aintree (aintree-x1)\nArkle at SP in Chase (Grade 1) (kelso-x1)',
  Stake: '£2.50',
  'Each-way': 'Yes',
  'Total stake': '£10.00',
  Status: 'Settled',
  Returns: '£0.00',
}

describe('readBetRow', () => {
  it('reads a row of the bets tables, one leg a line, money exactly', () => {
    expect(readBetRow(row)).toEqual({
      betId: 'b7',
      status: 'settled',
      stake: Money.parse('£2.50'),
      totalStake: Money.parse('£10.00'),
      eachWay: true,
      legs: [
        { race: 'aintree-x1', runner: 'Red Rum', price: '5/1' },
        { race: 'kelso-x1', runner: 'Arkle', price: 'SP' },
      ],
      returns: Money.parse('£0.00'),
      settlements: [],
    })
  })

  it('has no returns for an open bet, whose table has no Returns column', () => {
    const { Returns: _, ...open } = { ...row, Status: 'Open' }
    expect(readBetRow(open)).not.toHaveProperty('returns')
  })

  it('says which cell of which bet it cannot read, and what it reads', () => {
    expect(() => readBetRow({ ...row, Status: 'Pending' })).toThrow(
      new SystemCompromisedError(
        'The "My bets" page shows Status "Pending" for bet b7; the ui driver reads Open, Settled or Void. Has ' +
          'the page changed?',
      ),
    )
    expect(() => readBetRow({ ...row, Stake: 'ten pounds' })).toThrow(
      'The "My bets" page shows Stake "ten pounds" for bet b7; the ui driver reads money such as £10.00. Has ' +
        'the page changed?',
    )
    const { Stake: _, ...noStake } = row
    expect(() => readBetRow(noStake)).toThrow(
      'The "My bets" page has no "Stake" column in its bets table (it has Bet, Selections, Each-way, Total ' +
        'stake, Status, Returns); the ui driver reads it. Has the page changed?',
    )
  })
})

describe('readLegText', () => {
  it('ends the runner at the first " at <price> in ", and takes the race from the last brackets', () => {
    expect(readLegText('b1', 'Bet at Home at 11/4 in Chase (Grade 1) (r1)')).toEqual({
      race: 'r1',
      runner: 'Bet at Home',
      price: '11/4',
    })
    expect(readLegText('b1', 'Red Rum at evens in r2')).toEqual({ race: 'r2', runner: 'Red Rum', price: 'evens' })
  })

  it('says what it expected of an unreadable leg', () => {
    expect(() => readLegText('b1', 'Red Rum (r1)')).toThrow(
      'The "My bets" page shows Selections "Red Rum (r1)" for bet b1; the ui driver reads "Red Rum at 5/1 in ' +
        'The National (R1)". Has the page changed?',
    )
  })
})
