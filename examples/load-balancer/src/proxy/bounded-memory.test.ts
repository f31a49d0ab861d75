// The attack of issue 14: 20,000 requests, each with a Host no service has. The
// load balancer's metrics, log and memory must not grow with what clients send.
import { Agent, request } from 'node:http'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import { renderPrometheusText } from '../admin/index.ts'
import { BackendRegistry } from '../discovery/index.ts'
import { createProxyHandler } from './proxy-handler.ts'
import { startServer } from './test-support/local-http.ts'

const REQUESTS = 20_000
const WARM_UP = 20_000
const CONNECTIONS = 32
const MB = 1024 * 1024
const cleanups: Array<() => Promise<void> | void> = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

// A full collection before each reading, so garbage not yet collected is not taken for growth.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function memoryAfterGc(): { rss: number; heapUsed: number } {
  gc()
  gc()
  const { rss, heapUsed } = process.memoryUsage()
  return { rss, heapUsed }
}

/** Sends `total` GETs with Hosts `attack-N.test` over `connections` keep-alive connections; returns the statuses. */
async function sendUnknownHosts(port: number, total: number, connections: number): Promise<Map<number, number>> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections })
  cleanups.push(() => agent.destroy())
  const statuses = new Map<number, number>()
  let next = 0
  const one = (host: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, agent, headers: { host } }, (res) => {
        statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1)
        res.resume().on('end', resolve).on('error', reject)
      })
      req.on('error', reject).end()
    })
  const worker = async () => {
    while (next < total) await one(`attack-${next++}.test`)
  }
  await Promise.all(Array.from({ length: connections }, worker))
  return statuses
}

describe('the proxy under 20,000 distinct unknown Hosts', () => {
  it('keeps its metrics, its log and its memory flat', { timeout: 120_000 }, async () => {
    const registry = new BackendRegistry()
    registry.replaceAll([
      {
        kind: 'replica',
        host: 'shop.example',
        replica: {
          id: 'a',
          name: 'shop-1',
          address: { host: '127.0.0.1', port: 9 },
          weight: 1,
          healthy: true,
          draining: false,
          paused: false,
        },
      },
    ])
    const lines: string[] = []
    const proxy = createProxyHandler({
      registry,
      strategy: 'round-robin',
      timeouts: {},
      bodyLimit: 1024,
      log: (line) => lines.push(line),
    })
    const server = await startServer(proxy)
    cleanups.push(
      () => server.close(),
      () => proxy.close(),
    )
    const metricsText = () =>
      renderPrometheusText({
        proxy: proxy.metrics.snapshot(),
        inFlight: proxy.inFlight.snapshot(),
        discoveryConnected: true,
        discoveryReconnects: 0,
      })

    // The same burst once before measuring: code compiled, sockets open, the heap's young space grown to its size
    // under this load, so what is measured is what the second burst keeps, not what any first burst costs.
    await sendUnknownHosts(server.port, WARM_UP, CONNECTIONS)
    const metricsBefore = metricsText().length
    const before = memoryAfterGc()
    const statuses = await sendUnknownHosts(server.port, REQUESTS, CONNECTIONS)
    const after = memoryAfterGc()
    const metricsAfter = metricsText()

    expect(statuses).toEqual(new Map([[404, REQUESTS]]))
    expect(metricsAfter.length).toBe(metricsBefore + String(REQUESTS + WARM_UP).length - String(WARM_UP).length)
    expect(metricsAfter).toContain(`lb_requests_total{host="(unknown)",code="404"} ${REQUESTS + WARM_UP}`)
    expect(metricsAfter).not.toContain('attack-')
    expect(lines).toHaveLength(5)
    expect(registry.snapshot().hostsWithoutReplicas).toEqual([])
    // Unbounded, the same burst grew the program by 103 MB; the bound is generous, for a busy machine.
    expect(after.heapUsed - before.heapUsed).toBeLessThan(4 * MB)
    expect(after.rss - before.rss).toBeLessThan(20 * MB)
  })
})
