import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AliasedName } from '../../core/aliased-name.ts'
import { closeBrowser } from '../../core/browser-pool.ts'
import { NotApplicableError } from '../../core/errors/not-applicable-error.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { superviseProcess, type SupervisedProcess } from '../../core/process-supervisor.ts'
import { fakeDriverContext, type FakeDriverContext } from '../../core/test-fixtures/fake-driver-context.ts'
import { Money } from '../../core/values/money.ts'
import { Odds } from '../../core/values/odds.ts'
import type { RaceCard } from '../settlement-driver.ts'
import { UiSettlementDriver } from './ui-settlement-driver.ts'

const name = (text: string) => text as AliasedName
const card = (race: string, runners: string[], extra: Partial<RaceCard> = {}): RaceCard => ({
  race: name(race),
  name: `The 2:30 at ${race}`,
  runners,
  handicap: false,
  ...extra,
})

let engine: SupervisedProcess
let dataDir: string
let url: string
let ctx: FakeDriverContext
let driver: UiSettlementDriver

// One engine for the file, as a run has one for all its scenarios: each test keeps to names of its own.
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ui-settlement-driver-'))
  engine = superviseProcess({
    name: 'settlement-engine',
    command: process.execPath,
    args: ['--import', 'tsx', 'examples/settlement-engine/main.ts', '--port', '0', '--data-dir', dataDir, '--no-fsync'],
    cwd: resolve(import.meta.dirname, '../../..'),
    ready: { log: /listening on (http:\/\/\S+)/ },
  })
  url = (await engine.start()).address ?? ''
})
afterAll(async () => {
  await closeBrowser()
  await engine?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})
// Each test is a scenario: its own context, so its own browser context, closed at the end.
afterEach(() => ctx.endScenario({ failed: false }))
const newScenario = () => {
  ctx = fakeDriverContext({ SETTLEMENT_URL: url }, 'ui')
  driver = new UiSettlementDriver(ctx)
}

// A port that was free a moment ago, so nothing answers on it.
async function closedPortUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}

// What the engine's API says when it refuses the same bet: the ui channel must give the same reason.
async function apiRefusal(bet: object): Promise<string> {
  const answer = await fetch(`${url}/bets`, { method: 'POST', body: JSON.stringify(bet) })
  return ((await answer.json()) as { error: { message: string } }).error.message
}

describe('UiSettlementDriver', () => {
  it('runs a race from card to amended result, and reads Rule 4, both settlements and the breakdown', async () => {
    newScenario()
    const alice = name('alice-a1')
    const race = name('aintree-a1')
    await driver.scheduleRace(
      card(race, ['Red Rum', 'Arkle', 'Crisp', 'Dobbin', 'Shergar', 'Mill Reef', 'Nijinsky', 'Sea Bird'], {
        handicap: true,
        placeTerms: { fraction: '1/4', places: 3 },
      }),
    )
    const bet = await driver.placeBet({
      punter: alice,
      stake: Money.parse('£10'),
      eachWay: true,
      legs: [{ race, runner: 'Red Rum', price: Odds.parse('5/1') }],
    })
    expect(bet).toEqual({ taken: true, betId: expect.stringMatching(/^b\d+$/), totalStake: Money.parse('£20') })

    expect(await driver.withdrawRunner({ race, runner: 'Crisp', price: Odds.parse('3/1'), late: false })).toEqual({
      rule4Pence: 25,
    })
    await driver.declareResult({
      race,
      placings: [['Arkle'], ['Red Rum'], ['Dobbin']],
      startingPrices: new Map([['Red Rum', Odds.parse('9/2')]]),
    })
    await driver.amendResult({ race, placings: [['Red Rum', 'Arkle'], ['Dobbin']], startingPrices: new Map() })

    // First Red Rum was 2nd: place part only, 10 × (1 + 5/1 × 1/4 × 75%) = £19.375. Amended, it dead-heats for 1st: the
    // win
    // part pays half the stake at 5/1 less Rule 4, 5 × (1 + 5 × 75%) = £23.75; the place part again £19.375; £43.125 in
    // all.
    expect(await driver.betsOf(alice)).toEqual([
      {
        betId: bet.taken ? bet.betId : '',
        status: 'settled',
        stake: Money.parse('£10'),
        totalStake: Money.parse('£20'),
        eachWay: true,
        legs: [{ race, runner: 'Red Rum', price: '5/1' }],
        returns: Money.parse('£43.12'),
        settlements: [Money.parse('£19.37'), Money.parse('£43.12')],
        breakdown: [
          { part: 'win', runner: 'Red Rum', result: 'won', position: 1, deadHeat: '1/2', rule4Pence: 25 },
          { part: 'place', runner: 'Red Rum', result: 'placed', position: 1, placeTerms: '1/4', rule4Pence: 25 },
        ],
      },
    ])
  })

  it('takes a multiple, and refuses a bet with the reason the api channel gives', async () => {
    newScenario()
    const bob = name('bob-b2')
    const [ascot, epsom] = [name('ascot-b2'), name('epsom-b2')]
    await driver.scheduleRace(card(ascot, ['Arkle', 'Mill Reef']))
    await driver.scheduleRace(card(epsom, ['Shergar', 'Nijinsky']))
    const legs = [
      { race: ascot, runner: 'Arkle', price: Odds.evens },
      { race: epsom, runner: 'Shergar', price: Odds.SP },
    ]
    expect(await driver.placeBet({ punter: bob, stake: Money.parse('£5'), eachWay: false, legs })).toMatchObject({
      taken: true,
      totalStake: Money.parse('£5'),
    })

    const refused = await driver.placeBet({
      punter: bob,
      stake: Money.parse('£5'),
      eachWay: false,
      legs: [{ race: ascot, runner: 'Arkel', price: Odds.parse('5/1') }],
    })
    expect(refused).toEqual({
      taken: false,
      reason: '"Arkel" is not a runner in event "ascot-b2"; its runners are those it declared: "Arkle", "Mill Reef"',
    })
    expect(refused).toEqual({
      taken: false,
      reason: await apiRefusal({
        customer: bob,
        stake: '5.00',
        legs: [{ event: ascot, runner: 'Arkel', price: '5/1' }],
      }),
    })
    const typo = await driver.placeBet({
      punter: bob,
      stake: Money.parse('£5'),
      eachWay: false,
      legs: [{ race: ascot, runner: 'Arkle', price: Odds.SP, priceAsWritten: '5-1' }],
    })
    expect(typo).toEqual({
      taken: false,
      reason: await apiRefusal({
        customer: bob,
        stake: '5.00',
        legs: [{ event: ascot, runner: 'Arkle', price: '5-1' }],
      }),
    })

    expect(
      (await driver.betsOf(bob)).map(({ status, legs: placed, totalStake }) => ({ status, legs: placed, totalStake })),
    ).toEqual([
      {
        status: 'open',
        legs: [
          { race: ascot, runner: 'Arkle', price: 'evens' },
          { race: epsom, runner: 'Shergar', price: 'SP' },
        ],
        totalStake: Money.parse('£5'),
      },
    ])
  })

  it('voids a race: the bet is void, its stake returned, listed newest first; no bets, none listed', async () => {
    newScenario()
    const carol = name('carol-c3')
    const [york, ripon] = [name('york-c3'), name('ripon-c3')]
    await driver.scheduleRace(card(york, ['Arkle', 'Dobbin']))
    await driver.scheduleRace(card(ripon, ['Shergar', 'Sea Bird']))
    const open = await driver.placeBet({
      punter: carol,
      stake: Money.parse('£3'),
      eachWay: false,
      legs: [{ race: york, runner: 'Arkle', price: Odds.parse('2/1') }],
    })
    const voided = await driver.placeBet({
      punter: carol,
      stake: Money.parse('£2.50'),
      eachWay: false,
      legs: [{ race: ripon, runner: 'Shergar', price: Odds.parse('7/2') }],
    })
    await driver.voidRace(ripon)

    expect(await driver.betsOf(name('nobody-c3'))).toEqual([])
    const bets = await driver.betsOf(carol)
    expect(bets.map((bet) => bet.betId)).toEqual([voided, open].map((outcome) => (outcome.taken ? outcome.betId : '')))
    expect(bets[0]).toMatchObject({
      status: 'void',
      returns: Money.parse('£2.50'),
      settlements: [Money.parse('£2.50')],
      breakdown: [{ part: 'win', runner: 'Shergar', result: 'void race' }],
    })
    expect(bets[1]).toEqual({
      betId: expect.any(String),
      status: 'open',
      stake: Money.parse('£3'),
      totalStake: Money.parse('£3'),
      eachWay: false,
      legs: [{ race: york, runner: 'Arkle', price: '2/1' }],
      settlements: [],
    })
  })

  it("fails the step with the page's message when a trader's page refuses or lacks the action", async () => {
    newScenario()
    const race = name('kelso-d4')
    await driver.scheduleRace(card(race, ['Arkle', 'Dobbin']))
    await driver.voidRace(race)

    const messageOf = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: Error) => [error.name, error.message],
      )
    expect(await messageOf(driver.declareResult({ race, placings: [['Arkle']], startingPrices: new Map() }))).toEqual([
      'AssertionFailedError',
      'declareResult: the page of race kelso-d4 refused the result: "Result refused. event "kelso-d4" is void, ' +
        'so it takes no result". The step expected the page to accept it.',
    ])
    expect(
      await messageOf(driver.withdrawRunner({ race, runner: 'Shergar', price: Odds.parse('3/1'), late: true })),
    ).toEqual([
      'AssertionFailedError',
      'withdrawRunner: the page of race kelso-d4 refused to withdraw Shergar: "Withdrawal refused. cannot ' +
        'withdraw a runner from event "kelso-d4": it is already void". The step expected the page to accept it.',
    ])
    expect(await messageOf(driver.amendResult({ race, placings: [['Arkle']], startingPrices: new Map() }))).toEqual([
      'AssertionFailedError',
      'amendResult: race kelso-d4 has no result to amend, so its page offers "Declare the result" instead. ' +
        "Check the scenario's earlier steps.",
    ])
    expect(await messageOf(driver.voidRace(name('nowhere-d4')))).toEqual([
      'AssertionFailedError',
      'The settlement UI answered GET /trader/events/nowhere-d4 with 404, showing "No such event": "No event ' +
        'has id "nowhere-d4". Create it on the trader\'s page first."',
    ])
  })

  it('says the system is compromised when the UI does not answer', async () => {
    const gone = await closedPortUrl()
    ctx = fakeDriverContext({ SETTLEMENT_URL: gone }, 'ui')
    const error = await new UiSettlementDriver(ctx).betsOf(name('dave-e5')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SystemCompromisedError)
    expect((error as Error).message).toBe(
      `The settlement UI did not answer GET /customers/dave-e5: page.goto: net::ERR_CONNECTION_REFUSED at ` +
        `${gone}/customers/dave-e5. Is the engine running at SETTLEMENT_URL?`,
    )
  })

  it("says a dead heat with a comma in a runner's name is not applicable, before opening a browser", async () => {
    newScenario()
    const error = await driver
      .declareResult({ race: name('r5'), placings: [['Smith, J'], ['Arkle']], startingPrices: new Map() })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotApplicableError)
    expect((error as Error).message).toBe(
      'declareResult is not applicable on the ui channel: the Placings box separates dead-heated runners with ' +
        'commas, so it cannot name the runner "Smith, J"',
    )
    expect(ctx.resources).toEqual([])
  })
})
