/**
 * What one run of traffic should do: where, how many requests, over how long.
 *
 * @example
 *   import { sendTraffic } from './send-traffic.ts'
 *   const plan: TrafficPlan = { url: 'http://127.0.0.1:8080', host: 'shop.example', requests: 200, overMs: 2000 }
 *   const record = await sendTraffic(plan)
 */
export interface TrafficPlan {
  /** The load balancer, on loopback only: `http://127.0.0.1:PORT`, `http://[::1]:PORT`, `http://localhost:PORT`. */
  url: string
  /** The Host header every request carries. */
  host: string
  /** How many requests, 1 to 20 000. */
  requests: number
  /** Spread the sends evenly over this many milliseconds (0 = all at once), 0 to 120 000. */
  overMs: number
  /** The request path; default `/`. May carry `?delay=MS` for slow answers. */
  path?: string
  /** The HTTP method; default GET. */
  method?: string
  /** Give up on one request after this many milliseconds; default 10 000. */
  timeoutMs?: number
  /**
   * At most this many requests in flight; default 256. A send that finds no free slot waits and is recorded as late.
   */
  maxInFlight?: number
}

/**
 * The outcome of one request of a run.
 *
 * @example
 *   const record: ResponseRecord = {
 *     index: 0,
 *     sentAtMs: 0,
 *     latencyMs: 3,
 *     status: 200,
 *     replica: 'web-1',
 *     body: '{"container":"web-1"}',
 *   }
 *   record.error ?? record.status // 200
 */
export interface ResponseRecord {
  /** The request's place in the plan, from 0. */
  index: number
  /** When it was sent, in milliseconds since the run started. */
  sentAtMs: number
  /** From send to the end of the answer (or the error), in milliseconds. */
  latencyMs: number
  status?: number
  /** The `container` field of a JSON answer: which replica answered. */
  replica?: string
  /** Why there is no whole answer, e.g. `ECONNRESET`, `timeout after 10000 ms`. */
  error?: string
  /** The Retry-After header, when the answer had one. */
  retryAfter?: string
  /** How long after its planned time it went out, when it had to wait for a free in-flight slot. */
  lateByMs?: number
  /** The first 500 characters of the answer's body. */
  body: string
}

/**
 * Everything a run of traffic did: its plan (defaults filled in) and the outcome of every request sent, in plan order.
 *
 * @example
 *   import { sendTraffic } from './send-traffic.ts'
 *   declare const plan: TrafficPlan
 *   const record = await sendTraffic(plan)
 *   record.responses.length // plan.requests, unless stopped early
 */
export interface TrafficRecord {
  plan: TrafficPlan
  /** When the run started, epoch milliseconds. */
  startedAtMs: number
  /** From start until the last request had its outcome, in milliseconds. */
  durationMs: number
  responses: ResponseRecord[]
}
