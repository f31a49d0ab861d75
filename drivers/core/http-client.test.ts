import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HttpClient } from './http-client.ts'
import type { HttpExchange } from './http-exchange.ts'
import { AssertionFailedError } from './errors/assertion-failed-error.ts'
import { ConfigurationError } from './errors/configuration-error.ts'
import { SystemCompromisedError } from './errors/system-compromised-error.ts'
import { fakeDriverContext, type FakeDriverContext } from './test-fixtures/fake-driver-context.ts'
import { createHttpTestServer, type HttpTestServer } from './test-fixtures/http-test-server.ts'

let server: HttpTestServer
let ctx: FakeDriverContext

beforeEach(async () => {
  ctx = fakeDriverContext()
  server = await createHttpTestServer((req, res, body) => {
    if (req.url === '/hang') return
    if (req.url === '/reset') return req.socket.destroy()
    if (req.url === '/login') {
      res.setHeader('set-cookie', ['sid=session-42; Path=/; HttpOnly', 'theme=dark-mode'])
      return res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"token":"tok-secret-1","echo":"sid=session-42"}')
    }
    if (req.url === '/broken') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"bets": [')
    if (req.url === '/rejected') return res.writeHead(422, { 'content-type': 'text/plain' }).end('x'.repeat(600))
    if (req.url === '/crashed') return res.writeHead(500).end('')
    res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify({ method: req.method, url: req.url, body }))
  })
})

afterEach(async () => {
  await server.close()
})

function recorded(): HttpExchange[] {
  const attachment = ctx.attachments.find((a) => a.fileName === 'http-exchanges.json')
  return (JSON.parse(String(attachment?.data)) as HttpExchange[]).map((exchange) => ({ ...exchange, durationMs: 0 }))
}

describe('HttpClient', () => {
  it('sends JSON, keeps the base path, adds the query and parses the JSON answer', async () => {
    const http = new HttpClient(ctx, { baseUrl: `${server.url}/api/` })
    const response = await http.post(
      '/bets',
      { stake: 500 },
      { query: { punter: 'alice-k3x9q2', dryRun: undefined }, expectStatus: 201 },
    )
    expect(response).toEqual({
      status: 201,
      headers: expect.objectContaining({ 'content-type': 'application/json; charset=utf-8' }) as unknown,
      body: { method: 'POST', url: '/api/bets?punter=alice-k3x9q2', body: '{"stake":500}' },
    })
    expect(server.received[0]?.headers['content-type']).toBe('application/json')
    expect(ctx.logLines).toEqual([
      expect.stringMatching(/^POST http:\/\/127\.0\.0\.1:\d+\/api\/bets\?punter=alice-k3x9q2 → 201 \(\d+ ms\)$/),
    ])
  })

  it('returns a body that is not JSON as text', async () => {
    const http = new HttpClient(ctx, { baseUrl: server.url })
    const response = await http.get('/rejected')
    expect([response.status, response.body]).toEqual([422, 'x'.repeat(600)])
  })

  it('throws an AssertionFailedError with the status and the start of the body for an unexpected 4xx', async () => {
    const http = new HttpClient(ctx, { baseUrl: server.url })
    const error = await http.delete('/rejected', { expectStatus: [200, 204] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AssertionFailedError)
    expect((error as Error).message).toBe(
      `DELETE ${server.url}/rejected answered 422 Unprocessable Entity; expected 200 or 204. Body: ` +
        `${'x'.repeat(500)}… (100 more characters)`,
    )
    expect((error as AssertionFailedError).context).toEqual({ request: `DELETE ${server.url}/rejected` })
  })

  it('throws a SystemCompromisedError for an unexpected 5xx', async () => {
    const http = new HttpClient(ctx, { baseUrl: server.url })
    const error = await http.put('/crashed', 'text body', { expectStatus: 200 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SystemCompromisedError)
    expect((error as Error).message).toBe(
      `PUT ${server.url}/crashed answered 500 Internal Server Error; expected 200. Body: (empty)`,
    )
  })

  it('says when a JSON answer is not JSON', async () => {
    const http = new HttpClient(ctx, { baseUrl: server.url })
    await expect(http.get('/broken')).rejects.toThrow(
      `GET ${server.url}/broken answered 200 with content-type application/json, but the body is not JSON ` +
        `(Unexpected end of JSON input). Body: {"bets": [`,
    )
  })

  it('throws a SystemCompromisedError naming the request when the connection is refused', async () => {
    const closed = await createHttpTestServer(() => undefined)
    await closed.close()
    const http = new HttpClient(ctx, { baseUrl: closed.url })
    const error = await http.get('/bets').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SystemCompromisedError)
    expect((error as Error).message).toBe(
      `GET ${closed.url}/bets failed: connection refused (connect ECONNREFUSED 127.0.0.1:${closed.port}). Is ` +
        `the system under test running at ${closed.url}?`,
    )
    expect((error as Error).cause).toBeInstanceOf(TypeError)
  })

  it('throws a SystemCompromisedError when the server drops the connection', async () => {
    const http = new HttpClient(ctx, { baseUrl: server.url })
    await expect(http.get('/reset')).rejects.toThrow(
      `GET ${server.url}/reset failed: connection closed by the server (other side closed). Is the system ` +
        `under test running at ${server.url}?`,
    )
  })

  it('gives up on a request after its timeout', async () => {
    const http = new HttpClient(ctx, { baseUrl: server.url, timeout: '5s' })
    const error = await http.get('/hang', { timeout: 50 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SystemCompromisedError)
    expect((error as Error).message).toBe(
      `GET ${server.url}/hang failed: no answer within 50ms. The system under test may be hung or overloaded; ` +
        `if this call is known to be slow, pass a longer { timeout }.`,
    )
  })

  it('attaches every exchange, secrets masked, when the scenario fails', async () => {
    const http = new HttpClient(ctx, { baseUrl: server.url, headers: { Authorization: 'Bearer tok-secret-1' } })
    await http.post('/login', { user: 'alice-k3x9q2' })
    await http.get('/hang', { timeout: 20 }).catch(() => undefined)
    await ctx.endScenario({ failed: true })
    expect(ctx.attachments.map((a) => [a.mediaType, a.fileName])).toEqual([['application/json', 'http-exchanges.json']])
    const [login, hang] = recorded()
    expect(login).toEqual({
      method: 'POST',
      url: `${server.url}/login`,
      requestHeaders: { accept: 'application/json', authorization: 'Bearer ****', 'content-type': 'application/json' },
      requestBody: '{"user":"alice-k3x9q2"}',
      status: 200,
      responseHeaders: expect.objectContaining({
        'content-type': 'application/json',
        'set-cookie': 'sid=****; Path=/; HttpOnly, theme=****',
      }) as unknown,
      responseBody: '{"token":"****","echo":"sid=****"}',
      durationMs: 0,
    })
    expect(hang).toEqual({
      method: 'GET',
      url: `${server.url}/hang`,
      requestHeaders: { accept: 'application/json', authorization: 'Bearer ****' },
      durationMs: 0,
      error: 'no answer within 20ms',
    })
    expect(JSON.stringify(ctx.attachments)).not.toMatch(/tok-secret-1|session-42|dark-mode/)
  })

  it('masks a token query, an x-api-key and base URL credentials in the log line and the attachment', async () => {
    const base = server.url.replace('http://', 'http://alice:pa55-word@')
    const http = new HttpClient(ctx, { baseUrl: base, headers: { 'X-Api-Key': 'key-0123456789' } })
    const { body } = await http.get('/bets', { query: { access_token: 'tok-secret-1', monkey: 1 } })
    expect(body).toEqual({ method: 'GET', url: '/bets?access_token=tok-secret-1&monkey=1', body: '' })
    expect(server.received[0]?.headers.authorization).toBe(`Basic ${btoa('alice:pa55-word')}`)
    expect(ctx.logLines).toEqual([
      expect.stringMatching(/^GET http:\/\/127\.0\.0\.1:\d+\/bets\?access_token=\*\*\*\*&monkey=1 → 200 \(\d+ ms\)$/),
    ])
    await ctx.endScenario({ failed: true })
    expect(recorded()).toEqual([
      {
        method: 'GET',
        url: `${server.url}/bets?access_token=****&monkey=1`,
        requestHeaders: { accept: 'application/json', authorization: 'Basic ****', 'x-api-key': '****' },
        status: 200,
        responseHeaders: expect.objectContaining({ 'content-type': 'application/json; charset=utf-8' }) as unknown,
        responseBody: '{"method":"GET","url":"/bets?access_token=****&monkey=1","body":""}',
        durationMs: 0,
      },
    ])
    expect(JSON.stringify(ctx.attachments)).not.toMatch(/tok-secret-1|pa55-word|key-0123456789/)
  })

  it('masks the token and the credentials in the error message of a refused connection', async () => {
    const closed = await createHttpTestServer(() => undefined)
    await closed.close()
    const http = new HttpClient(ctx, { baseUrl: closed.url.replace('http://', 'http://alice:pa55-word@') })
    const error = await http.get('/bets?token=tok-secret-1&punter=alice').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SystemCompromisedError)
    expect((error as Error).message).toBe(
      `GET ${closed.url}/bets?token=****&punter=alice failed: connection refused (connect ECONNREFUSED ` +
        `127.0.0.1:${closed.port}). Is the system under test running at ${closed.url}?`,
    )
    expect((error as SystemCompromisedError).context).toEqual({
      request: `GET ${closed.url}/bets?token=****&punter=alice`,
    })
    expect(ctx.logLines.map((line) => line.replace(/\(\d+ ms\)$/, '(… ms)'))).toEqual([
      `GET ${closed.url}/bets?token=****&punter=alice → connection refused (connect ECONNREFUSED ` +
        `127.0.0.1:${closed.port}) (… ms)`,
    ])
    await ctx.endScenario({ failed: true })
    expect(JSON.stringify(ctx.attachments)).not.toMatch(/tok-secret-1|pa55-word/)
  })

  it('masks the token in the error message of an unexpected status, and a secret echoed in the body', async () => {
    const http = new HttpClient(ctx, { baseUrl: server.url })
    const error = await http
      .get('/bets', { query: { sig: 'sig-0123456789' }, expectStatus: 404 })
      .catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      `GET ${server.url}/bets?sig=**** answered 200 OK; expected 404. Body: ` +
        '{"method":"GET","url":"/bets?sig=****","body":""}',
    )
  })

  it('attaches nothing when the scenario passes', async () => {
    await new HttpClient(ctx, { baseUrl: server.url }).get('/bets')
    await ctx.endScenario({ failed: false })
    expect(ctx.attachments).toEqual([])
  })

  it('masks the credentials of a base URL that is not http(s) in its error', () => {
    expect(() => new HttpClient(ctx, { baseUrl: 'ftp://bob:pa55-word@files?token=tok-secret-1' })).toThrow(
      `HttpClient: baseUrl "ftp://****:****@files?token=****" is not an http(s) URL. Give the system's address, ` +
        `e.g. ctx.systemUrl('SETTLEMENT_URL')`,
    )
  })

  it('rejects a base URL that is not http(s)', () => {
    expect(() => new HttpClient(ctx, { baseUrl: 'localhost:8080' })).toThrow(ConfigurationError)
    expect(() => new HttpClient(ctx, { baseUrl: 'localhost:8080' })).toThrow(
      `HttpClient: baseUrl "localhost:8080" is not an http(s) URL. Give the system's address, e.g. ` +
        `ctx.systemUrl('SETTLEMENT_URL')`,
    )
  })
})
