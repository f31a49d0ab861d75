import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/**
 * A local HTTP server for the traffic driver's tests: counts requests, connections and what is in flight.
 *
 * @example
 *   import { sendTraffic } from './send-traffic.ts'
 *   const server = await startTestServer(answerAs(['web-1', 'web-2']))
 *   await sendTraffic({ url: server.url, host: 'shop', requests: 4, overMs: 0 }); await server.close()
 */
export interface TestServer {
  readonly url: string
  /** Requests received so far. */
  readonly received: IncomingMessage[]
  /** Connections accepted so far, and those still open. */
  readonly connections: { accepted: number; open: number }
  /** The most requests it was answering at once. */
  readonly mostInFlight: number
  close(): Promise<void>
}

/**
 * What the server does with one request; `seen` counts the requests received, from 1.
 *
 * @example
 *   const resetSecond: TestHandler = (request, response, seen) =>
 *     seen === 2 ? request.socket.destroy() : response.end('ok')
 */
export type TestHandler = (request: IncomingMessage, response: ServerResponse, seen: number) => void

/**
 * Starts a server on 127.0.0.1 with a free port.
 *
 * @example
 *   const server = await startTestServer((_, response) => response.end('ok'))
 *   server.url // 'http://127.0.0.1:41234'
 */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const received: IncomingMessage[] = []
  const connections = { accepted: 0, open: 0 }
  let inFlight = 0
  let mostInFlight = 0
  const sockets = new Set<Socket>()
  const server = createServer((request, response) => {
    received.push(request)
    inFlight += 1
    mostInFlight = Math.max(mostInFlight, inFlight)
    response.on('close', () => (inFlight -= 1))
    handler(request, response, received.length)
  })
  server.on('connection', (socket) => {
    connections.accepted += 1
    connections.open += 1
    sockets.add(socket)
    socket.on('close', () => {
      connections.open -= 1
      sockets.delete(socket)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    connections,
    get mostInFlight() {
      return mostInFlight
    },
    close: () => {
      for (const socket of sockets) socket.destroy()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/**
 * Answers like the example backends, round-robin over the names: `{"container", "requests", "path"}`; `?delay=MS`
 * answers late.
 *
 * @example
 *   await startTestServer(answerAs(['web-1', 'web-2']))
 */
export function answerAs(names: readonly string[]): TestHandler {
  return (request, response, seen) => {
    const delay = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('delay') ?? 0)
    const body = JSON.stringify({ container: names[(seen - 1) % names.length], requests: seen, path: request.url })
    setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end(body), delay)
  }
}

/**
 * Waits for a condition the server reaches on its own (a socket closing), polling with a deadline.
 *
 * @example
 *   declare const server: TestServer
 *   await until(() => server.connections.open === 0)
 */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() > deadline)
      throw new Error(`the condition ${String(condition)} did not hold within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
