import { describe, expect, it } from 'vitest'
import type { BetView } from '../src/engine/engine.ts'
import { single } from './support/fixtures.ts'
import { apiError, get, post } from './support/http.ts'
import { useSharedEngine } from './support/shared-engine.ts'

const engine = useSharedEngine()
const newRace = (): Promise<string> => engine.newRace()

async function bet(body: object): Promise<string> {
  const answer = await post(engine.url, '/bets', body)
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return answer.body.id as string
}

async function betView(id: string): Promise<BetView> {
  return (await get(engine.url, `/bets/${id}`)).body
}

describe('POST /events/{id}/result', () => {
  it('settles win and each-way singles at the price taken', async () => {
    const event = await newRace()
    const win = await bet(single('alice', event, 'Red Rum', '5/1', '10'))
    const eachWay = await bet(single('alice', event, 'Red Rum', '5/1', '10', { eachWay: true }))
    const loser = await bet(single('alice', event, 'Crisp', '5/1', '10'))
    const answer = await post(engine.url, `/events/${event}/result`, {
      placings: [['Red Rum'], ['Aldaniti'], ['Corbiere']],
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ event, status: 'resulted', version: 1, changed: true, settled: 3 })
    expect(await betView(win)).toMatchObject({
      status: 'settled',
      returns: '60.00',
      history: [{ event, resultVersion: 1, status: 'settled', returns: '60.00' }],
    })
    expect((await betView(eachWay)).returns).toBe('80.00')
    expect((await betView(loser)).returns).toBe('0.00')
  })

  it('explains the returns in a breakdown', async () => {
    const event = await newRace()
    const id = await bet(single('alice', event, 'Red Rum', '5/1', '10'))
    await post(engine.url, `/events/${event}/result`, { placings: [['Red Rum', 'Aldaniti']] })
    const view = await betView(id)
    expect(view.returns).toBe('30.00')
    expect(view.breakdown).toMatchObject({
      stakePence: 1000,
      returnsPence: 3000,
      parts: [
        { part: 'win', legs: [{ result: 'won', position: 1, deadHeatWith: 2, deadHeatFactor: '1/2', factor: '3' }] },
      ],
    })
  })

  it('settles a multiple when its last leg is decided', async () => {
    const [first, second] = [await newRace(), await newRace()]
    const id = await bet({
      customer: 'alice',
      stake: '1',
      legs: [
        { event: first, runner: 'Red Rum', price: '2/1' },
        { event: second, runner: 'Aldaniti', price: 'evens' },
      ],
    })
    expect((await post(engine.url, `/events/${first}/result`, { placings: [['Red Rum']] })).body.settled).toBe(0)
    expect((await betView(id)).status).toBe('open')
    expect((await post(engine.url, `/events/${second}/result`, { placings: [['Aldaniti']] })).body.settled).toBe(1)
    expect(await betView(id)).toMatchObject({
      status: 'settled',
      returns: '6.00',
      history: [{ event: second, resultVersion: 1, returns: '6.00' }],
    })
  })

  it('resettles an amended result, keeping both settlements in the history', async () => {
    const event = await newRace()
    const backed = await bet(single('alice', event, 'Red Rum', '5/1', '10'))
    const unaffected = await bet(single('alice', event, 'Crisp', '5/1', '10'))
    await post(engine.url, `/events/${event}/result`, { placings: [['Red Rum'], ['Aldaniti']] })
    const amended = await post(engine.url, `/events/${event}/result`, { placings: [['Aldaniti'], ['Red Rum']] })
    expect(amended.body).toEqual({ event, status: 'resulted', version: 2, changed: true, settled: 1 })
    const view = await betView(backed)
    expect(view.returns).toBe('0.00')
    expect(view.history.map((s: { resultVersion: number; returns: string }) => [s.resultVersion, s.returns])).toEqual([
      [1, '60.00'],
      [2, '0.00'],
    ])
    expect(view.history[1]!.seq).toBeGreaterThan(view.history[0]!.seq)
    expect((await betView(unaffected)).history).toHaveLength(1)
  })

  it('treats the same result again as a no-op, dead heat order and price form aside', async () => {
    const event = await newRace()
    await bet(single('alice', event, 'Red Rum', 'SP', '10'))
    const result = { placings: [['Red Rum', 'Aldaniti']], startingPrices: { 'Red Rum': '6/4', Aldaniti: '2/1' } }
    expect((await post(engine.url, `/events/${event}/result`, result)).body.settled).toBe(1)
    const again = await post(engine.url, `/events/${event}/result`, {
      placings: [['Aldaniti', 'Red Rum']],
      startingPrices: { Aldaniti: '3.0', 'Red Rum': '3/2' },
    })
    expect(again.body).toEqual({ event, status: 'resulted', version: 1, changed: false, settled: 0 })
  })

  it('needs the starting price of a placed runner with SP bets', async () => {
    const event = await newRace()
    const id = await bet(single('alice', event, 'Aldaniti', 'SP', '10', { eachWay: true }))
    const refused = await post(engine.url, `/events/${event}/result`, { placings: [['Red Rum'], ['Aldaniti']] })
    expect(refused.status).toBe(422)
    expect(refused.body).toEqual(
      apiError(
        'starting-price-missing',
        '"Aldaniti" won or placed and has SP bets, so the result must give its starting price; add it to ' +
          'startingPrices, e.g. {"Aldaniti": "9/2"}',
        'startingPrices',
      ),
    )
    expect((await get(engine.url, `/events/${event}`)).body.status).toBe('open')
    await post(engine.url, `/events/${event}/result`, {
      placings: [['Red Rum'], ['Aldaniti']],
      startingPrices: { Aldaniti: '9/2' },
    })
    // Place part only: 10 × (1 + 9/2 × 1/5) = 19.00.
    expect((await betView(id)).returns).toBe('19.00')
  })

  const declared = '"Red Rum", "Aldaniti", "Corbiere", "Crisp", "Rag Trade", "L\'Escargot", "West Tip", "Last Suspect"'
  const groups =
    'a list of finishing groups, e.g. [["Red Rum"], ["Aldaniti", "Corbiere"]] (two names in a group are a dead heat)'
  it.each([
    [
      { placings: [['Desert Orchid']] },
      422,
      'unknown-runner',
      '"Desert Orchid" is not a runner in event "{event}"; its runners are those it declared: ' + declared,
      'placings[0][0]',
    ],
    [
      { placings: [['Red Rum'], ['Red Rum']] },
      422,
      'runner-placed-twice',
      '"Red Rum" is placed twice; name each runner once',
      'placings[1][0]',
    ],
    [{ placings: [] }, 400, 'invalid-field', `placings: an empty list is not ${groups}`, 'placings'],
    [{ placings: 'Red Rum' }, 400, 'invalid-field', `placings: "Red Rum" is not ${groups}`, 'placings'],
    [
      { placings: [[]] },
      400,
      'invalid-field',
      'placings[0]: an empty list is not a group of one or more runner names, e.g. ["Red Rum"]',
      'placings[0]',
    ],
    [{}, 400, 'missing-field', `placings is missing; send ${groups}`, 'placings'],
    [
      { placings: [['Red Rum']], startingPrices: { 'Red Rum': 'lots' } },
      400,
      'invalid-field',
      'startingPrices.Red Rum: "lots" is not odds: write fractional odds (5/1), evens, or decimal odds with ' +
        'the stake included (2.25)',
      'startingPrices.Red Rum',
    ],
    [
      { placings: [['Red Rum']], startingPrices: 'x' },
      400,
      'invalid-field',
      'startingPrices: "x" is not a map of runner to price, e.g. {"Red Rum": "9/1"}',
      'startingPrices',
    ],
    [
      { placings: [['Red Rum']], startingPrices: { Nobody: '2/1' } },
      422,
      'unknown-runner',
      '"Nobody" is not a runner in event "{event}"; its runners are those it declared: ' + declared,
      'startingPrices.Nobody',
    ],
  ])('refuses %j', async (result, status, code, message, field) => {
    const event = await newRace()
    const answer = await post(engine.url, `/events/${event}/result`, result)
    expect(answer.status).toBe(status)
    expect(answer.body).toEqual(apiError(code, message.replace('{event}', event), field))
  })

  it('refuses to place a withdrawn runner', async () => {
    const event = await newRace()
    await post(engine.url, `/events/${event}/withdrawals`, { runner: 'Crisp', price: '10/1' })
    const answer = await post(engine.url, `/events/${event}/result`, { placings: [['Crisp']] })
    expect(answer.status).toBe(422)
    expect(answer.body).toEqual(
      apiError(
        'withdrawn-runner',
        `"Crisp" was withdrawn from event "${event}", so it cannot be placed`,
        'placings[0][0]',
      ),
    )
  })

  it('answers 404 for an unknown event', async () => {
    const answer = await post(engine.url, '/events/nowhere/result', { placings: [['Red Rum']] })
    expect(answer.status).toBe(404)
    expect(answer.body).toEqual(
      apiError('event-not-found', 'no event has id "nowhere"; create it with POST /events first', 'event'),
    )
  })
})

describe('POST /events/{id}/void', () => {
  it('returns the stakes of singles and rolls multiples on', async () => {
    const [voided, other] = [await newRace(), await newRace()]
    const id = await bet(single('alice', voided, 'Red Rum', '5/1', '10', { eachWay: true }))
    const double = await bet({
      customer: 'alice',
      stake: '1',
      legs: [
        { event: voided, runner: 'Red Rum', price: '2/1' },
        { event: other, runner: 'Aldaniti', price: '3/1' },
      ],
    })
    const answer = await post(engine.url, `/events/${voided}/void`)
    expect(answer.body).toEqual({ event: voided, status: 'void', version: 1, changed: true, settled: 1 })
    expect(await betView(id)).toMatchObject({
      status: 'void',
      returns: '20.00',
      history: [{ event: voided, resultVersion: 1, status: 'void', returns: '20.00' }],
    })
    await post(engine.url, `/events/${other}/result`, { placings: [['Aldaniti']] })
    expect(await betView(double)).toMatchObject({ status: 'settled', returns: '4.00' })
  })

  it('resettles bets already settled on a result; a second void is a no-op', async () => {
    const event = await newRace()
    const id = await bet(single('alice', event, 'Red Rum', '5/1', '10'))
    await post(engine.url, `/events/${event}/result`, { placings: [['Red Rum']] })
    expect((await post(engine.url, `/events/${event}/void`)).body).toEqual({
      event,
      status: 'void',
      version: 2,
      changed: true,
      settled: 1,
    })
    expect((await post(engine.url, `/events/${event}/void`)).body).toEqual({
      event,
      status: 'void',
      version: 2,
      changed: false,
      settled: 0,
    })
    expect(
      (await betView(id)).history.map((s: { status: string; returns: string }) => `${s.status} ${s.returns}`),
    ).toEqual(['settled 60.00', 'void 10.00'])
  })

  it('refuses a result for a void event with 409', async () => {
    const event = await newRace()
    await post(engine.url, `/events/${event}/void`)
    const answer = await post(engine.url, `/events/${event}/result`, { placings: [['Red Rum']] })
    expect(answer.status).toBe(409)
    expect(answer.body).toEqual(apiError('event-void', `event "${event}" is void, so it takes no result`, 'event'))
  })
})
