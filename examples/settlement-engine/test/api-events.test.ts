import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { race, runners, unique } from './support/fixtures.ts'
import { apiError, get, post } from './support/http.ts'
import { startTestEngine, type TestEngine } from './support/test-engine.ts'

let engine: TestEngine
beforeAll(async () => {
  engine = await startTestEngine()
})
afterAll(() => engine.dispose())

describe('POST /events', () => {
  it('creates an event and answers 201 with its place terms', async () => {
    const id = unique('R')
    const answer = await post(engine.url, '/events', race(id))
    expect(answer.status).toBe(201)
    expect(answer.body).toEqual({
      id,
      name: `Race ${id}`,
      handicap: false,
      runners: 8,
      placeTerms: { fraction: '1/5', places: 3 },
    })
  })

  it('takes stated place terms and a handicap flag', async () => {
    const id = unique('R')
    const answer = await post(
      engine.url,
      '/events',
      race(id, { handicap: true, placeTerms: { fraction: '1/4', places: 2 } }),
    )
    expect(answer.body).toMatchObject({ handicap: true, placeTerms: { fraction: '1/4', places: 2 } })
  })

  it('gives a race of four runners no place terms', async () => {
    const answer = await post(engine.url, '/events', race(unique('R'), { runners: ['A', 'B', 'C', 'D'] }))
    expect(answer.body.placeTerms).toBeNull()
  })

  it('refuses a duplicate id with 409', async () => {
    const id = unique('R')
    await post(engine.url, '/events', race(id))
    const answer = await post(engine.url, '/events', race(id))
    expect(answer.status).toBe(409)
    expect(answer.body).toEqual(
      apiError('duplicate-id', `an event with id "${id}" already exists; choose another id`, 'id'),
    )
  })

  it.each([
    [{ name: 'x', runners }, 400, apiError('missing-field', 'id is missing; send a non-empty string', 'id')],
    [{ id: 'E', runners }, 400, apiError('missing-field', 'name is missing; send a non-empty string', 'name')],
    [
      { id: 'E', name: 'x' },
      400,
      apiError(
        'missing-field',
        'runners is missing; send a list of runner names, e.g. ["Red Rum", "Aldaniti"]',
        'runners',
      ),
    ],
    [
      { id: 'E', name: 'x', runners: [] },
      400,
      apiError(
        'invalid-field',
        'runners: a list of 0 is not a list of 1 to 100 runner names; send e.g. ["Red Rum", "Aldaniti"]',
        'runners',
      ),
    ],
    [
      { id: 'E', name: 'x', runners: ['A', 'A'] },
      400,
      apiError('invalid-field', 'runners[1]: "A" is named twice; each runner once', 'runners[1]'),
    ],
    [
      { id: 'E', name: 'x', runners: ['A', 7] },
      400,
      apiError('invalid-field', 'runners[1]: 7 is not a string; send a name of 1 to 200 characters', 'runners[1]'),
    ],
    [
      { id: ' E', name: 'x', runners },
      400,
      apiError(
        'invalid-field',
        'id: " E" has spaces at an end; send a name of 1 to 200 characters without spaces at the ends',
        'id',
      ),
    ],
    [
      { id: 'E', name: 'x', handicap: 'yes', runners },
      400,
      apiError('invalid-field', 'handicap: "yes" is not a boolean; send true or false', 'handicap'),
    ],
    [
      { id: 'E', name: 'x', runners, placeTerms: { fraction: '5/1', places: 3 } },
      400,
      apiError(
        'invalid-field',
        'placeTerms.fraction: "5/1" is more than the odds themselves; a place fraction is at most 1, e.g. "1/5"',
        'placeTerms.fraction',
      ),
    ],
    [
      { id: 'E', name: 'x', runners, placeTerms: { fraction: '1/5', places: 9 } },
      400,
      apiError(
        'invalid-field',
        'placeTerms.places: 9 is not a number of places; send a whole number from 1 to the 8 runners',
        'placeTerms.places',
      ),
    ],
  ])('refuses %j', async (body, status, error) => {
    const answer = await post(engine.url, '/events', body)
    expect(answer.status).toBe(status)
    expect(answer.body).toEqual(error)
  })
})

describe('GET /events', () => {
  it('lists events in the order they were created', async () => {
    const first = unique('R')
    const second = unique('R')
    await post(engine.url, '/events', race(first))
    await post(engine.url, '/events', race(second))
    const { body } = await get(engine.url, '/events')
    const ids = (body as Array<{ id: string }>).map((event) => event.id)
    expect(ids.indexOf(second) - ids.indexOf(first)).toBe(1)
    expect(body.find((event: { id: string }) => event.id === first)).toEqual({
      id: first,
      name: `Race ${first}`,
      status: 'open',
      runners: 8,
      bets: 0,
    })
  })
})

describe('GET /events/{id}', () => {
  it('shows the event in full; a withdrawal to 7 runners brings 1/4 for 2 places', async () => {
    const id = unique('R')
    await post(engine.url, '/events', race(id))
    await post(engine.url, `/events/${id}/withdrawals`, { runner: 'Crisp', price: '3/1' })
    const { status, body } = await get(engine.url, `/events/${id}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({
      id,
      status: 'open',
      handicap: false,
      placeTerms: { fraction: '1/4', places: 2 },
      withdrawals: [{ runner: 'Crisp', price: '3/1', late: false, deduction: 25 }],
      bets: 0,
    })
    expect(body.runners[3]).toEqual({ name: 'Crisp', withdrawn: true })
    expect(body.result).toBeUndefined()
  })

  it('finds ids that need percent-encoding', async () => {
    const id = `${unique('R')} / 14:00`
    await post(engine.url, '/events', race(id))
    expect((await get(engine.url, `/events/${encodeURIComponent(id)}`)).body.id).toBe(id)
  })

  it('answers 404 for an unknown event', async () => {
    const answer = await get(engine.url, '/events/nope')
    expect(answer.status).toBe(404)
    expect(answer.body).toEqual(apiError('event-not-found', 'no event has id "nope"'))
  })
})
