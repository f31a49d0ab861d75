import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A request as the test server received it.
 *
 * @example
 *   const server = await createHttpTestServer((req, res) => res.end())
 *   const [first] = server.received
 *   first?.headers['content-type'] // 'application/json'
 */
export interface ReceivedRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/**
 * A real HTTP server on 127.0.0.1 and a free port, for driver tests; start
 * one per test and close it after.
 *
 * @example
 *   const server = await createHttpTestServer((req, res) => res.end('ok'))
 *   await server.close()
 */
export interface HttpTestServer {
  url: string
  port: number
  received: ReceivedRequest[]
  close(): Promise<void>
}

/**
 * Starts the server; the handler gets the request body already read.
 *
 * @example
 *   const server = await createHttpTestServer((req, res, body) => res.end(body))
 *   server.url // 'http://127.0.0.1:41234'
 */
export async function createHttpTestServer(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<HttpTestServer> {
  const received: ReceivedRequest[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      handler(req, res, body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
