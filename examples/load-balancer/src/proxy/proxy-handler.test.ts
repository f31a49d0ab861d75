import { request } from 'node:http'
import type { ClientRequest, IncomingHttpHeaders, ServerResponse } from 'node:http'
import { createServer as createTcpServer } from 'node:net'
import type { AddressInfo, Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { systemClock } from '../discovery/clock.ts'
import { BackendRegistry } from '../discovery/index.ts'
import type { Replica } from '../discovery/index.ts'
import { createProxyHandler } from './proxy-handler.ts'
import type { ProxyHandler, ProxyHandlerOptions } from './proxy-handler.ts'
import { deferred, readBody, refusingPort, send, sendRaw, startServer } from './test-support/local-http.ts'
import type { LocalServer } from './test-support/local-http.ts'

const HOST = 'shop.example'
const cleanups: Array<() => Promise<void> | void> = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

interface Seen {
  backend: string
  method: string
  headers: IncomingHttpHeaders
  body: string
}

/** A backend that records what it was sent and answers `backend <name>`. */
async function startBackend(name: string, seen: Seen[]): Promise<LocalServer> {
  const server = await startServer(async (req, res) => {
    seen.push({ backend: name, method: req.method ?? '', headers: req.headers, body: await readBody(req) })
    res.end(`backend ${name}`)
  })
  cleanups.push(() => server.close())
  return server
}

function replica(id: string, port: number): Replica {
  return {
    id,
    name: `web-${id}`,
    address: { host: '127.0.0.1', port },
    weight: 1,
    healthy: true,
    draining: false,
    paused: false,
  }
}

/** The proxy on a real server on port 0, with `replicas` serving `HOST`. */
async function startProxy(replicas: Replica[], options: Partial<ProxyHandlerOptions> = {}) {
  const registry = new BackendRegistry()
  registry.replaceAll(replicas.map((r) => ({ kind: 'replica' as const, host: HOST, replica: r })))
  const handler: ProxyHandler = createProxyHandler({
    registry,
    strategy: 'round-robin',
    timeouts: {},
    bodyLimit: 1024,
    ...options,
  })
  const server = await startServer(handler)
  cleanups.push(
    () => server.close(),
    () => handler.close(),
  )
  return { registry, handler, port: server.port }
}

describe('createProxyHandler, routing', () => {
  it('spreads requests round-robin over 3 backends', async () => {
    const seen: Seen[] = []
    const backends = await Promise.all(['a', 'b', 'c'].map((name) => startBackend(name, seen)))
    const proxy = await startProxy(backends.map((b, i) => replica(['a', 'b', 'c'][i] ?? '', b.port)))
    const bodies: string[] = []
    for (let i = 0; i < 6; i++) bodies.push((await send(proxy.port, { host: HOST })).body)
    expect(bodies).toEqual(['backend a', 'backend b', 'backend c', 'backend a', 'backend b', 'backend c'])
    expect(proxy.handler.metrics.snapshot()).toEqual({
      responses: { [HOST]: { '200': 6 } },
      retries: 0,
      errors: {},
      forwarded: { a: 2, b: 2, c: 2 },
    })
  })

  it('routes by Host case-insensitively, without the port', async () => {
    const seen: Seen[] = []
    const backend = await startBackend('a', seen)
    const proxy = await startProxy([replica('a', backend.port)])
    expect((await send(proxy.port, { host: 'Shop.EXAMPLE:8080' })).body).toBe('backend a')
  })

  it('answers 404 naming the unknown host, not the known ones, counted under one label', async () => {
    const proxy = await startProxy([replica('a', await refusingPort())])
    const reply = await send(proxy.port, { host: 'blog.example' })
    expect(reply.status).toBe(404)
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(reply.body).toBe('no service for host "blog.example"; check the Host header\n')
    expect(proxy.handler.metrics.snapshot().responses).toEqual({ '(unknown)': { '404': 1 } })
  })

  it('answers 503 with Retry-After for a known host whose replicas are all gone', async () => {
    const proxy = await startProxy([replica('a', await refusingPort())])
    proxy.registry.replaceAll([])
    const reply = await send(proxy.port, { host: HOST })
    expect(reply.status).toBe(503)
    expect(reply.headers['retry-after']).toBe('1')
    expect(reply.body).toBe('service "shop.example" has no healthy replica right now\n')
  })
})

describe('createProxyHandler, a service gone', () => {
  it('answers 503 during the grace period, then 404 once the host is forgotten', async () => {
    const clock = { ...systemClock, ms: 0, now: () => clock.ms }
    const registry = new BackendRegistry({ clock, forgetHostAfterMs: 60_000 })
    registry.replaceAll([{ kind: 'replica', host: HOST, replica: replica('a', await refusingPort()) }])
    const proxy = await startProxy([], { registry, clock })
    registry.replaceAll([])
    clock.ms = 59_999
    expect((await send(proxy.port, { host: HOST })).status).toBe(503)
    clock.ms = 60_000
    const reply = await send(proxy.port, { host: HOST })
    expect([reply.status, reply.body]).toEqual([404, 'no service for host "shop.example"; check the Host header\n'])
    expect(registry.snapshot().hostsWithoutReplicas).toEqual([])
  })
})

describe('createProxyHandler, requests it refuses', () => {
  const badHost = (value: string, why: string) => `Host "${value}" is not host[:port]: ${why}\n`

  it.each([
    [
      ['GET / HTTP/1.1', 'Host: shop.example', 'Host: shop.example'],
      'the request has 2 Host headers; send exactly one\n',
    ],
    [
      ['GET / HTTP/1.1', 'Host: shop.example', 'host: blog.example'],
      'the request has 2 Host headers; send exactly one\n',
    ],
    [['GET / HTTP/1.1', 'Host: [::1'], badHost('[::1', 'the IPv6 address has no closing "]"')],
    [
      ['GET / HTTP/1.1', 'Host: shop.example:99999'],
      badHost('shop.example:99999', 'the port must be digits from 0 to 65535'),
    ],
    [
      ['OPTIONS * HTTP/1.1', 'Host: shop.example'],
      'the request-target "*" is not a path; the load balancer forwards requests for a path such as "/" only, ' +
        'and never OPTIONS *\n',
    ],
    [
      ['GET http://shop.example/ HTTP/1.1', 'Host: shop.example'],
      'the request-target "http://shop.example/" is not a path; the load balancer forwards requests for a path ' +
        'such as "/" only, and never OPTIONS *\n',
    ],
  ])('answers 400 to %j, forwarding nothing', async (head, reason) => {
    const seen: Seen[] = []
    const backend = await startBackend('a', seen)
    const proxy = await startProxy([replica('a', backend.port)])
    const reply = await sendRaw(proxy.port, head)
    expect([reply.status, reply.body, seen.length]).toEqual([400, `bad request: ${reason}`, 0])
    expect(proxy.handler.metrics.snapshot().responses).toEqual({ '(bad request)': { '400': 1 } })
  })
})

describe('createProxyHandler, retries', () => {
  it('retries a refused connection on another replica and marks the refusing one down', async () => {
    const seen: Seen[] = []
    const live = await startBackend('b', seen)
    const proxy = await startProxy([replica('a', await refusingPort()), replica('b', live.port)])
    const reply = await send(proxy.port, { host: HOST })
    expect(reply).toMatchObject({ status: 200, body: 'backend b' })
    expect(proxy.handler.downMarks.isDown('a')).toBe(true)
    expect(proxy.handler.metrics.snapshot()).toMatchObject({ retries: 1, errors: { ECONNREFUSED: 1 } })
  })

  it('resends a POST body on the retry', async () => {
    const seen: Seen[] = []
    const live = await startBackend('b', seen)
    const proxy = await startProxy([replica('a', await refusingPort()), replica('b', live.port)])
    const reply = await send(proxy.port, { host: HOST, method: 'POST', body: 'order=42' })
    expect(reply.status).toBe(200)
    expect(seen).toMatchObject([{ backend: 'b', method: 'POST', body: 'order=42' }])
    expect(seen[0]?.headers['content-length']).toBe('8')
  })

  it.each([
    ['closed', (socket: Socket) => socket.destroy()],
    ['reset', (socket: Socket) => socket.resetAndDestroy()],
  ])(
    'resends on a fresh connection, without marking the replica down, when a kept-alive socket was %s',
    async (_how, drop) => {
      // Answers the first request on each connection and drops the connection on
      // the second: what a backend whose keep-alive timeout just ran out does.
      const sockets = new Set<Socket>()
      const backend = createTcpServer((socket) => {
        sockets.add(socket)
        let requests = 0
        socket.on('data', () => {
          if (++requests === 1)
            socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nfresh')
          else drop(socket)
        })
      })
      await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve))
      cleanups.push(
        () =>
          new Promise<void>((resolve) => {
            for (const socket of sockets) socket.destroy()
            backend.close(() => resolve())
          }),
      )
      const proxy = await startProxy([replica('a', (backend.address() as AddressInfo).port)])
      for (let i = 0; i < 3; i++)
        expect(await send(proxy.port, { host: HOST })).toMatchObject({ status: 200, body: 'fresh' })
      expect(proxy.handler.downMarks.isDown('a')).toBe(false)
      // Which requests meet a closed socket depends on which pooled connection each takes; every one resent is a retry.
      const { retries, errors, forwarded } = proxy.handler.metrics.snapshot()
      expect(errors).toEqual({})
      expect(retries).toBeGreaterThanOrEqual(1)
      expect(forwarded).toEqual({ a: 3 + retries })
    },
  )

  it('answers 503 with Retry-After, naming the host and how many replicas were tried, when all refuse', async () => {
    const proxy = await startProxy([replica('a', await refusingPort()), replica('b', await refusingPort())])
    const reply = await send(proxy.port, { host: HOST })
    expect(reply.status).toBe(503)
    expect(reply.headers['retry-after']).toBe('1')
    expect(reply.body).toBe(
      'service "shop.example" has no healthy replica right now: 2 replicas tried, each refused or reset the ' +
        'connection\n',
    )
  })

  it('does not retry a body over the limit, and says why', async () => {
    const seen: Seen[] = []
    const live = await startBackend('b', seen)
    const proxy = await startProxy([replica('a', await refusingPort()), replica('b', live.port)], { bodyLimit: 4 })
    const reply = await send(proxy.port, { host: HOST, method: 'POST', body: 'order=42' })
    expect(reply.status).toBe(502)
    expect(reply.body).toBe(
      'service "shop.example" could not be reached (ECONNREFUSED); the request body was over 4 bytes ' +
        'and was streamed, so it was not retried on another replica\n',
    )
    expect(seen).toEqual([])
  })

  it('streams a body over the limit through to a replica that answers', async () => {
    const seen: Seen[] = []
    const live = await startBackend('a', seen)
    const proxy = await startProxy([replica('a', live.port)], { bodyLimit: 4 })
    const body = 'x'.repeat(100_000)
    expect((await send(proxy.port, { host: HOST, method: 'POST', body })).status).toBe(200)
    expect(seen[0]?.body).toBe(body)
  })
})

describe('createProxyHandler, slow and stopping backends', () => {
  it('answers 504 naming the host when response headers do not come in time', async () => {
    const slow = await startServer(() => {})
    cleanups.push(() => slow.close())
    const proxy = await startProxy([replica('a', slow.port)], { timeouts: { headersMs: 100 } })
    const reply = await send(proxy.port, { host: HOST })
    expect(reply.status).toBe(504)
    expect(reply.body).toBe('service "shop.example" did not answer within 100 ms\n')
    expect(proxy.handler.inFlight.countFor('a')).toBe(0)
  })

  it('drains a stopping replica: no new requests, its in-flight one finishes', async () => {
    const held = deferred<ServerResponse>()
    const draining = await startServer((_req, res) => held.resolve(res))
    cleanups.push(() => draining.close())
    const seen: Seen[] = []
    const other = await startBackend('b', seen)
    const proxy = await startProxy([replica('a', draining.port), replica('b', other.port)])

    const first = send(proxy.port, { host: HOST })
    const heldResponse = await held.promise
    proxy.registry.applyEvent({ id: 'a', action: 'stop', attributes: {} })
    for (let i = 0; i < 3; i++) expect((await send(proxy.port, { host: HOST })).body).toBe('backend b')
    expect(proxy.handler.inFlight.countFor('a')).toBe(1)

    heldResponse.end('backend a, finishing')
    expect(await first).toMatchObject({ status: 200, body: 'backend a, finishing' })
    expect(proxy.handler.inFlight.countFor('a')).toBe(0)
  })
})

describe('createProxyHandler, what passes through', () => {
  it('sets X-Forwarded-For/-Proto/-Host and drops hop-by-hop headers', async () => {
    const seen: Seen[] = []
    const backend = await startBackend('a', seen)
    const proxy = await startProxy([replica('a', backend.port)])
    await send(proxy.port, {
      host: 'shop.example:8080',
      headers: {
        'x-forwarded-for': '10.0.0.1',
        connection: 'close, x-secret',
        'x-secret': 's',
        'keep-alive': 'timeout=5',
      },
    })
    const headers = seen[0]?.headers ?? {}
    expect(headers['x-forwarded-for']).toBe('10.0.0.1, 127.0.0.1')
    expect(headers['x-forwarded-proto']).toBe('http')
    expect(headers['x-forwarded-host']).toBe('shop.example:8080')
    expect(headers['host']).toBe('shop.example:8080')
    expect(headers['x-secret']).toBeUndefined()
    expect(headers['keep-alive']).toBeUndefined()
  })

  it('streams the response body back as the backend writes it', async () => {
    const clientHasFirstPart = deferred()
    const backend = await startServer(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'x-backend': 'a' })
      res.write('part 1;')
      await clientHasFirstPart.promise
      res.end('part 2')
    })
    cleanups.push(() => backend.close())
    const proxy = await startProxy([replica('a', backend.port)])
    const reply = await send(proxy.port, {
      host: HOST,
      onChunk: (chunk) => {
        if (chunk.includes('part 1;')) clientHasFirstPart.resolve()
      },
    })
    expect(reply).toMatchObject({ status: 200, body: 'part 1;part 2', headers: { 'x-backend': 'a' } })
  })

  it('cuts the client response when the backend resets after the response has started', async () => {
    const backend = await startServer((req, res) => {
      res.writeHead(200, { 'content-length': '100' })
      res.write('partial', () => req.socket.destroy())
    })
    cleanups.push(() => backend.close())
    const proxy = await startProxy([replica('a', backend.port)])
    await expect(send(proxy.port, { host: HOST })).rejects.toThrow()
    expect(proxy.handler.metrics.snapshot().retries).toBe(0)
  })

  it('stops the backend request when the client goes away before the response', async () => {
    const arrived = deferred()
    const backendSawClose = deferred()
    const backend = await startServer((_req, res) => {
      res.on('close', () => backendSawClose.resolve())
      arrived.resolve()
    })
    cleanups.push(() => backend.close())
    const proxy = await startProxy([replica('a', backend.port)])
    const client = openRequest(proxy.port)
    await arrived.promise
    expect(proxy.handler.inFlight.countFor('a')).toBe(1)
    client.destroy()
    await backendSawClose.promise
    expect(proxy.handler.inFlight.countFor('a')).toBe(0)
  })

  it('stops the backend response when the client goes away mid-body', async () => {
    const backendSawClose = deferred<boolean>()
    const backend = await startServer((_req, res) => {
      res.on('close', () => backendSawClose.resolve(res.writableFinished))
      res.writeHead(200, { 'content-length': '100' })
      res.write('partial')
    })
    cleanups.push(() => backend.close())
    const proxy = await startProxy([replica('a', backend.port)])
    const client = openRequest(proxy.port)
    client.on('response', (response) => response.once('data', () => client.destroy()))
    expect(await backendSawClose.promise).toBe(false)
    expect(proxy.handler.inFlight.countFor('a')).toBe(0)
  })
})

/** A GET through the proxy that the test ends by destroying it. */
function openRequest(port: number): ClientRequest {
  const client = request({ host: '127.0.0.1', port, path: '/', headers: { host: HOST } })
  client.on('error', () => {})
  client.end()
  return client
}
