// Part 2: replace every replica of a service one by one, the way a rolling
// update does, while a steady load goes through the load balancer.
import type { BackendCommand, DockerDaemon } from '../../../drivers/load-balancer/docker-daemon/index.ts'
import type { RollingFigures, ReplaceStep } from './rolling-report.ts'
import { runLoad } from './run-load.ts'
import type { RunningLoadBalancer } from './start-load-balancer.ts'
import { waitFor } from './wait-for.ts'

/** The service to replace and the load to keep on it. */
export interface RollingOptions {
  daemon: DockerDaemon
  lb: RunningLoadBalancer
  host: string
  backend: BackendCommand
  /** Names of the replicas running now, and of those replacing them, pairwise. */
  replace: ReadonlyArray<{ old: string; replacement: string }>
  rate: number
  connections: number
  /** Steady load before the first and after the last step. */
  settleMs: number
  /** The pause after each replaced replica, as Docker's `--update-delay`. */
  updateDelayMs: number
  /** Each wait (healthy, gone) fails after this long. */
  stepTimeoutMs: number
}

/**
 * Starts the load, then for each replica: run the new container (health `starting`,
 * then `healthy`), wait until the LB lists it healthy, `docker stop` the old one,
 * wait until the LB no longer lists it, wait the update delay. Stops the load and
 * returns the figures.
 *
 * @example
 *   declare const daemon: DockerDaemon, lb: RunningLoadBalancer, backend: BackendCommand
 *   const replace = [{ old: 'web-1', replacement: 'web-4' }]
 *   const figures = await rollingReplace({
 *     daemon,
 *     lb,
 *     host: 'web.bench',
 *     backend,
 *     replace,
 *     rate: 300,
 *     connections: 10,
 *     settleMs: 1_000,
 *     updateDelayMs: 1_000,
 *     stepTimeoutMs: 10_000,
 *   })
 *   figures.load.non2xx // 0
 */
export async function rollingReplace(options: RollingOptions): Promise<RollingFigures> {
  const { daemon, lb, host } = options
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  // The load ends when stopped; the duration only bounds a replace that never finishes.
  const load = runLoad({
    url: `${lb.proxyUrl}/`,
    host,
    connections: options.connections,
    seconds: 120,
    overallRate: options.rate,
  })
  load.figures.catch(() => {}) // awaited below; an early failure must not also be an unhandled rejection
  try {
    await pause(options.settleMs)
    const started = performance.now()
    const steps: ReplaceStep[] = []
    for (const { old, replacement } of options.replace) {
      const stepStart = performance.now()
      await daemon.runContainer({
        name: replacement,
        labels: { 'lb.host': host },
        publish: true,
        health: 'starting',
        backend: options.backend,
      })
      daemon.setHealth(replacement, 'healthy')
      await waitFor(
        `${replacement} healthy in ${lb.adminUrl}/_lb/status`,
        async () => {
          const replicas = await lb.replicas(host)
          return replicas.some((r) => r.name === replacement && r.healthy && !r.draining && !r.paused)
            ? true
            : undefined
        },
        options.stepTimeoutMs,
      )
      const healthyAfterMs = performance.now() - stepStart
      const oldId = daemon.container(old).id
      await daemon.stop(old)
      await waitFor(
        `${old} gone from ${lb.adminUrl}/_lb/status`,
        async () => {
          const replicas = await lb.replicas(host)
          return replicas.every((r) => r.id !== oldId) ? true : undefined
        },
        options.stepTimeoutMs,
      )
      steps.push({ old, replacement, healthyAfterMs, goneAfterMs: performance.now() - stepStart })
      if (steps.length < options.replace.length) await pause(options.updateDelayMs)
    }
    const replaceMs = performance.now() - started
    await pause(options.settleMs)
    load.stop()
    const { rate, connections, updateDelayMs } = options
    return { host, rate, connections, steps, updateDelayMs, replaceMs, load: await load.figures }
  } finally {
    load.stop()
  }
}
