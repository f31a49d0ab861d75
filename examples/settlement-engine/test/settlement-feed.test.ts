import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { race, single, unique } from './support/fixtures.ts'
import { apiError, get, post } from './support/http.ts'
import { follow } from './support/ndjson.ts'
import { startTestEngine, type TestEngine } from './support/test-engine.ts'

let engine: TestEngine
beforeAll(async () => {
  engine = await startTestEngine()
})
afterAll(() => engine.dispose())

async function settledRace(customer: string, bets: number): Promise<string> {
  const event = unique('R')
  await post(engine.url, '/events', race(event))
  for (let i = 0; i < bets; i++) await post(engine.url, '/bets', single(customer, event, 'Red Rum', '2/1', `${i + 1}`))
  await post(engine.url, `/events/${event}/result`, { placings: [['Red Rum']] })
  return event
}

describe('GET /settlements', () => {
  it('streams past settlements after a sequence number, then live ones', async () => {
    const before = (await get(engine.url, '/health')).body.settlements as number
    const customer = unique('punter')
    const event = await settledRace(customer, 2)
    const feed = await follow(engine.url, `/settlements?after=${before}`)
    try {
      expect(feed.status).toBe(200)
      const past = (await feed.waitFor(2)).map((line) => JSON.parse(line))
      expect(past).toEqual([
        {
          seq: before + 1,
          bet: expect.stringMatching(/^b\d+$/),
          customer,
          event,
          resultVersion: 1,
          status: 'settled',
          returns: '3.00',
        },
        {
          seq: before + 2,
          bet: expect.stringMatching(/^b\d+$/),
          customer,
          event,
          resultVersion: 1,
          status: 'settled',
          returns: '6.00',
        },
      ])
      const later = await settledRace(customer, 1)
      const live = JSON.parse((await feed.waitFor(3))[2]!)
      expect(live).toMatchObject({ seq: before + 3, event: later, returns: '3.00' })
    } finally {
      feed.close()
    }
  })

  it('resumes from a sequence number: nothing at or before it is sent again', async () => {
    await settledRace(unique('punter'), 3)
    const last = (await get(engine.url, '/health')).body.settlements as number
    const feed = await follow(engine.url, `/settlements?after=${last - 1}`)
    try {
      const lines = await feed.waitFor(1)
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(lines.map((line) => JSON.parse(line).seq)).toEqual([last])
    } finally {
      feed.close()
    }
  })

  it('shows an amended result as a new settlement of the same bet', async () => {
    const customer = unique('punter')
    const event = await settledRace(customer, 1)
    const after = (await get(engine.url, '/health')).body.settlements as number
    const feed = await follow(engine.url, `/settlements?after=${after}`)
    try {
      await post(engine.url, `/events/${event}/result`, { placings: [['Aldaniti'], ['Red Rum']] })
      expect(JSON.parse((await feed.waitFor(1))[0]!)).toMatchObject({
        seq: after + 1,
        customer,
        event,
        resultVersion: 2,
        status: 'settled',
        returns: '0.00',
      })
    } finally {
      feed.close()
    }
  })

  it.each(['-1', 'x', '1.5', '99999999999999999999'])('refuses after=%s with 400', async (after) => {
    const answer = await get(engine.url, `/settlements?after=${after}`)
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual(
      apiError(
        'invalid-field',
        `after: "${after}" is not a sequence number; send a whole number ≥ 0, e.g. ?after=1200 to resume after ` +
          `settlement 1200`,
        'after',
      ),
    )
  })
})
