// Real node:http servers and a client on 127.0.0.1 for the proxy tests, each
// closed with every connection it holds, so no socket outlives a test.
import { createServer, request } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, RequestListener } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'

/** A listening server and the way to close it with its connections. */
export interface LocalServer {
  port: number
  close(): Promise<void>
}

/**
 * Starts `listener` on 127.0.0.1 at a free port.
 *
 * @example
 *   const backend = await startServer((req, res) => res.end('hi'))
 *   await backend.close()
 */
export async function startServer(listener: RequestListener): Promise<LocalServer> {
  const server = createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * A port nothing listens on: a server started and closed again.
 *
 * @example
 *   const port = await refusingPort() // connecting gives ECONNREFUSED
 */
export async function refusingPort(): Promise<number> {
  const server = await startServer(() => {})
  await server.close()
  return server.port
}

/** What a request to the proxy came back with. */
export interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** What `send` sends; the Host header is required, as the proxy routes by it. */
export interface SendOptions {
  host: string
  method?: string
  path?: string
  headers?: Record<string, string>
  body?: string
  /** Called with each body chunk as it arrives. */
  onChunk?: (chunk: string) => void
}

/**
 * Sends one request on a fresh connection (no keep-alive left behind) and reads the reply.
 *
 * @example
 *   declare const proxy: LocalServer
 *   const reply = await send(proxy.port, { host: 'shop.example' })
 *   reply.status // 200
 */
export function send(port: number, options: SendOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent: false,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { host: options.host, ...options.headers },
      },
      (res: IncomingMessage) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          body += chunk
          options.onChunk?.(chunk)
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Reads a request body whole, for backends that echo or record it. */
export async function readBody(req: IncomingMessage): Promise<string> {
  let body = ''
  req.setEncoding('utf8')
  for await (const chunk of req) body += chunk as string
  return body
}

/**
 * A promise and the function that resolves it, for waiting on a condition instead of sleeping.
 *
 * @example
 *   import type { ServerResponse } from 'node:http'
 *   const arrived = deferred<ServerResponse>()
 *   startServer((req, res) => arrived.resolve(res)); await arrived.promise
 */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((settle) => {
    resolve = settle
  })
  return { promise, resolve }
}

/**
 * Writes `head` (the request line and headers, lines joined by CRLF) on a fresh connection and reads the reply,
 * for requests node:http's client will not send: two Host headers, `OPTIONS *`.
 *
 * @example
 *   declare const proxy: LocalServer
 *   const reply = await sendRaw(proxy.port, ['OPTIONS * HTTP/1.1', 'Host: shop.example'])
 *   reply.status // 400
 */
export function sendRaw(port: number, head: readonly string[]): Promise<Omit<Reply, 'headers'>> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.end(`${[...head, 'Connection: close'].join('\r\n')}\r\n\r\n`),
    )
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const [, status = '0'] = /^HTTP\/1\.1 (\d{3})/.exec(text) ?? []
      resolve({ status: Number(status), body: text.slice(text.indexOf('\r\n\r\n') + 4) })
    })
  })
}
