import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AliasedName } from '../../core/aliased-name.ts'
import { fakeDriverContext } from '../../core/test-fixtures/fake-driver-context.ts'
import { Money } from '../../core/values/money.ts'
import { Odds } from '../../core/values/odds.ts'
import { startPrivateEngine } from '../engine-process/private-engine.ts'
import { ApiSettlementDriver } from './api-settlement-driver.ts'

const ctx = fakeDriverContext()
let driver: ApiSettlementDriver
const name = (text: string) => text as AliasedName
const race = name('aintree-1')
const alice = name('alice')

beforeAll(async () => {
  const engine = await startPrivateEngine(ctx)
  driver = new ApiSettlementDriver(fakeDriverContext({ SETTLEMENT_URL: engine.url }))
})

afterAll(() => ctx.endScenario({ failed: false }))

describe('the api settlement driver, against a real engine', () => {
  it('takes a bet, settles it on the result, and reads the bet back with its breakdown only when asked', async () => {
    await driver.scheduleRace({
      race,
      name: 'Aintree 14:00',
      runners: ['Red Rum', 'Crisp', 'Aldaniti', 'Corbiere', 'Rag Trade'],
      handicap: false,
    })
    expect(await driver.withdrawRunner({ race, runner: 'Rag Trade', price: Odds.parse('3/1'), late: false })).toEqual({
      rule4Pence: 25,
    })
    const slip = {
      punter: alice,
      stake: Money.parse('£10'),
      eachWay: true,
      legs: [{ race, runner: 'Red Rum', price: Odds.parse('5/1') }],
    }
    expect(await driver.placeBet(slip)).toEqual({ taken: true, betId: 'b1', totalStake: Money.parse('£20') })
    expect((await driver.betsOf(alice))[0]).toMatchObject({ status: 'open', settlements: [] })
    await driver.declareResult({ race, placings: [['Crisp'], ['Red Rum']], startingPrices: new Map() })
    const [bet] = await driver.betsOf(alice, { breakdown: true })
    // 4 runners under orders after the withdrawal: no places, so the place stake comes back.
    expect(bet).toMatchObject({ status: 'settled', returns: Money.parse('£10'), settlements: [Money.parse('£10')] })
    expect(bet?.breakdown).toEqual([
      { part: 'win', runner: 'Red Rum', result: 'lost', position: 2 },
      { part: 'place', runner: 'Red Rum', result: 'no place terms' },
    ])
    expect((await driver.betsOf(alice))[0]?.breakdown).toBeUndefined()
  })

  it("gives the engine's reason for a refused bet, a malformed price sent as written", async () => {
    const slip = {
      punter: name('bob'),
      stake: Money.parse('£10'),
      eachWay: false,
      legs: [{ race, runner: 'Red Rum', price: Odds.SP, priceAsWritten: '5-1' }],
    }
    expect(await driver.placeBet(slip)).toEqual({
      taken: false,
      reason: 'legs[0].price: "5-1" is not a price: write fractional odds with a slash, e.g. 5/1',
    })
    expect(await driver.betsOf(name('bob'))).toEqual([])
  })
})
