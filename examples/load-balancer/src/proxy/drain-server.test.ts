import { Agent, createServer, request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { trackForDrain, type ServerDrain } from './drain-server.ts'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** A server answering `ok` after ?delay=MS, tracked for draining, and a keep-alive client agent. */
async function start(): Promise<{
  server: Server
  drainer: ServerDrain
  port: number
  agent: Agent
  arrived: () => Promise<void>
}> {
  // Longer than any drain deadline below: a drain that waited for an idle keep-alive connection to time out would time
  // out itself.
  const server = createServer({ keepAliveTimeout: 60_000 })
  const drainer = trackForDrain(server)
  let onArrival = (): void => {}
  const arrived = () => new Promise<void>((resolve) => (onArrival = resolve))
  server.on('request', (req, res) => {
    onArrival()
    const delay = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('delay') ?? '0')
    const timer = setTimeout(() => res.end('ok'), delay)
    res.on('close', () => clearTimeout(timer))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const agent = new Agent({ keepAlive: true })
  cleanups.push(() => {
    agent.destroy()
    server.closeAllConnections()
    server.close()
  })
  return { server, drainer, port: (server.address() as AddressInfo).port, agent, arrived }
}

function send(
  port: number,
  agent: Agent,
  path: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject).end()
  })
}

describe('trackForDrain', () => {
  it('answers a keep-alive request in flight with Connection: close, so draining skips the idle timeout', async () => {
    const { drainer, port, agent, arrived } = await start()
    expect((await send(port, agent, '/')).headers.connection).toBe('keep-alive')
    const arrival = arrived()
    const inFlight = send(port, agent, '/?delay=200')
    await arrival
    const outcome = drainer.drain(10_000)

    const reply = await inFlight
    expect([reply.status, reply.headers.connection, reply.body]).toEqual([200, 'close', 'ok'])
    // The server keeps an idle connection 60 s: 'drained' within the 10 s deadline
    // means the drain closed it, not the timeout.
    expect(await outcome).toBe('drained')
  })

  it('closes the connections still open when the deadline passes', async () => {
    const { drainer, port, agent, arrived } = await start()
    const arrival = arrived()
    const inFlight = send(port, agent, '/?delay=5000').then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code,
    )
    await arrival
    expect(await drainer.drain(100)).toBe('timed-out')
    expect(await inFlight).toBe('ECONNRESET')
  })
})
