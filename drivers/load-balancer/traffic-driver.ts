import type { DriverContext } from '../core/driver-context.ts'
import {
  sendTraffic,
  startTraffic,
  type RunningTraffic,
  type TrafficPlan,
  type TrafficRecord,
} from './traffic/index.ts'

/** A plan without the load balancer's address, which the driver knows. */
export type TrafficRequest = Omit<TrafficPlan, 'url'>

/**
 * Client traffic to the load balancer (`LB_URL`): bounded in count and time,
 * loopback only, every response recorded. Traffic still arriving when the
 * scenario ends is stopped, and on failure each run's record is attached.
 *
 * @example
 *   declare const ctx: DriverContext
 *   const traffic = new TrafficDriver(ctx)
 *   const record = await traffic.send({ host: 'checkout.parlance.test', requests: 200, overMs: 2000 })
 */
export class TrafficDriver {
  private readonly running = new Set<RunningTraffic>()
  private readonly records: TrafficRecord[] = []

  constructor(
    private readonly ctx: DriverContext,
    private readonly url = ctx.systemUrl('LB_URL'),
  ) {
    ctx.track({
      dispose: async (end) => {
        await Promise.allSettled([...this.running].map((traffic) => traffic.stop()))
        if (end.failed && this.records.length > 0)
          await end.attach(ctx.dealias(JSON.stringify(this.records, null, 2)), 'application/json', 'traffic.json')
      },
    })
  }

  /** Sends the requests and resolves with every response. */
  async send(request: TrafficRequest): Promise<TrafficRecord> {
    return this.kept(await sendTraffic({ ...request, url: this.url }))
  }

  /** Starts the requests and returns at once. */
  start(request: TrafficRequest): RunningTraffic {
    const started = startTraffic({ ...request, url: this.url })
    const running: RunningTraffic = {
      done: started.done.then((record) => this.kept(record)),
      stop: () => started.stop(),
    }
    this.running.add(running)
    void running.done.finally(() => this.running.delete(running)).catch(() => {})
    this.ctx.log(
      `traffic started: ${request.requests} requests to ${request.host}${request.path ?? '/'} over ` +
        `${request.overMs} ms`,
    )
    return running
  }

  private kept(record: TrafficRecord): TrafficRecord {
    this.records.push(record)
    return record
  }
}
