// The admin port: status JSON and Prometheus metrics, on loopback only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Discovery } from '../discovery/index.ts'
import type { ProxyFigures } from '../proxy/index.ts'
import { PROMETHEUS_CONTENT_TYPE, renderPrometheusText } from './prometheus-text.ts'
import { buildStatusJson } from './status-json.ts'

/** A listening admin server. */
export interface AdminServer {
  readonly url: string
  close(): Promise<void>
}

/**
 * Starts the admin server on 127.0.0.1.
 *
 * @example
 *   import { figuresOf, type ProxyHandler } from '../proxy/index.ts'
 *   declare const discovery: Discovery, proxy: ProxyHandler
 *   const admin = await startAdminServer({ discovery, figures: async () => figuresOf(proxy), port: 0 })
 *   admin.url // 'http://127.0.0.1:40123'
 */
export async function startAdminServer(options: {
  discovery: Discovery
  /** The proxy's figures now: one process's, or every worker's summed. */
  figures: () => Promise<ProxyFigures>
  port: number
}): Promise<AdminServer> {
  const { discovery, figures } = options
  const respond = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('use GET\n')
    } else if (path === '/_lb/status') {
      const { inFlight } = await figures()
      const body = buildStatusJson(discovery.registry.snapshot(), discovery.status(), inFlight)
      res.writeHead(200, { 'content-type': 'application/json' }).end(`${JSON.stringify(body, null, 2)}\n`)
    } else if (path === '/_lb/metrics') {
      const { metrics, inFlight } = await figures()
      const status = discovery.status()
      const text = renderPrometheusText({
        proxy: metrics,
        inFlight,
        discoveryConnected: status.connected,
        discoveryReconnects: status.reconnects,
      })
      res.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE }).end(text)
    } else {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('not found; try GET /_lb/status or GET /_lb/metrics\n')
    }
  }
  const server: Server = createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`admin: ${message}\n`)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
