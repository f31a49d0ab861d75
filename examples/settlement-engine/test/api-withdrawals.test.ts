import { describe, expect, it } from 'vitest'
import { single } from './support/fixtures.ts'
import { apiError, get, post } from './support/http.ts'
import { useSharedEngine } from './support/shared-engine.ts'

const engine = useSharedEngine()
const newRace = (): Promise<string> => engine.newRace()

async function returnsOf(id: string): Promise<string> {
  return (await get(engine.url, `/bets/${id}`)).body.returns
}

describe('POST /events/{id}/withdrawals', () => {
  it('answers 201 with the Rule 4 deduction the price brings', async () => {
    const event = await newRace()
    const answer = await post(engine.url, `/events/${event}/withdrawals`, { runner: 'Crisp', price: '3/1' })
    expect(answer.status).toBe(201)
    expect(answer.body).toEqual({
      event,
      runner: 'Crisp',
      price: '3/1',
      late: false,
      deduction: 25,
      runnersUnderOrders: 7,
      placeTerms: { fraction: '1/4', places: 2 },
    })
  })

  it('deducts from winning bets struck before it, not after', async () => {
    const event = await newRace()
    const before = (await post(engine.url, '/bets', single('alice', event, 'Red Rum', '5/1', '10'))).body.id
    await post(engine.url, `/events/${event}/withdrawals`, { runner: 'Crisp', price: '3/1' })
    const after = (await post(engine.url, '/bets', single('alice', event, 'Red Rum', '5/1', '10'))).body.id
    await post(engine.url, `/events/${event}/result`, { placings: [['Red Rum']] })
    // 10 + 50 × (1 − 0.25) = 47.50
    expect(await returnsOf(before)).toBe('47.50')
    expect(await returnsOf(after)).toBe('60.00')
  })

  it('deducts from SP bets only when late', async () => {
    const [late, early] = [await newRace(), await newRace()]
    const spLate = (await post(engine.url, '/bets', single('alice', late, 'Red Rum', 'SP', '10'))).body.id
    const spEarly = (await post(engine.url, '/bets', single('alice', early, 'Red Rum', 'SP', '10'))).body.id
    await post(engine.url, `/events/${late}/withdrawals`, { runner: 'Crisp', price: '3/1', late: true })
    await post(engine.url, `/events/${early}/withdrawals`, { runner: 'Crisp', price: '3/1' })
    for (const event of [late, early])
      await post(engine.url, `/events/${event}/result`, {
        placings: [['Red Rum']],
        startingPrices: { 'Red Rum': '4/1' },
      })
    expect(await returnsOf(spLate)).toBe('40.00')
    expect(await returnsOf(spEarly)).toBe('50.00')
  })

  it('voids a bet on the withdrawn runner: the stake comes back', async () => {
    const event = await newRace()
    const id = (await post(engine.url, '/bets', single('alice', event, 'Crisp', '5/1', '10'))).body.id
    await post(engine.url, `/events/${event}/withdrawals`, { runner: 'Crisp', price: '3/1' })
    await post(engine.url, `/events/${event}/result`, { placings: [['Red Rum']] })
    expect((await get(engine.url, `/bets/${id}`)).body).toMatchObject({ status: 'void', returns: '10.00' })
  })

  it.each([
    [
      { runner: 'Crisp', price: 'SP' },
      400,
      apiError('invalid-field', 'price: "SP" is not odds: SP is not known here; give the odds, e.g. 5/1', 'price'),
    ],
    [
      { runner: 'Crisp' },
      400,
      apiError(
        'missing-field',
        'price is missing; send the runner\'s price when withdrawn, e.g. "3/1", "evens" or "4.0"',
        'price',
      ),
    ],
    [
      { runner: 'Crisp', price: '3/1', late: 1 },
      400,
      apiError('invalid-field', 'late: 1 is not a boolean; send true or false', 'late'),
    ],
  ])('refuses %j', async (body, status, error) => {
    const event = await newRace()
    const answer = await post(engine.url, `/events/${event}/withdrawals`, body)
    expect(answer.status).toBe(status)
    expect(answer.body).toEqual(error)
  })

  it('refuses an unknown runner with 422 and a second withdrawal with 409', async () => {
    const event = await newRace()
    const unknown = await post(engine.url, `/events/${event}/withdrawals`, { runner: 'Nobody', price: '3/1' })
    expect(unknown.status).toBe(422)
    expect(unknown.body.error).toMatchObject({ code: 'unknown-runner', field: 'runner' })
    await post(engine.url, `/events/${event}/withdrawals`, { runner: 'Crisp', price: '3/1' })
    const again = await post(engine.url, `/events/${event}/withdrawals`, { runner: 'Crisp', price: '3/1' })
    expect(again.status).toBe(409)
    expect(again.body).toEqual(
      apiError('runner-withdrawn', `"Crisp" is already withdrawn from event "${event}"`, 'runner'),
    )
  })

  it('refuses a withdrawal once the event is resulted', async () => {
    const event = await newRace()
    await post(engine.url, `/events/${event}/result`, { placings: [['Red Rum']] })
    const answer = await post(engine.url, `/events/${event}/withdrawals`, { runner: 'Crisp', price: '3/1' })
    expect(answer.status).toBe(409)
    expect(answer.body).toEqual(
      apiError('event-closed', `cannot withdraw a runner from event "${event}": it is already resulted`, 'event'),
    )
  })
})
