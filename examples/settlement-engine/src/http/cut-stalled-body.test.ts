import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { openRawConnection, readRawResponse } from '../../test/support/raw-connection.ts'
import { cutStalledBody } from './cut-stalled-body.ts'

const idleMs = 200
let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  server = undefined
})

// A server whose handler is slow the way a lagging engine is: it sits on the request for a while first.
async function serveSlowly(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<string> {
  server = createServer({ requestTimeout: 0 }, (req, res) => {
    cutStalledBody(req, res, { idleMs })
    void handle(req, res)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const lag = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, idleMs * 3))
const post = (length: number, body: string): string =>
  `POST / HTTP/1.1\r\nHost: test\r\nContent-Length: ${length}\r\n\r\n${body}`

describe('cutStalledBody', () => {
  it('waits while bytes the client sent sit unread, and cuts once they are read and no more come', async () => {
    let readingSince: 'start' | 'read' = 'start'
    const url = await serveSlowly(async (req) => {
      await lag()
      readingSince = 'read'
      for await (const _ of req);
    })
    const connection = await openRawConnection(url)
    connection.write(post(20, '0123456789'))
    const { statusLine, body } = readRawResponse(await connection.closed)
    expect(readingSince).toBe('read')
    expect(statusLine).toBe('HTTP/1.1 408 Request Timeout')
    expect(JSON.parse(body)).toEqual({
      error: {
        code: 'request-timeout',
        message: 'no byte of the request body arrived for 200 ms; send the whole body without pausing',
      },
    })
  })

  it('never cuts a request whose body is in, however long the answer takes', async () => {
    const url = await serveSlowly(async (req, res) => {
      for await (const _ of req);
      await lag()
      res.end('late but whole')
    })
    const connection = await openRawConnection(url)
    connection.write(post(2, '{}'))
    await expect.poll(() => connection.received(), { timeout: 10_000 }).toContain('late but whole')
    expect(readRawResponse(connection.received()).statusLine).toBe('HTTP/1.1 200 OK')
    connection.destroy()
  })
})
