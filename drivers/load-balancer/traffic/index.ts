/**
 * Bounded HTTP traffic for load-balancer specs: send N requests over a time, record who answered each, and analyse it.
 *
 * @example
 *   import { sendTraffic, failures } from '../drivers/load-balancer/traffic/index.ts'
 *   const record = await sendTraffic({ url, host: 'shop.example', requests: 200, overMs: 2000 }); failures(record) // []
 */
export { sendTraffic, startTraffic, type RunningTraffic } from './send-traffic.ts'
export type { ResponseRecord, TrafficPlan, TrafficRecord } from './traffic-record.ts'
export { countsByReplica, describeRecord, failures, firstAnsweredBy, latencyPercentiles, ratioAtMost, spread, type Spread } from './analysis.ts'
