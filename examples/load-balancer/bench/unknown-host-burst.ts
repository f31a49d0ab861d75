// The attack of issue 14 against the real program: many requests, each with a
// Host no service has. What the load balancer keeps must not grow with them.
import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'

/** What a burst of unknown Hosts did to the load balancer. */
export interface BurstFigures {
  requests: number
  /** Responses by status code. */
  statuses: Record<string, number>
  /** Resident set size of the load balancer's process, undefined where /proc cannot tell. */
  rssBefore: number | undefined
  rssAfter: number | undefined
  metricsBytesBefore: number
  metricsBytesAfter: number
  seconds: number
}

/** Where the burst is sent and measured. */
export interface BurstTarget {
  proxyUrl: string
  adminUrl: string
  pid: number
}

/**
 * Sends `requests` GETs with Hosts `burst-N.unknown` over `connections` keep-alive connections,
 * reading the process's RSS and the size of `/_lb/metrics` before and after.
 *
 * @example
 *   declare const lb: import('./start-load-balancer.ts').RunningLoadBalancer
 *   const target = { proxyUrl: lb.proxyUrl, adminUrl: lb.adminUrl, pid: lb.child.process.pid! }
 *   const figures = await sendUnknownHostBurst(target, 20_000, 32)
 *   burstLines(figures) // ['  20000 requests …', '  RSS: …', '  /_lb/metrics: …']
 */
export async function sendUnknownHostBurst(
  target: BurstTarget,
  requests: number,
  connections: number,
): Promise<BurstFigures> {
  const rssBefore = rssOf(target.pid)
  const metricsBytesBefore = await metricsBytes(target.adminUrl)
  const agent = new Agent({ keepAlive: true, maxSockets: connections })
  const statuses: Record<string, number> = {}
  const { hostname, port } = new URL(target.proxyUrl)
  const started = performance.now()
  let next = 0
  const one = (host: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request({ hostname, port, agent, headers: { host } }, (res) => {
        const code = String(res.statusCode)
        statuses[code] = (statuses[code] ?? 0) + 1
        res.resume().on('end', resolve).on('error', reject)
      })
      req.on('error', reject).end()
    })
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < requests) await one(`burst-${next++}.unknown`)
      }),
    )
  } finally {
    agent.destroy()
  }
  const seconds = (performance.now() - started) / 1000
  return {
    requests,
    statuses,
    rssBefore,
    rssAfter: rssOf(target.pid),
    metricsBytesBefore,
    metricsBytesAfter: await metricsBytes(target.adminUrl),
    seconds,
  }
}

/**
 * The report lines for a burst.
 *
 * @example
 *   declare const figures: BurstFigures
 *   burstLines(figures)
 *   // → ['  20000 requests in 4.1 s: 404 × 20000', '  RSS: 71.2 MB → 74.0 MB (+2.8 MB)', '  /_lb/metrics: …']
 */
export function burstLines(figures: BurstFigures): string[] {
  const { rssBefore, rssAfter } = figures
  const statuses = Object.entries(figures.statuses)
    .map(([code, count]) => `${code} × ${count}`)
    .join(', ')
  const rss =
    rssBefore === undefined || rssAfter === undefined
      ? 'RSS: unknown (no /proc)'
      : `RSS: ${mb(rssBefore)} → ${mb(rssAfter)} (${signed(rssAfter - rssBefore, mb)})`
  const { metricsBytesBefore: m0, metricsBytesAfter: m1 } = figures
  return [
    `  ${figures.requests} requests with distinct unknown Hosts in ${figures.seconds.toFixed(1)} s: ${statuses}`,
    `  ${rss}`,
    `  /_lb/metrics: ${m0} bytes → ${m1} bytes (${signed(m1 - m0, (n) => `${n} bytes`)})`,
  ]
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

function signed(delta: number, show: (n: number) => string): string {
  return delta < 0 ? `-${show(-delta)}` : `+${show(delta)}`
}

function rssOf(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb === undefined ? undefined : Number(kb) * 1024
  } catch {
    return undefined
  }
}

function metricsBytes(adminUrl: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${adminUrl}/_lb/metrics`, { agent: false, timeout: 5_000 }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => resolve(bytes))
    })
    req.on('timeout', () => req.destroy(new Error(`GET ${adminUrl}/_lb/metrics got no answer within 5 s`)))
    req.on('error', reject).end()
  })
}
