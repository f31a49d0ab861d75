import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A real HTTP server on 127.0.0.1 and a free port, for one test.
 *
 * @example
 *   import { handleUi } from '../index.ts'
 *   declare const engine: import('../../engine/engine.ts').Engine
 *   const server = await startTestServer((req, res) =>
 *     handleUi(req, res, engine).then((done) => done || res.writeHead(404).end()),
 *   )
 *   await fetch(`${server.url}/trader`)
 *   await server.close()
 */
export interface TestServer {
  url: string
  close(): Promise<void>
}

/**
 * Starts the server; a handler that throws answers 500 with the message, so a test sees it.
 *
 * @example
 *   const server = await startTestServer(async (req, res) => res.end('ok'))
 */
export async function startTestServer(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown> | unknown,
): Promise<TestServer> {
  const server = createServer((req, res) => {
    Promise.resolve()
      .then(() => handle(req, res))
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(error instanceof Error ? error.message : String(error))
      })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
