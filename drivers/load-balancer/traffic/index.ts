/**
 * Bounded HTTP traffic for load-balancer specs: send N requests over a time, record who answered each, and analyse it.
 *
 * @example
 *   const record = await sendTraffic({
 *     url: 'http://127.0.0.1:8080',
 *     host: 'shop.example',
 *     requests: 200,
 *     overMs: 2000,
 *   })
 *   failures(record) // []
 */
export { sendTraffic, startTraffic, type RunningTraffic } from './send-traffic.ts'
export type { ResponseRecord, TrafficPlan, TrafficRecord } from './traffic-record.ts'
export {
  countsByReplica,
  describeRecord,
  failures,
  firstAnsweredBy,
  latencyPercentiles,
  ratioAtMost,
  spread,
  type Spread,
} from './analysis.ts'
