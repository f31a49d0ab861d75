import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiError, get, post } from './support/http.ts'
import { startTestEngine, type TestEngine } from './support/test-engine.ts'

let engine: TestEngine
beforeAll(async () => {
  engine = await startTestEngine()
})
afterAll(() => engine.dispose())

describe('the HTTP API', () => {
  it('answers GET /health', async () => {
    const answer = await get(engine.url, '/health')
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({
      status: 'ok',
      events: expect.any(Number),
      bets: expect.any(Number),
      settlements: expect.any(Number),
    })
  })

  it('refuses malformed JSON with 400', async () => {
    const answer = await post(engine.url, '/bets', '{"customer":')
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual(
      apiError('invalid-json', 'the body is not JSON (Unexpected end of JSON input); send one JSON object'),
    )
  })

  it('refuses a body that is not an object with 400', async () => {
    const answer = await post(engine.url, '/events', '[1, 2]')
    expect(answer.body).toEqual(apiError('invalid-json', 'the body is an array; send one JSON object'))
  })

  it('refuses a body over the limit with 413, without reading it all', async () => {
    const answer = await post(
      engine.url,
      '/events',
      JSON.stringify({ id: 'big', name: 'x'.repeat(70_000), runners: ['A'] }),
    )
    expect(answer.status).toBe(413)
    expect(answer.body.error.code).toBe('body-too-large')
    expect(answer.body.error.message).toMatch(/^the body is \d+ bytes or more; the limit is 65536 bytes/)
  })

  it('answers 405 with the allowed methods for a known path', async () => {
    const answer = await get(engine.url, '/bets', { method: 'DELETE' })
    expect(answer.status).toBe(405)
    expect(answer.headers.get('allow')).toBe('POST')
    expect(answer.body).toEqual(apiError('method-not-allowed', 'DELETE is not allowed on /bets; use POST'))
  })

  it('answers 404 for an unknown path', async () => {
    const answer = await get(engine.url, '/nowhere')
    expect(answer.status).toBe(404)
    expect(answer.body).toEqual(
      apiError('not-found', 'nothing at GET /nowhere; the API is described in docs/examples/settlement-api.md'),
    )
  })

  it('refuses an id that is not valid percent-encoding', async () => {
    const answer = await get(engine.url, '/bets/%E0%A4%A')
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('invalid-path')
  })

  it('takes a void with no body at all', async () => {
    await post(engine.url, '/events', { id: 'void-me', name: 'x', runners: ['A', 'B'] })
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${engine.url}/events/void-me/void`, { method: 'POST' }, (res) => {
        res.resume()
        resolve(res.statusCode!)
      })
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(200)
  })
})
