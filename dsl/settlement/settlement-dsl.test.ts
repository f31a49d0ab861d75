import { describe, expect, test } from 'vitest'
import type { AliasedName } from '../../drivers/core/aliased-name.ts'
import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { NotApplicableError } from '../../drivers/core/errors/not-applicable-error.ts'
import { fakeDriverContext } from '../../drivers/core/test-fixtures/fake-driver-context.ts'
import { Money } from '../../drivers/core/values/money.ts'
import type { BetOutcome, PrivateEngine, PunterBet, SettlementDriver } from '../../drivers/settlement/index.ts'
import { AliasTable } from '../core/aliases/index.ts'
import { SettlementDsl } from './settlement-dsl.ts'

/** A driver that records every call (in the system's names) and answers with what the test gives it. */
function fakeDriver(answers: { bets?: PunterBet[]; outcome?: BetOutcome } = {}) {
  const calls: [string, unknown][] = []
  let next = 1
  const driver: SettlementDriver = {
    scheduleRace: async (card) => void calls.push(['scheduleRace', card]),
    withdrawRunner: async (withdrawal) => (calls.push(['withdrawRunner', withdrawal]), { rule4Pence: 25 }),
    placeBet: async (slip) => (
      calls.push(['placeBet', slip]), answers.outcome ?? { taken: true, betId: `b${next++}`, totalStake: slip.stake }
    ),
    declareResult: async (result) => void calls.push(['declareResult', result]),
    amendResult: async (result) => void calls.push(['amendResult', result]),
    voidRace: async (race) => void calls.push(['voidRace', race]),
    betsOf: async (punter) => (calls.push(['betsOf', punter]), answers.bets ?? []),
  }
  return { driver, calls }
}

function dslWith(
  driver: SettlementDriver,
  startPrivateEngine = async (): Promise<PrivateEngine> => ({
    url: 'http://127.0.0.1:1',
    crash: async () => {},
    restart: async () => {},
  }),
) {
  let n = 0
  const aliases = new AliasTable({ runId: 'r7k2', random: (size) => String(++n).padStart(size, '0') })
  const made: string[] = []
  const dsl = new SettlementDsl(
    { aliases, driverContext: fakeDriverContext({ SETTLEMENT_URL: 'http://shared.test' }) },
    {
      makeDriver: (ctx) => (made.push(ctx.systemUrl('SETTLEMENT_URL')), driver),
      startPrivateEngine,
    },
  )
  return { dsl, made }
}

const settled = (betId: string, returns: string, settlements = [returns]): PunterBet => ({
  betId,
  status: 'settled',
  stake: Money.parse('£10'),
  totalStake: Money.parse('£10'),
  eachWay: false,
  legs: [],
  returns: Money.parse(returns),
  settlements: settlements.map((s) => Money.parse(s)),
})

describe('the settlement DSL', () => {
  test('a bet with only punter and runner is £10 to win at 2/1 on the default race, made on first use', async () => {
    const { driver, calls } = fakeDriver()
    const { dsl } = dslWith(driver)
    await dsl.betting.placeBet({ punter: 'Alice', runner: 'Red Rum' })
    expect(calls.map(([name]) => name)).toEqual(['scheduleRace', 'placeBet'])
    expect(calls[0]![1]).toEqual({
      race: 'the-race-r7k2-000002',
      name: 'the race',
      handicap: false,
      runners: ['Red Rum', 'Crisp', 'Aldaniti', 'Corbiere', 'Rag Trade', "L'Escargot", 'Arkle', 'Mill House'],
    })
    const slip = calls[1]![1] as { punter: AliasedName; stake: Money; legs: { price: { toString(): string } }[] }
    expect([slip.punter, `${slip.stake}`, `${slip.legs[0]!.price}`]).toEqual(['Alice r7k2-000001', '£10.00', '2/1'])
  })

  test('refuses a bad call before any driver is made', async () => {
    const { driver } = fakeDriver()
    const { dsl, made } = dslWith(driver)
    await expect(dsl.betting.placeBet({ punter: 'Alice', runner: 'Red Rum', price: '5-1' })).rejects.toThrow(
      new ConfigurationError(
        'placeBet: invalid odds "5-1" for parameter "price". Accepted: 5/2, evens, 2.5 (decimal, stake included), SP',
      ),
    )
    await expect(
      dsl.results.declare({
        finishers: [
          { position: 1, runner: 'Red Rum' },
          { position: 3, runner: 'Crisp' },
        ],
      }),
    ).rejects.toThrow(
      new ConfigurationError(
        'declare: Crisp cannot finish 3rd: 1 runner is ahead, so the next position is 2nd (or 1st again, a dead heat)',
      ),
    )
    expect(made).toEqual([])
  })

  test("sends malformed odds as written when a bet may be refused; reads the refusal in the spec's names", async () => {
    const { driver, calls } = fakeDriver({
      outcome: {
        taken: false,
        reason: 'legs[0].price: "5-1" is not a price: write fractional odds with a slash, e.g. 5/1',
      },
    })
    const { dsl } = dslWith(driver)
    await dsl.betting.tryToPlaceBet({ punter: 'Alice', runner: 'Red Rum', price: '5-1' })
    expect((calls[1]![1] as { legs: { priceAsWritten?: string }[] }).legs[0]!.priceAsWritten).toBe('5-1')
    dsl.betting.expectRefused({ because: 'write fractional odds with a slash' })
    expect(() => dsl.betting.expectRefused({ because: 'the stake is too big' })).toThrow(
      new AssertionFailedError(
        'expectRefused: Alice\'s bet was refused because legs[0].price: "5-1" is not a price: write fractional ' +
          'odds with a slash, e.g. 5/1\nexpected the reason to say: the stake is too big',
      ),
    )
    await expect(dsl.betting.placeBet({ punter: 'Alice', runner: 'Red Rum' })).rejects.toThrow(
      new AssertionFailedError(
        'placeBet: Alice\'s 2nd bet was refused: legs[0].price: "5-1" is not a price: write fractional odds ' +
          'with a slash, e.g. 5/1',
      ),
    )
  })

  test('says what a punter was paid, bet by bet, when it is not what the spec expects', async () => {
    const { driver } = fakeDriver({ bets: [settled('b1', '£35.00'), settled('b2', '£0.00')] })
    const { dsl } = dslWith(driver)
    await dsl.betting.placeBet({ punter: 'Alice', runner: 'Red Rum', price: '5/2' })
    await dsl.betting.placeBet({ punter: 'Alice', runner: 'Crisp' })
    await dsl.punter.expectReturns({ punter: 'Alice', returns: '£35.00' })
    await expect(dsl.punter.expectReturns({ punter: 'Alice', returns: '£30.00' })).rejects.toThrow(
      new AssertionFailedError(
        "expectReturns: Alice was paid £35.00; expected £30.00\n  Alice's bet: £35.00\n  Alice's 2nd bet: £0.00",
      ),
    )
    await expect(
      dsl.punter.expectSettlements({ bet: "Alice's bet", settlements: ['£35.00', '£0.00'] }),
    ).rejects.toThrow(
      new AssertionFailedError(
        "expectSettlements: Alice's bet has been settled once: £35.00; expected twice: £35.00, £0.00",
      ),
    )
  })

  test("finds a runner's race, places runners ahead of a finisher, gives a result again as an amendment", async () => {
    const { driver, calls } = fakeDriver()
    const { dsl } = dslWith(driver)
    await dsl.events.scheduleAll({
      races: [
        { race: 'the 2:00', runners: 'Red Rum, Crisp, Aldaniti' },
        { race: 'the 2:35', runners: 'Arkle, Mill House' },
      ],
    })
    await dsl.events.withdraw({ runner: 'Crisp', price: '3/1' })
    await dsl.results.finish({ runner: 'Aldaniti', position: 2 })
    await dsl.results.finish({ runner: 'Aldaniti' })
    expect(calls.slice(3).map(([name, args]) => [name, (args as { placings: string[][] }).placings])).toEqual([
      ['declareResult', [['Red Rum'], ['Aldaniti']]],
      ['amendResult', [['Aldaniti']]],
    ])
    await expect(dsl.results.finish({ runner: 'Arkel' })).rejects.toThrow(
      new ConfigurationError(
        'finish: no race of this scenario has Arkel — did you mean "Arkle"? Races: the 2:00 (Red Rum, Crisp, ' +
          'Aldaniti); the 2:35 (Arkle, Mill House)',
      ),
    )
  })

  test('lets a NotApplicableError from the driver through as it is', async () => {
    const { driver } = fakeDriver()
    const notApplicable = new NotApplicableError('ui', 'voidRace', 'the trader pages cannot void a race')
    driver.voidRace = async () => {
      throw notApplicable
    }
    const { dsl } = dslWith(driver)
    await expect(dsl.results.void({})).rejects.toBe(notApplicable)
  })

  test("points the driver at an engine of the scenario's own, which must come first", async () => {
    const { driver } = fakeDriver()
    const { dsl, made } = dslWith(driver)
    await expect(dsl.engine.crash()).rejects.toThrow(
      new ConfigurationError(
        'crash: the scenario runs on the shared settlement engine, which it must not crash; start one of its ' +
          'own first, e.g. "Given a settlement engine of the scenario\'s own"',
      ),
    )
    await dsl.engine.runPrivately()
    await dsl.events.schedule({})
    expect(made).toEqual(['http://127.0.0.1:1'])
    const late = dslWith(driver).dsl
    await late.events.schedule({})
    await expect(late.engine.runPrivately()).rejects.toThrow(
      new ConfigurationError(
        'runPrivately: the scenario has already used the shared settlement engine; start an engine of its own ' +
          'before anything else',
      ),
    )
  })

  test("checks a punter's bets against a table, naming every difference", async () => {
    const { driver } = fakeDriver({ bets: [settled('b1', '£0.00')] })
    const { dsl } = dslWith(driver)
    await dsl.betting.placeBet({ punter: 'Alice', runner: 'Red Rum' })
    const table = {
      raw: () => [
        ['bet', 'status', 'returns'],
        ["Alice's bet", 'settled', '£35.00'],
      ],
    }
    await expect(dsl.punter.expectBets({ punter: 'Alice', bets: table })).rejects.toThrow(
      new AssertionFailedError(
        "expectBets: Alice's bets differ from the spec's:\n  Alice's bet: returns is £0.00; expected " +
          '£35.00\nAlice is shown:\n' +
          "  | bet         | status  | stake  | returns |\n  | Alice's bet | settled | £10.00 | £0.00   |",
      ),
    )
  })
})
