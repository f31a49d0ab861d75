import { checkTrafficPlan } from './traffic-plan.ts'
import type { TrafficPlan, TrafficRecord } from './traffic-record.ts'
import { runTraffic } from './traffic-run.ts'

/**
 * Traffic flowing in the background, for "while this traffic flows, do X".
 *
 * @example
 *   declare const swarm: import('../swarm/swarm-driver.ts').SwarmDriver,
 *     web1: import('../swarm/swarm-driver.ts').StartedReplica
 *   const traffic = startTraffic({ url: 'http://127.0.0.1:8080', host: 'shop', requests: 400, overMs: 4000 })
 *   await swarm.crash(web1)
 *   const record = await traffic.done
 */
export interface RunningTraffic {
  /** Resolves when every request of the plan has its outcome. */
  readonly done: Promise<TrafficRecord>
  /** Sends no more requests, waits for those in flight, and resolves with what was sent. */
  stop(): Promise<TrafficRecord>
}

/**
 * Sends a plan's requests to the load balancer and resolves when every one has its outcome; a request that fails is
 * recorded, never thrown. An aborted signal sends no more and ends those in flight, recorded with the error `aborted`.
 * Throws a ConfigurationError, before sending anything, for a bad plan.
 *
 * @example
 *   const record = await sendTraffic({
 *     url: 'http://127.0.0.1:8080',
 *     host: 'shop.example',
 *     requests: 200,
 *     overMs: 2000,
 *   })
 *   import { failures } from './analysis.ts'
 *   failures(record) // [] when no request failed
 */
export async function sendTraffic(plan: TrafficPlan, options: { signal?: AbortSignal } = {}): Promise<TrafficRecord> {
  const run = runTraffic(checkTrafficPlan(plan, 'sendTraffic'))
  const { signal } = options
  if (!signal) return run.done
  const onAbort = (): void => void run.abort('aborted')
  if (signal.aborted) onAbort()
  signal.addEventListener('abort', onAbort, { once: true })
  try {
    return await run.done
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}

/**
 * Starts sending a plan's requests and returns at once. Throws a ConfigurationError, before sending anything, for a bad
 * plan.
 *
 * @example
 *   declare const daemon: import('../docker-daemon/docker-daemon.ts').DockerDaemon
 *   const traffic = startTraffic({
 *     url: 'http://127.0.0.1:8080',
 *     host: 'shop.example',
 *     requests: 1000,
 *     overMs: 10_000,
 *   })
 *   await daemon.stop('web-2')
 *   const record = await traffic.stop()
 */
export function startTraffic(plan: TrafficPlan): RunningTraffic {
  const run = runTraffic(checkTrafficPlan(plan, 'startTraffic'))
  return { done: run.done, stop: () => run.stop() }
}
