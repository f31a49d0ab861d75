import { afterEach, describe, expect, test } from 'vitest'
import { createHttpTestServer, type HttpTestServer } from '../../core/test-fixtures/http-test-server.ts'
import { EngineLink } from './engine-link.ts'

let server: HttpTestServer
let link: EngineLink
afterEach(async () => {
  link.close()
  await server.close()
})

describe('EngineLink', () => {
  test('an engine that does not answer in time is a SystemCompromisedError', async () => {
    server = await createHttpTestServer(() => {})
    link = new EngineLink(server.url, { timeout: '100ms' })
    await expect(
      link.exchange('POST', '/stream', { text: '{}\n', contentType: 'application/x-ndjson' }),
    ).rejects.toMatchObject({
      name: 'SystemCompromisedError',
      message: `POST ${server.url}/stream failed: no answer within 100ms. The engine may be hung or overloaded`,
    })
  })

  test('masks the credentials of its address and a token in the error of a refused connection', async () => {
    const closed = await createHttpTestServer(() => {})
    await closed.close()
    server = await createHttpTestServer(() => {})
    link = new EngineLink(closed.url.replace('http://', 'http://ci:pa55-word@'))
    const error = await link.exchange('GET', '/settlements?token=tok-0123456').catch((thrown: unknown) => thrown)
    const address = `http://****:****@127.0.0.1:${closed.port}`
    expect(error).toMatchObject({
      name: 'SystemCompromisedError',
      message:
        `GET ${address}/settlements?token=**** failed: connect ECONNREFUSED 127.0.0.1:${closed.port}. Is the ` +
        `settlement engine running at ${address}?`,
      context: { request: `GET ${address}/settlements?token=****` },
    })
    expect(() => new EngineLink('ftp://ci:pa55-word@engine')).toThrow(
      `the stream channel needs the settlement engine's http(s) address, but SETTLEMENT_URL is ` +
        `"ftp://****:****@engine". Set it, e.g. SETTLEMENT_URL=http://127.0.0.1:8080`,
    )
  })

  test('follows an answer line by line, whatever its chunks, and says once why it ended', async () => {
    server = await createHttpTestServer((_req, res) => {
      res.write('{"seq":1}\n{"se')
      setTimeout(() => res.end('q":2}\n\n{"seq":3}\n'), 20)
    })
    link = new EngineLink(server.url)
    const lines: string[] = []
    const reasons: string[] = []
    await new Promise<void>((resolve) => {
      const ended = (reason: string): void => {
        reasons.push(reason)
        // Long enough for a second report (the connection's close) to show up if it were made.
        setTimeout(resolve, 50)
      }
      link.follow('/settlements?after=0', { line: (text) => lines.push(text), ended })
    })
    expect([lines, reasons]).toEqual([['{"seq":1}', '{"seq":2}', '{"seq":3}'], ['the engine ended the stream']])
  })
})
