import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback HTTP server that counts visits per name and answers every
 * request after a fixed delay, like a system doing real work.
 *
 * @example
 *   const server = await startSlowServer(10)
 *   await fetch(`${server.url}/visits/alice`, { method: 'POST' }) // answers after ~10 ms
 *   await server.stop()
 */
export interface SlowServer {
  /** Its address, e.g. `http://127.0.0.1:40123`. */
  readonly url: string
  stop(): Promise<void>
}

/**
 * Starts the server on an ephemeral port of 127.0.0.1. `POST /visits/NAME`
 * adds a visit; `GET /visits/NAME` answers `{ "count": N }`; both after
 * `delayMs`.
 *
 * @example
 *   const server = await startSlowServer(10)
 *   process.env.BENCH_SLOW_URL = server.url
 */
export async function startSlowServer(delayMs: number): Promise<SlowServer> {
  const visits = new Map<string, number>()
  const server = createServer((request, response) => {
    const name = /^\/visits\/([^/?]+)$/.exec(request.url ?? '')?.[1]
    request.resume()
    setTimeout(() => {
      if (name === undefined || (request.method !== 'GET' && request.method !== 'POST')) {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"no such resource"}')
        return
      }
      if (request.method === 'POST') visits.set(name, (visits.get(name) ?? 0) + 1)
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ count: visits.get(name) ?? 0 }))
    }, delayMs)
  })
  await listen(server)
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      server.closeAllConnections()
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
}
