// The admin port: status JSON and Prometheus metrics, on loopback only.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Discovery } from '../discovery/index.ts'
import type { ProxyHandler } from '../proxy/index.ts'
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
 *   declare const discovery: Discovery, proxy: ProxyHandler
 *   const admin = await startAdminServer({ discovery, proxy, port: 0 })
 *   admin.url // 'http://127.0.0.1:40123'
 */
export async function startAdminServer(options: {
  discovery: Discovery
  proxy: ProxyHandler
  port: number
}): Promise<AdminServer> {
  const { discovery, proxy } = options
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('use GET\n')
    } else if (path === '/_lb/status') {
      const body = buildStatusJson(discovery.registry.snapshot(), discovery.status(), proxy.inFlight.snapshot())
      res.writeHead(200, { 'content-type': 'application/json' }).end(`${JSON.stringify(body, null, 2)}\n`)
    } else if (path === '/_lb/metrics') {
      const status = discovery.status()
      const text = renderPrometheusText({
        proxy: proxy.metrics.snapshot(),
        inFlight: proxy.inFlight.snapshot(),
        discoveryConnected: status.connected,
        discoveryReconnects: status.reconnects,
      })
      res.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE }).end(text)
    } else {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('not found; try GET /_lb/status or GET /_lb/metrics\n')
    }
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
