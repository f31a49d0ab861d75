import { Agent } from 'node:http'
import type { Socket } from 'node:net'
import { sendRequest, type InFlightRequest } from './send-request.ts'
import type { CheckedPlan } from './traffic-plan.ts'
import type { ResponseRecord, TrafficRecord } from './traffic-record.ts'

/**
 * A run of traffic under way.
 *
 * @example
 *   import { checkTrafficPlan } from './traffic-plan.ts'
 *   const run = runTraffic(
 *     checkTrafficPlan({ url: 'http://127.0.0.1:8080', host: 'shop', requests: 200, overMs: 2000 }, 'startTraffic'),
 *   )
 *   const record = await run.stop()
 */
export interface TrafficRun {
  /** Resolves once every request sent has its outcome, and every socket and timer of the run is gone. */
  readonly done: Promise<TrafficRecord>
  /** Sends no more requests, waits for those in flight; resolves as `done` does. */
  stop(): Promise<TrafficRecord>
  /** Sends no more requests and ends those in flight now, with this as their error. */
  abort(error: string): Promise<TrafficRecord>
}

/**
 * How long past `overMs + timeoutMs` a run may last before what is outstanding is ended.
 *
 * @example
 *   declare const checked: CheckedPlan
 *   runTraffic(checked, { ceilingMarginMs: 100 }) // tests reach the ceiling quickly
 */
export interface RunOptions {
  ceilingMarginMs?: number
}

/**
 * Starts sending a checked plan: request i at i × overMs / requests ms after the start (monotonic clock), on a
 * keep-alive agent of its own, never more than maxInFlight at once, and never past the ceiling.
 *
 * @example
 *   import { checkTrafficPlan } from './traffic-plan.ts'
 *   const run = runTraffic(
 *     checkTrafficPlan({ url: 'http://127.0.0.1:8080', host: 'shop', requests: 200, overMs: 2000 }, 'sendTraffic'),
 *   )
 *   const record = await run.done
 */
export function runTraffic(plan: CheckedPlan, options: RunOptions = {}): TrafficRun {
  const startedAtMs = Date.now()
  const origin = performance.now()
  const elapsed = (): number => performance.now() - origin
  const plannedAt = (index: number): number => (index * plan.overMs) / plan.requests
  const agent = new Agent({ keepAlive: true, maxSockets: plan.maxInFlight })
  const sockets = new Set<Socket>()
  const inFlight = new Map<number, InFlightRequest>()
  const responses: ResponseRecord[] = []
  let next = 0
  let waiting: number | undefined
  let stopped = false
  let finished = false
  let pacer: NodeJS.Timeout | undefined
  let resolveDone!: (record: TrafficRecord) => void
  const done = new Promise<TrafficRecord>((resolve) => (resolveDone = resolve))

  const send = (index: number): void => {
    const sentAtMs = elapsed()
    const lateByMs = waiting === index ? sentAtMs - plannedAt(index) : undefined
    const request = sendRequest({ ...plan, agent }, (socket) => sockets.add(socket))
    inFlight.set(index, request)
    void request.outcome.then((outcome) => {
      inFlight.delete(index)
      responses.push({ index, sentAtMs, ...outcome, ...(lateByMs === undefined ? {} : { lateByMs }) })
      pump()
    })
  }

  // Sends whatever is due, then sleeps until the next request is due or, with every slot taken, until one frees.
  const pump = (): void => {
    clearTimeout(pacer)
    pacer = undefined
    if (!stopped) {
      const now = elapsed()
      while (next < plan.requests && inFlight.size < plan.maxInFlight && next * plan.overMs <= now * plan.requests)
        send(next++)
      if (next < plan.requests && inFlight.size >= plan.maxInFlight) {
        if (next * plan.overMs <= now * plan.requests) waiting = next
      } else if (next < plan.requests) {
        pacer = setTimeout(pump, Math.max(1, Math.ceil(plannedAt(next) - now)))
      }
    }
    if ((stopped || next === plan.requests) && inFlight.size === 0) void finish()
  }

  const finish = async (): Promise<void> => {
    if (finished) return
    finished = true
    clearTimeout(ceiling)
    const durationMs = elapsed()
    agent.destroy()
    await Promise.all(
      [...sockets].map((socket) =>
        socket.closed ? undefined : new Promise((resolve) => socket.once('close', resolve)),
      ),
    )
    responses.sort((a, b) => a.index - b.index)
    resolveDone({ plan, startedAtMs, durationMs, responses })
  }

  const abort = (error: string): Promise<TrafficRecord> => {
    stopped = true
    for (const request of inFlight.values()) request.abort(error)
    pump()
    return done
  }

  const ceilingMs = plan.overMs + plan.timeoutMs + (options.ceilingMarginMs ?? 5000)
  const ceiling = setTimeout(() => {
    for (; next < plan.requests; next++) {
      responses.push({
        index: next,
        sentAtMs: plannedAt(next),
        latencyMs: 0,
        error: `not sent: the ceiling of ${ceilingMs} ms was reached`,
        body: '',
      })
    }
    void abort(`aborted at the ceiling of ${ceilingMs} ms`)
  }, ceilingMs)

  pump()
  return {
    done,
    stop: () => {
      stopped = true
      pump()
      return done
    },
    abort,
  }
}
