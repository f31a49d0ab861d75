import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { AliasedName } from '../../core/aliased-name.ts'
import { eventually } from '../../core/eventually.ts'
import { findFreePort } from '../../core/free-port.ts'
import { superviseProcess, type SupervisedProcess } from '../../core/process-supervisor.ts'
import { fakeDriverContext, type FakeDriverContext } from '../../core/test-fixtures/fake-driver-context.ts'
import { createHttpTestServer } from '../../core/test-fixtures/http-test-server.ts'
import { Money } from '../../core/values/money.ts'
import { Odds } from '../../core/values/odds.ts'
import type { BetOutcome, BetSlip, RaceCard } from '../settlement-driver.ts'
import { StreamSettlementDriver } from './stream-settlement-driver.ts'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const runners = ['Red Rum', 'Aldaniti', 'Corbiere', 'Crisp', 'Rag Trade', "L'Escargot"]

let dataDir: string
let engine: SupervisedProcess
let engineUrl: string
let ctx: FakeDriverContext
let names = 0

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'stream-driver-'))
  // A fixed port, so that the engine keeps its address across a restart.
  const port = await findFreePort()
  engine = superviseProcess({
    name: 'settlement-engine',
    command: process.execPath,
    args: ['--import', 'tsx', 'examples/settlement-engine/main.ts', '--port', String(port), '--data-dir', dataDir],
    cwd: repoRoot,
    ready: { log: /settlement engine listening on (http:\/\/\S+)/ },
  })
  engineUrl = (await engine.start()).address ?? 'no address printed'
})
afterEach(() => ctx.endScenario({ failed: false }))
afterAll(async () => {
  await engine.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

function scenario(): { driver: StreamSettlementDriver; alias: (name: string) => AliasedName } {
  ctx = fakeDriverContext({ SETTLEMENT_URL: engineUrl }, 'stream')
  const id = ++names
  return {
    driver: new StreamSettlementDriver(ctx),
    alias: (name) => `${name.toLowerCase().replaceAll(' ', '-')}-${id}` as AliasedName,
  }
}

function race(race: AliasedName, extra: Partial<RaceCard> = {}): RaceCard {
  return { race, name: race, runners, handicap: false, ...extra }
}

function win(punter: AliasedName, stake: string, ...legs: Array<[AliasedName, string, string]>): BetSlip {
  return {
    punter,
    stake: Money.parse(stake),
    eachWay: false,
    legs: legs.map(([race, runner, price]) => ({ race, runner, price: Odds.parse(price) })),
  }
}

function placings(
  race: AliasedName,
  ...groups: string[][]
): { race: AliasedName; placings: string[][]; startingPrices: Map<string, Odds> } {
  return { race, placings: groups, startingPrices: new Map() }
}

async function betIdOf(outcome: BetOutcome | Promise<BetOutcome>): Promise<string> {
  const placed = await outcome
  if (!placed.taken) throw new Error(`the bet was not taken: ${placed.reason}`)
  return placed.betId
}

describe('StreamSettlementDriver', () => {
  test('schedules a race, withdraws a runner (Rule 4 deduction), takes bets and refuses them, saying why', async () => {
    const { driver, alias } = scenario()
    const [aintree, alice] = [alias('Aintree'), alias('Alice')]
    await driver.scheduleRace(race(aintree))
    expect(
      await driver.withdrawRunner({ race: aintree, runner: 'Crisp', price: Odds.parse('3/1'), late: false }),
    ).toEqual({ rule4Pence: 25 })

    const single = await driver.placeBet(win(alice, '£10', [aintree, 'Red Rum', '5/1']))
    const eachWay = await driver.placeBet({ ...win(alice, '£2.50', [aintree, 'Aldaniti', 'evens']), eachWay: true })
    expect(single).toEqual({ taken: true, betId: expect.stringMatching(/^b\d+$/), totalStake: Money.parse('£10') })
    expect(eachWay).toEqual({ taken: true, betId: expect.stringMatching(/^b\d+$/), totalStake: Money.parse('£5') })
    expect(await driver.placeBet(win(alice, '£10', [aintree, 'Desert Orchid', '5/1']))).toEqual({
      taken: false,
      reason:
        `"Desert Orchid" is not a runner in event "${aintree}"; its runners are those it declared: "Red Rum", ` +
        `"Aldaniti", "Corbiere", "Crisp", "Rag Trade", "L'Escargot"`,
    })
    expect(
      await driver.placeBet({
        ...win(alice, '£10'),
        legs: [{ race: aintree, runner: 'Red Rum', price: Odds.SP, priceAsWritten: '5-1' }],
      }),
    ).toEqual({
      taken: false,
      reason: 'legs[0].price: "5-1" is not a price: write fractional odds with a slash, e.g. 5/1',
    })
    expect(await driver.placeBet(win(alice, '£10', [aintree, 'Crisp', '5/1']))).toEqual({
      taken: false,
      reason: `"Crisp" has been withdrawn from event "${aintree}"; bets on it are no longer taken`,
    })

    const legs = (runner: string, price: string) => [{ race: aintree, runner, price }]
    expect(await driver.betsOf(alice)).toEqual([
      {
        betId: await betIdOf(eachWay),
        status: 'open',
        stake: Money.parse('£2.50'),
        totalStake: Money.parse('£5'),
        eachWay: true,
        legs: legs('Aldaniti', 'evens'),
        settlements: [],
      },
      {
        betId: await betIdOf(single),
        status: 'open',
        stake: Money.parse('£10'),
        totalStake: Money.parse('£10'),
        eachWay: false,
        legs: legs('Red Rum', '5/1'),
        settlements: [],
      },
    ])
  })

  test('a refused race, withdrawal, result or void is an AssertionFailedError with the engine’s message', async () => {
    const { driver, alias } = scenario()
    const aintree = alias('Aintree')
    await driver.scheduleRace(race(aintree))
    await expect(driver.scheduleRace(race(aintree))).rejects.toMatchObject({
      name: 'AssertionFailedError',
      message:
        `scheduleRace: the engine refused race "${aintree}": an event with id "${aintree}" already exists; ` +
        `choose another id (duplicate-id, field id)`,
    })
    await expect(
      driver.withdrawRunner({ race: aintree, runner: 'Arkle', price: Odds.parse('3/1'), late: false }),
    ).rejects.toMatchObject({
      name: 'AssertionFailedError',
      message: expect.stringMatching(
        new RegExp(
          `^withdrawRunner: the engine refused the withdrawal of "Arkle" from race "${aintree}": "Arkle" is ` +
            `not a runner in event "${aintree}".* \\(unknown-runner, field runner\\)$`,
        ),
      ),
    })
    await expect(driver.declareResult(placings(aintree, ['Red Rum'], ['Red Rum']))).rejects.toMatchObject({
      name: 'AssertionFailedError',
      message: expect.stringMatching(
        new RegExp(
          `^declareResult: the engine refused the result of race "${aintree}": .*"Red Rum".* ` +
            `\\(runner-placed-twice, field placings\\[1\\]\\[0\\]\\)$`,
        ),
      ),
    })
    await expect(driver.voidRace(alias('Kempton'))).rejects.toMatchObject({
      name: 'AssertionFailedError',
      message: expect.stringMatching(
        new RegExp(
          String.raw`^voidRace: the engine refused the void of race "kempton-\d+": ` +
            String.raw`no event has id "kempton-\d+".* \(event-not-found`,
        ),
      ),
    })
  })

  test('a result settles every bet it decides; betsOf waits until the stream has shown each settlement', async () => {
    const { driver, alias } = scenario()
    const [aintree, ascot, bob] = [alias('Aintree'), alias('Ascot'), alias('Bob')]
    await driver.scheduleRace(race(aintree, { placeTerms: { fraction: '1/5', places: 3 } }))
    await driver.scheduleRace(race(ascot))
    const single = await betIdOf(driver.placeBet(win(bob, '£10', [aintree, 'Red Rum', '5/1'])))
    const eachWay = await betIdOf(driver.placeBet({ ...win(bob, '£10', [aintree, 'Red Rum', '5/1']), eachWay: true }))
    const double = await betIdOf(
      driver.placeBet(win(bob, '£10', [aintree, 'Red Rum', '5/1'], [ascot, 'Corbiere', '2/1'])),
    )

    await driver.declareResult(placings(aintree, ['Red Rum'], ['Aldaniti'], ['Corbiere']))
    const afterOne = await driver.betsOf(bob)
    expect(
      afterOne.map(({ betId, status, returns, settlements }) => ({ betId, status, returns, settlements })),
    ).toEqual([
      { betId: double, status: 'open', returns: undefined, settlements: [] },
      { betId: eachWay, status: 'settled', returns: Money.parse('£80'), settlements: [Money.parse('£80')] },
      { betId: single, status: 'settled', returns: Money.parse('£60'), settlements: [Money.parse('£60')] },
    ])
    expect(afterOne.every((bet) => bet.breakdown === undefined)).toBe(true)

    await driver.declareResult({
      race: ascot,
      placings: [['Corbiere']],
      startingPrices: new Map([['Corbiere', Odds.parse('9/4')]]),
    })
    expect((await driver.betsOf(bob))[0]).toEqual({
      betId: double,
      status: 'settled',
      stake: Money.parse('£10'),
      totalStake: Money.parse('£10'),
      eachWay: false,
      legs: [
        { race: aintree, runner: 'Red Rum', price: '5/1' },
        { race: ascot, runner: 'Corbiere', price: '2/1' },
      ],
      returns: Money.parse('£180'),
      settlements: [Money.parse('£180')],
    })
    expect(await driver.betsOf(alias('Nobody'))).toEqual([])
  })

  test('an amended result settles again the bets whose returns change: two settlements, oldest first', async () => {
    const { driver, alias } = scenario()
    const [aintree, carol] = [alias('Aintree'), alias('Carol')]
    await driver.scheduleRace(race(aintree, { placeTerms: { fraction: '1/5', places: 3 } }))
    const eachWay = await betIdOf(driver.placeBet({ ...win(carol, '£10', [aintree, 'Red Rum', '5/1']), eachWay: true }))
    const loser = await betIdOf(driver.placeBet(win(carol, '£5', [aintree, 'Rag Trade', '10/1'])))
    await driver.declareResult(placings(aintree, ['Red Rum'], ['Aldaniti'], ['Corbiere']))
    await driver.amendResult(placings(aintree, ['Aldaniti'], ['Red Rum'], ['Corbiere']))

    const bets = await driver.betsOf(carol)
    expect(bets.map(({ betId, status, returns, settlements }) => ({ betId, status, returns, settlements }))).toEqual([
      { betId: loser, status: 'settled', returns: Money.zero, settlements: [Money.zero] },
      {
        betId: eachWay,
        status: 'settled',
        returns: Money.parse('£20'),
        settlements: [Money.parse('£80'), Money.parse('£20')],
      },
    ])
  })

  test('a void race returns the stake, also of a bet already settled on its result', async () => {
    const { driver, alias } = scenario()
    const [aintree, kempton, dave] = [alias('Aintree'), alias('Kempton'), alias('Dave')]
    await driver.scheduleRace(race(aintree))
    await driver.scheduleRace(race(kempton))
    const settledFirst = await betIdOf(driver.placeBet(win(dave, '£10', [aintree, 'Red Rum', '5/1'])))
    const open = await betIdOf(driver.placeBet(win(dave, '£4', [kempton, 'Crisp', '7/2'])))
    await driver.declareResult(placings(aintree, ['Red Rum']))
    await driver.voidRace(aintree)
    await driver.voidRace(kempton)

    expect(
      (await driver.betsOf(dave)).map(({ betId, status, returns, settlements }) => ({
        betId,
        status,
        returns,
        settlements,
      })),
    ).toEqual([
      { betId: open, status: 'void', returns: Money.parse('£4'), settlements: [Money.parse('£4')] },
      {
        betId: settledFirst,
        status: 'void',
        returns: Money.parse('£10'),
        settlements: [Money.parse('£60'), Money.parse('£10')],
      },
    ])
  })

  test('follows from the newest settlement, keeps only its own, attaches lines on failure, disconnects', async () => {
    const { driver, alias } = scenario()
    const [aintree, erin] = [alias('Aintree'), alias('Erin')]
    const newest = (
      (await (await fetch(`${engineUrl}/health`, { headers: { connection: 'close' } })).json()) as {
        settlements: number
      }
    ).settlements
    expect(newest).toBeGreaterThan(0)
    await driver.scheduleRace(race(aintree))
    const bet = await betIdOf(driver.placeBet(win(erin, '£10', [aintree, 'Red Rum', '5/1'])))
    await driver.declareResult(placings(aintree, ['Red Rum']))
    await driver.betsOf(erin)
    expect(openSockets()).toBeGreaterThan(0)
    await ctx.endScenario({ failed: true })

    expect(ctx.attachments.map(({ fileName, mediaType }) => ({ fileName, mediaType }))).toEqual([
      { fileName: 'stream-lines.txt', mediaType: 'text/plain' },
    ])
    const lines = String(ctx.attachments[0]?.data)
      .trimEnd()
      .split('\n')
      .map((line) => line.replace(/^\d\d:\d\d:\d\d\.\d{3} /, ''))
    expect(lines[0]).toMatch(
      new RegExp(`^· GET /health \\{"status":"ok",.*"settlements":${newest}\\}: the newest settlement is ${newest}$`),
    )
    expect(lines.slice(1)).toEqual([
      `· GET /settlements following /settlements?after=${newest}`,
      `→ POST /stream ` +
        `{"type":"event","id":"${aintree}","name":"${aintree}","handicap":false,"runners":${JSON.stringify(runners)}}`,
      `← POST /stream {"ok":true,"id":"${aintree}","name":"${aintree}","handicap":false,"runners":6,` +
        `"placeTerms":{"fraction":"1/4","places":2}}`,
      `→ POST /stream {"type":"bet","customer":"${erin}","stake":"10.00","eachWay":false,` +
        `"legs":[{"event":"${aintree}","runner":"Red Rum","price":"5/1"}]}`,
      `← POST /stream {"ok":true,"id":"${bet}","status":"open","totalStake":"10.00"}`,
      `→ POST /stream {"type":"result","event":"${aintree}","placings":[["Red Rum"]]}`,
      `← POST /stream {"ok":true,"event":"${aintree}","status":"resulted","version":1,"changed":true,"settled":1}`,
      `← GET /settlements {"seq":${newest + 1},"bet":"${bet}","customer":"${erin}","event":"${aintree}",` +
        `"resultVersion":1,"status":"settled","returns":"60.00"}`,
    ])
    await eventually(() => openSockets() === 0, { timeout: '2s', description: 'every connection to close' })
  })

  test('an engine that is not there is a SystemCompromisedError that says where it looked', async () => {
    ctx = fakeDriverContext({ SETTLEMENT_URL: 'http://127.0.0.1:1' }, 'stream')
    const driver = new StreamSettlementDriver(ctx)
    await expect(driver.scheduleRace(race('aintree-x' as AliasedName))).rejects.toMatchObject({
      name: 'SystemCompromisedError',
      message:
        'GET http://127.0.0.1:1/health failed: connect ECONNREFUSED 127.0.0.1:1. Is the settlement engine ' +
        'running at http://127.0.0.1:1?',
    })
  })

  test('betsOf fails as an assertion when a settlement the engine announced never comes down the stream', async () => {
    const outcomes: Record<string, string> = {
      event: '{"ok":true,"id":"r1","name":"r1","handicap":false,"runners":6,"placeTerms":null}',
      bet: '{"ok":true,"id":"b1","status":"open","totalStake":"10.00"}',
      result: '{"ok":true,"event":"r1","status":"resulted","version":1,"changed":true,"settled":1}',
    }
    const silent = await createHttpTestServer((req, res, body) => {
      if (req.url === '/health')
        return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","settlements":7}')
      if (req.url === '/stream') return void res.end(`${outcomes[(JSON.parse(body) as { type: string }).type]}\n`)
      res.writeHead(200, { 'content-type': 'application/x-ndjson' }).flushHeaders()
    })
    ctx = fakeDriverContext({ SETTLEMENT_URL: silent.url }, 'stream')
    const driver = new StreamSettlementDriver(ctx, { settleTimeout: '300ms' })
    const [r1, alice] = ['r1' as AliasedName, 'alice' as AliasedName]
    await driver.scheduleRace(race(r1))
    await driver.placeBet(win(alice, '£10', [r1, 'Red Rum', '5/1']))
    await driver.declareResult(placings(r1, ['Red Rum']))
    await expect(driver.betsOf(alice)).rejects.toMatchObject({
      name: 'AssertionFailedError',
      message: expect.stringMatching(
        new RegExp(
          String.raw`^Gave up waiting for the settlements stream to carry every settlement of this scenario's ` +
            String.raw`results before reading the bets of "alice" after 300ms \(\d+ attempts\); last error: ` +
            String.raw`still waiting for the result of race "r1" \(version 1\): 0 of its 1 settlement seen; ` +
            String.raw`the settlements stream is following /settlements\?after=7$`,
        ),
      ),
    })
    await ctx.endScenario({ failed: false })
    await silent.close()
  })

  test('resumes the settlements stream after an engine restart, from the last settlement it saw', async () => {
    const { driver, alias } = scenario()
    const [aintree, ascot, frank] = [alias('Aintree'), alias('Ascot'), alias('Frank')]
    await driver.scheduleRace(race(aintree))
    await driver.scheduleRace(race(ascot))
    const before = await betIdOf(driver.placeBet(win(frank, '£10', [aintree, 'Red Rum', '5/1'])))
    const after = await betIdOf(driver.placeBet(win(frank, '£10', [ascot, 'Crisp', '2/1'])))
    await driver.declareResult(placings(aintree, ['Red Rum']))
    await driver.betsOf(frank)
    await engine.restart()
    await driver.declareResult(placings(ascot, ['Crisp']))

    expect((await driver.betsOf(frank)).map(({ betId, settlements }) => ({ betId, settlements }))).toEqual([
      { betId: after, settlements: [Money.parse('£30')] },
      { betId: before, settlements: [Money.parse('£60')] },
    ])
    await ctx.endScenario({ failed: true })
    const seen = /← GET \/settlements \{"seq":(\d+),"bet":"b\d+","customer":"frank-\d+","event":"aintree-\d+"/.exec(
      String(ctx.attachments[0]?.data),
    )?.[1]
    expect(String(ctx.attachments[0]?.data)).toContain(
      `· GET /settlements disconnected after settlement ${seen}: the engine ended the stream; reconnecting`,
    )
  })
})

function openSockets(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length
}
