import { describe, expect, it } from 'vitest'
import { single, unique } from './support/fixtures.ts'
import { apiError, get, post } from './support/http.ts'
import { useSharedEngine } from './support/shared-engine.ts'

const engine = useSharedEngine()
const newRace = (): Promise<string> => engine.newRace()

describe('POST /bets', () => {
  it('places a single and answers 201 with an engine-assigned id', async () => {
    const event = await newRace()
    const answer = await post(engine.url, '/bets', single(unique('punter'), event, 'Red Rum', '5/1', '10'))
    expect(answer.status).toBe(201)
    expect(answer.body).toEqual({ id: expect.stringMatching(/^b[1-9][0-9]*$/), status: 'open', totalStake: '10.00' })
  })

  it('charges each-way stakes twice: £10 each-way costs £20', async () => {
    const event = await newRace()
    const answer = await post(
      engine.url,
      '/bets',
      single(unique('punter'), event, 'Red Rum', '5/1', '£10.5', { eachWay: true }),
    )
    expect(answer.body.totalStake).toBe('21.00')
  })

  it('keeps a client-given id and refuses it a second time with 409', async () => {
    const event = await newRace()
    const id = unique('ticket')
    expect((await post(engine.url, '/bets', single('alice', event, 'Red Rum', '5/1', '1', { id }))).body.id).toBe(id)
    const again = await post(engine.url, '/bets', single('alice', event, 'Red Rum', '5/1', '1', { id }))
    expect(again.status).toBe(409)
    expect(again.body).toEqual(
      apiError('duplicate-id', `a bet with id "${id}" already exists; choose another id`, 'id'),
    )
  })

  it('places a multiple on different events', async () => {
    const [first, second] = [await newRace(), await newRace()]
    const bet = {
      customer: 'alice',
      stake: '2',
      legs: [
        { event: first, runner: 'Red Rum', price: 'evens' },
        { event: second, runner: 'Crisp', price: 'SP' },
      ],
    }
    expect((await post(engine.url, '/bets', bet)).status).toBe(201)
  })

  it.each([
    [
      'stake',
      { stake: 'ten' },
      400,
      apiError(
        'invalid-field',
        'stake: "ten" is not money: not an amount; write pounds, e.g. 10, 10.50 or £10.50',
        'stake',
      ),
    ],
    [
      'zero stake',
      { stake: '0' },
      400,
      apiError('invalid-field', 'stake: "0" is not money: zero; the smallest stake is 1p, i.e. 0.01', 'stake'),
    ],
    [
      'stake type',
      { stake: 10 },
      400,
      apiError(
        'invalid-field',
        'stake: 10 is not a string; send the stake per line in pounds, e.g. "10" or "10.50"',
        'stake',
      ),
    ],
    [
      'customer',
      { customer: '' },
      400,
      apiError(
        'invalid-field',
        'customer: "" is empty; send a name of 1 to 200 characters without spaces at the ends',
        'customer',
      ),
    ],
    [
      'eachWay',
      { eachWay: 'yes' },
      400,
      apiError('invalid-field', 'eachWay: "yes" is not a boolean; send true or false', 'eachWay'),
    ],
    [
      'legs',
      { legs: [] },
      400,
      apiError(
        'invalid-field',
        'legs: a list of 0 is not a list of 1 to 20 legs; send e.g. [{"event": "R1", "runner": "Red Rum", ' +
          '"price": "5/1"}]',
        'legs',
      ),
    ],
    [
      'reserved id',
      { id: 'b12' },
      400,
      apiError(
        'invalid-field',
        'id: "b12" has the form of an id the engine assigns (b and a number); choose another id, or leave it ' +
          'out to be given one',
        'id',
      ),
    ],
  ])('refuses a bad %s with 400', async (_what, change, status, error) => {
    const event = await newRace()
    const answer = await post(engine.url, '/bets', { ...single('bob', event, 'Red Rum', '5/1', '10'), ...change })
    expect(answer.status).toBe(status)
    expect(answer.body).toEqual(error)
  })

  it('refuses a bad price, naming the leg', async () => {
    const event = await newRace()
    const answer = await post(engine.url, '/bets', single('bob', event, 'Red Rum', '5-1', '10'))
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual(
      apiError(
        'invalid-field',
        'legs[0].price: "5-1" is not a price: write fractional odds with a slash, e.g. 5/1',
        'legs[0].price',
      ),
    )
  })

  it('refuses a missing customer', async () => {
    const event = await newRace()
    const { customer: _, ...bet } = single('bob', event, 'Red Rum', '5/1', '10')
    const answer = await post(engine.url, '/bets', bet)
    expect(answer.body).toEqual(apiError('missing-field', 'customer is missing; send a non-empty string', 'customer'))
  })

  it('answers 404 for a leg on an unknown event', async () => {
    const answer = await post(engine.url, '/bets', single('bob', 'nowhere', 'Red Rum', '5/1', '10'))
    expect(answer.status).toBe(404)
    expect(answer.body).toEqual(
      apiError('event-not-found', 'no event has id "nowhere"; create it with POST /events first', 'legs[0].event'),
    )
  })

  it('answers 422 for a runner not in the event', async () => {
    const event = await newRace()
    const answer = await post(engine.url, '/bets', single('bob', event, 'Desert Orchid', '5/1', '10'))
    expect(answer.status).toBe(422)
    expect(answer.body).toEqual(
      apiError(
        'unknown-runner',
        `"Desert Orchid" is not a runner in event "${event}"; its runners are those it declared: "Red Rum", ` +
          `"Aldaniti", "Corbiere", "Crisp", "Rag Trade", "L'Escargot", "West Tip", "Last Suspect"`,
        'legs[0].runner',
      ),
    )
  })

  it('answers 422 for two legs on the same event', async () => {
    const event = await newRace()
    const bet = {
      customer: 'bob',
      stake: '1',
      legs: [
        { event, runner: 'Red Rum', price: '2/1' },
        { event, runner: 'Crisp', price: '2/1' },
      ],
    }
    const answer = await post(engine.url, '/bets', bet)
    expect(answer.status).toBe(422)
    expect(answer.body).toEqual(
      apiError(
        'same-event-legs',
        `legs 0 and 1 are both on event "${event}"; a multiple's legs must be on different events`,
        'legs[1].event',
      ),
    )
  })

  it('answers 409 for a bet on a withdrawn runner', async () => {
    const event = await newRace()
    await post(engine.url, `/events/${event}/withdrawals`, { runner: 'Crisp', price: '3/1' })
    const answer = await post(engine.url, '/bets', single('bob', event, 'Crisp', '5/1', '10'))
    expect(answer.status).toBe(409)
    expect(answer.body).toEqual(
      apiError(
        'runner-withdrawn',
        `"Crisp" has been withdrawn from event "${event}"; bets on it are no longer taken`,
        'legs[0].runner',
      ),
    )
  })

  it('answers 409 for a bet on an event already resulted, and stores nothing of it', async () => {
    const [open, resulted] = [await newRace(), await newRace()]
    await post(engine.url, `/events/${resulted}/result`, { placings: [['Red Rum']] })
    const customer = unique('punter')
    const bet = {
      customer,
      stake: '1',
      legs: [
        { event: open, runner: 'Red Rum', price: '2/1' },
        { event: resulted, runner: 'Crisp', price: '2/1' },
      ],
    }
    const answer = await post(engine.url, '/bets', bet)
    expect(answer.status).toBe(409)
    expect(answer.body).toEqual(
      apiError('event-closed', `cannot bet on event "${resulted}": it is already resulted`, 'legs[1].event'),
    )
    expect((await get(engine.url, `/customers/${customer}/bets`)).status).toBe(404)
    expect((await get(engine.url, `/events/${open}`)).body.bets).toBe(0)
  })
})

describe('GET /bets/{id}', () => {
  it('shows an open bet without returns or breakdown', async () => {
    const event = await newRace()
    const customer = unique('punter')
    const { body: placed } = await post(
      engine.url,
      '/bets',
      single(customer, event, 'Aldaniti', '7/2', '4', { eachWay: true }),
    )
    const { status, body } = await get(engine.url, `/bets/${placed.id}`)
    expect(status).toBe(200)
    expect(body).toEqual({
      id: placed.id,
      customer,
      status: 'open',
      stake: '4.00',
      totalStake: '8.00',
      eachWay: true,
      legs: [{ event, runner: 'Aldaniti', price: '7/2' }],
      history: [],
    })
  })

  it('answers 404 for an unknown bet', async () => {
    const answer = await get(engine.url, '/bets/b999999')
    expect(answer.status).toBe(404)
    expect(answer.body).toEqual(
      apiError('bet-not-found', 'no bet has id "b999999"; use the id POST /bets answered with'),
    )
  })
})

describe('GET /customers/{id}/bets', () => {
  it("lists the customer's bets, newest first, without breakdowns", async () => {
    const event = await newRace()
    const customer = unique('punter')
    const first = (await post(engine.url, '/bets', single(customer, event, 'Red Rum', '5/1', '1'))).body.id
    const second = (await post(engine.url, '/bets', single(customer, event, 'Crisp', '5/1', '2'))).body.id
    await post(engine.url, `/events/${event}/result`, { placings: [['Red Rum']] })
    const { status, body } = await get(engine.url, `/customers/${customer}/bets`)
    expect(status).toBe(200)
    expect(body.map((bet: { id: string }) => bet.id)).toEqual([second, first])
    expect(body[1]).toMatchObject({ status: 'settled', returns: '6.00' })
    expect(body[1].breakdown).toBeUndefined()
  })

  it('answers 404 for a customer with no bets', async () => {
    const answer = await get(engine.url, '/customers/nobody/bets')
    expect(answer.status).toBe(404)
    expect(answer.body).toEqual(apiError('customer-not-found', 'customer "nobody" has no bets'))
  })
})
