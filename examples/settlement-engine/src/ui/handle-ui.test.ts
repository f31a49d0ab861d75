import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { handleUi } from './index.ts'
import { anEvent, fakeEngine, type FakeEngine } from './test/fake-engine.ts'
import { startTestServer, type TestServer } from './test/ui-test-server.ts'

let engine: FakeEngine
let server: TestServer

beforeEach(async () => {
  engine = fakeEngine({ events: [anEvent()] })
  server = await startTestServer(async (req, res) => {
    if (!(await handleUi(req, res, engine))) res.writeHead(404, { 'content-type': 'text/plain' }).end('the API')
  })
})
afterEach(async () => {
  await server.close()
})

const get = (path: string, init: RequestInit = {}) => fetch(server.url + path, { redirect: 'manual', ...init })
const post = (path: string, fields: Record<string, string>) =>
  fetch(server.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
const textOf = (markup: string, pattern: RegExp) => pattern.exec(markup)?.[1]

describe('handleUi: the punter', () => {
  it('serves the front page as HTML that runs no script', async () => {
    const response = await get('/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(await response.text()).toContain('<button type="submit">Show my bets</button>')
  })

  it('goes from the front page’s form to the customer’s page, or says the name is missing', async () => {
    const found = await get('/customers?customer=+alice+smith+')
    expect([found.status, found.headers.get('location')]).toEqual([303, '/customers/alice%20smith'])
    const blank = await get('/customers?customer=')
    expect(blank.status).toBe(400)
    expect(textOf(await blank.text(), /<div role="alert" class="alert"><p>(.*?)<\/p>/)).toBe(
      '<strong>No customer.</strong> <a href="#find-customer">Customer</a>: Enter a customer name to see their bets.',
    )
  })

  it('places a bet: the command the engine takes, a redirect, then the confirmation and the bet listed', async () => {
    const placed = await post('/customers/alice', {
      customer: 'alice',
      event: 'R1',
      runner: 'Red Rum',
      price: '5/1',
      stake: '10',
      eachWay: 'on',
      moreLegs: '',
    })
    expect([placed.status, placed.headers.get('location')]).toEqual([303, '/customers/alice?done=placed&bet=B1'])
    expect(engine.commands).toEqual([
      {
        type: 'bet',
        customer: 'alice',
        stake: '10',
        eachWay: true,
        legs: [{ event: 'R1', runner: 'Red Rum', price: '5/1' }],
      },
    ])
    const page = await (await get('/customers/alice?done=placed&bet=B1')).text()
    expect(textOf(page, /<p role="status" class="status">(.*?)<\/p>/)).toBe('Bet B1 placed.')
    expect(page).toContain('<th scope="row">B1</th><td><ul class="legs"><li>Red Rum at 5/1 in The National (R1)</li>')
  })

  it('shows the engine’s refusal with its status, at the field it names, keeping the form', async () => {
    const refused = await post('/customers/alice', {
      customer: 'alice',
      event: 'R9',
      runner: 'Red Rum',
      price: '5/1',
      stake: '10',
    })
    expect(refused.status).toBe(404)
    const page = await refused.text()
    expect(textOf(page, /<div role="alert" class="alert"><p>(.*?)<\/p>/)).toBe(
      '<strong>Bet refused.</strong> <a href="#bet-event">Event</a>: no event has id &quot;R9&quot;',
    )
    expect(page).toContain(
      '<span class="error" id="bet-event-error">no event has id &quot;R9&quot;</span><input type="text" ' +
        'id="bet-event" name="event" value="R9"',
    )
  })

  it('does not trouble the engine with a leg it cannot read', async () => {
    const refused = await post('/customers/alice', { customer: 'alice', stake: '10', moreLegs: 'R1 Red Rum 5/1' })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain(
      '<a href="#bet-moreLegs">More legs</a>: Line 1 of More legs, &quot;R1 Red Rum 5/1&quot;, is not ' +
        '&quot;event, runner, price&quot;',
    )
    expect(engine.commands).toEqual([])
  })
})

describe('handleUi: the trader', () => {
  it('creates an event and comes back to the trader’s page saying so', async () => {
    const created = await post('/trader/events', {
      id: 'R2',
      name: 'The Derby',
      runners: 'A\r\nB\r\n',
      placeFraction: '',
      places: '',
    })
    expect([created.status, created.headers.get('location')]).toEqual([303, '/trader?done=created&event=R2'])
    expect(engine.commands).toEqual([
      { type: 'event', id: 'R2', name: 'The Derby', handicap: false, runners: ['A', 'B'] },
    ])
    const page = await (await get('/trader?done=created&event=R2')).text()
    expect(textOf(page, /<p role="status" class="status">(.*?)<\/p>/)).toBe('Event R2 created.')
    expect(page).toContain('<a href="/trader/events/R2">R2</a>')
  })

  it('answers a refused event with the engine’s status and the alert', async () => {
    const refused = await post('/trader/events', { id: 'R1', name: 'Again', runners: 'A' })
    expect(refused.status).toBe(409)
    expect(textOf(await refused.text(), /<div role="alert" class="alert"><p>(.*?)<\/p>/)).toBe(
      '<strong>Event refused.</strong> <a href="#event-id">Event id</a>: an event with id &quot;R1&quot; ' +
        'exists already',
    )
  })

  it('withdraws a runner, declares and amends the result, voids the race, each back on the event’s page', async () => {
    const steps = [
      ['withdrawals', { runner: 'Shergar', price: '3/1', late: 'on' }],
      ['result', { placings: 'Dobbin\r\nRed Rum', startingPrices: 'Dobbin: 5/1' }],
      ['result', { placings: 'Red Rum, Dobbin', startingPrices: '' }],
      ['void', {}],
    ] as const
    const locations: Array<string | null> = []
    for (const [action, fields] of steps)
      locations.push((await post(`/trader/events/R1/${action}`, fields)).headers.get('location'))
    expect(locations).toEqual([
      '/trader/events/R1?done=withdrawn&event=R1&runner=Shergar',
      '/trader/events/R1?done=declared&event=R1&version=1',
      '/trader/events/R1?done=amended&event=R1&version=2',
      '/trader/events/R1?done=voided&event=R1',
    ])
    expect(engine.commands).toEqual([
      { type: 'withdrawal', event: 'R1', runner: 'Shergar', price: '3/1', late: true },
      { type: 'result', event: 'R1', placings: [['Dobbin'], ['Red Rum']], startingPrices: { Dobbin: '5/1' } },
      { type: 'result', event: 'R1', placings: [['Red Rum', 'Dobbin']] },
      { type: 'void', event: 'R1' },
    ])
    const page = await (await get(locations[2] ?? '')).text()
    expect(textOf(page, /<p role="status" class="status">(.*?)<\/p>/)).toBe('Result of R1 amended (version 2).')
  })

  it('shows a refusal that names no field at the top of its form', async () => {
    await post('/trader/events/R1/void', {})
    const again = await post('/trader/events/R1/void', {})
    expect(again.status).toBe(409)
    expect(textOf(await again.text(), /<div role="alert" class="alert"><p>(.*?)<\/p>/)).toBe(
      '<strong>Void refused.</strong> R1 is void already',
    )
  })

  it('answers 404 for an event that does not exist, on its page and its forms', async () => {
    const page = await get('/trader/events/R9')
    const form = await post('/trader/events/R9/void', {})
    expect([page.status, form.status]).toEqual([404, 404])
    expect(textOf(await form.text(), /<div role="alert" class="alert"><p>(.*?)<\/p>/)).toBe(
      'No event has id &quot;R9&quot;. Create it on the trader&#39;s page first.',
    )
    expect(engine.commands).toEqual([])
  })
})

describe('handleUi: what it leaves and refuses', () => {
  it('leaves the API’s paths to the API', async () => {
    const answers = await Promise.all(
      ['/bets', '/events/R1', '/customers/alice/bets'].map(async (path) => (await get(path)).text()),
    )
    expect(answers).toEqual(['the API', 'the API', 'the API'])
  })

  it('answers another method on its paths with 405 and what is allowed', async () => {
    const response = await get('/trader', { method: 'DELETE' })
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'GET, HEAD'])
  })

  it('answers a form that is not urlencoded with 415, and HEAD with headers only', async () => {
    const json = await fetch(`${server.url}/trader/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(json.status).toBe(415)
    const head = await get('/trader', { method: 'HEAD' })
    expect([head.status, Number(head.headers.get('content-length')) > 0, await head.text()]).toEqual([200, true, ''])
  })

  it('lets an engine failure (not a refusal) reach the caller', async () => {
    engine.execute = async () => {
      throw new Error('log disk full')
    }
    const response = await post('/trader/events', { id: 'R2', name: 'X', runners: 'A' })
    expect([response.status, await response.text()]).toEqual([500, 'log disk full'])
  })
})
