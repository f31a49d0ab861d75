import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Engine } from '../engine/engine.ts'
import type { SettlementEngine } from '../engine/settlement-engine.ts'
import type { SettlementFeed } from '../stream/settlement-feed.ts'
import { handleApi, type ApiContext } from './api-routes.ts'
import { cutStalledBody } from './cut-stalled-body.ts'
import { sendError } from './respond.ts'

/** Pages the API does not answer: the web UI's handler (true when it answered). */
export type PageHandler = (req: IncomingMessage, res: ServerResponse, engine: Engine) => Promise<boolean>

/** Where and how to serve. */
export interface ServerOptions {
  host: string
  /** 0 for any free port. */
  port: number
  /** The largest JSON body the API reads. */
  maxBodyBytes: number
  /** Tried after the API's routes. */
  pages?: PageHandler
  /** Called with an unexpected error a request hit (it is answered 500). */
  onError?: (error: unknown) => void
  /** The request line and headers must be in within this, or the connection is answered 408 and closed. */
  headerTimeoutMs?: number
  /** A request body (a POST /stream's too) that sends no byte for this long is answered 408, or cut. */
  bodyIdleTimeoutMs?: number
  /** A JSON body must be all in within this (a POST /stream's is exempt), or it is answered 408. */
  bodyTimeoutMs?: number
  /** A keep-alive connection with no request for this long is closed. */
  idleTimeoutMs?: number
}

/**
 * The timeouts a server has unless told otherwise, in milliseconds: headers
 * 10 s, a body idle 30 s, a JSON body 60 s in all, a keep-alive connection idle 5 s.
 *
 * @example
 *   declare const engine: SettlementEngine
 *   const timeouts = { ...serverTimeouts, headerTimeoutMs: 5_000 }
 *   await startServer(engine, { host: '127.0.0.1', port: 0, maxBodyBytes: 1 << 20, ...timeouts })
 */
export const serverTimeouts = {
  headerTimeoutMs: 10_000,
  bodyIdleTimeoutMs: 30_000,
  bodyTimeoutMs: 60_000,
  idleTimeoutMs: 5_000,
} as const satisfies Partial<ServerOptions>

/** A server that is listening. */
export interface RunningServer {
  url: string
  /** Stops accepting, ends the settlement feeds, lets in-flight requests finish (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>
}

/**
 * Serves the engine's HTTP API (and the pages, after it) until closed.
 *
 * @example
 *   declare const engine: SettlementEngine
 *   const server = await startServer(engine, { host: '127.0.0.1', port: 0, maxBodyBytes: 1 << 20 })
 *   server.url // 'http://127.0.0.1:40123'
 */
export async function startServer(engine: SettlementEngine, options: ServerOptions): Promise<RunningServer> {
  const feeds = new Set<SettlementFeed>()
  const context: ApiContext = { engine, maxBodyBytes: options.maxBodyBytes, feeds }
  const {
    headerTimeoutMs = serverTimeouts.headerTimeoutMs,
    bodyIdleTimeoutMs = serverTimeouts.bodyIdleTimeoutMs,
    bodyTimeoutMs = serverTimeouts.bodyTimeoutMs,
    idleTimeoutMs = serverTimeouts.idleTimeoutMs,
  } = options
  const serverOptions = {
    headersTimeout: headerTimeoutMs,
    // Bodies are timed per request (cutStalledBody): a stream may take as long as the client keeps sending.
    requestTimeout: 0,
    keepAliveTimeout: idleTimeoutMs,
    // How often node looks for late headers (its default is 30 s): a few times per header timeout.
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headerTimeoutMs / 4))),
  }
  const server = createServer(serverOptions, async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://engine.invalid')
      const streaming = req.method === 'POST' && url.pathname === '/stream'
      cutStalledBody(req, res, { idleMs: bodyIdleTimeoutMs, totalMs: streaming ? undefined : bodyTimeoutMs })
      if (await handleApi(req, res, context, url)) return
      if (options.pages !== undefined && (await options.pages(req, res, engine))) return
      sendError(
        res,
        404,
        'not-found',
        `nothing at ${req.method} ${url.pathname}; the API is described in docs/examples/settlement-api.md`,
      )
    } catch (error) {
      if (isDisconnect(error, req)) return
      options.onError?.(error)
      if (!res.headersSent)
        sendError(res, 500, 'internal-error', `the engine failed: ${(error as Error).message}`, undefined, {
          connection: 'close',
        })
      else res.destroy()
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  let closing: Promise<void> | undefined
  return {
    url: `http://${host}:${address.port}`,
    close: (graceMs = 10_000) => (closing ??= closeServer(server, feeds, graceMs)),
  }
}

async function closeServer(
  server: ReturnType<typeof createServer>,
  feeds: Set<SettlementFeed>,
  graceMs: number,
): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  for (const feed of feeds) feed.end()
  // Keep-alive connections go idle as their last request finishes; close each then.
  const idle = setInterval(() => server.closeIdleConnections(), 50)
  const force = setTimeout(() => server.closeAllConnections(), graceMs)
  try {
    server.closeIdleConnections()
    await closed
  } finally {
    clearInterval(idle)
    clearTimeout(force)
  }
}

function isDisconnect(error: unknown, req: IncomingMessage): boolean {
  const code = (error as NodeJS.ErrnoException).code
  return (
    req.destroyed &&
    (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (error as Error).message === 'aborted')
  )
}
