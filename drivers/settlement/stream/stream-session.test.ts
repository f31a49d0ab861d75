import { afterEach, describe, expect, test } from 'vitest'
import { fakeDriverContext } from '../../core/test-fixtures/fake-driver-context.ts'
import { createHttpTestServer, type HttpTestServer } from '../../core/test-fixtures/http-test-server.ts'
import { EngineLink } from './engine-link.ts'
import { StreamSession } from './stream-session.ts'
import { StreamTranscript } from './stream-transcript.ts'

let server: HttpTestServer
let link: EngineLink
afterEach(async () => {
  link.close()
  await server.close()
})

async function sessionAnswering(
  status: number,
  body: string,
): Promise<{ session: StreamSession; transcript: StreamTranscript }> {
  server = await createHttpTestServer((_req, res) =>
    res.writeHead(status, { 'content-type': 'application/x-ndjson' }).end(body),
  )
  link = new EngineLink(server.url)
  const transcript = new StreamTranscript()
  return { session: new StreamSession(link, transcript, fakeDriverContext()), transcript }
}

const voidR1 = { type: 'void', event: 'r1' } as const

describe('StreamSession', () => {
  test('sends one NDJSON line per command and returns its outcome, a refusal included', async () => {
    const refusal =
      '{"ok":false,"error":{"code":"event-not-found","message":"no event has id \\"r1\\"","field":"event"}}'
    const { session, transcript } = await sessionAnswering(200, `${refusal}\n`)
    expect(await session.send(voidR1)).toEqual({
      ok: false,
      error: { code: 'event-not-found', message: 'no event has id "r1"', field: 'event' },
    })
    expect(
      server.received.map(({ method, url, headers, body }) => ({ method, url, type: headers['content-type'], body })),
    ).toEqual([
      { method: 'POST', url: '/stream', type: 'application/x-ndjson', body: '{"type":"void","event":"r1"}\n' },
    ])
    expect(
      transcript
        .text()
        .split('\n')
        .map((line) => line.slice(13)),
    ).toEqual(['→ POST /stream {"type":"void","event":"r1"}', `← POST /stream ${refusal}`, ''])
  })

  test.each([
    {
      status: 200,
      body: '{"ok":false,"error":{"code":"internal-error","message":"the log could not be written: ENOSPC"}}\n',
      message:
        "POST /stream: the engine failed on a void command: the log could not be written: ENOSPC. See the engine's log",
    },
    {
      status: 200,
      body: '{"ok":true}\n{"ok":true}\n',
      message:
        'POST /stream answered 2 lines to one void command; expected exactly one outcome line. Is ' +
        'SETTLEMENT_URL the settlement engine?',
    },
    {
      status: 404,
      body: 'no such route',
      message: 'POST /stream answered 404 to a void command; expected 200 and one outcome line. Body: no such route',
    },
  ])(
    'an engine failure, another status or not one outcome line is a SystemCompromisedError: $message',
    async ({ status, body, message }) => {
      const { session } = await sessionAnswering(status, body)
      await expect(session.send(voidR1)).rejects.toMatchObject({ name: 'SystemCompromisedError', message })
    },
  )
})
