import { ConfigurationError } from '../../core/errors/configuration-error.ts'
import { Duration } from '../../core/values/duration.ts'
import type { TrafficPlan } from './traffic-record.ts'

/**
 * A plan that passed its checks, with every default filled in and the address split out.
 *
 * @example
 *   const checked = checkTrafficPlan(
 *     { url: 'http://127.0.0.1:8080', host: 'shop', requests: 10, overMs: 0 },
 *     'sendTraffic',
 *   )
 *   checked.port // 8080
 */
export interface CheckedPlan extends Required<TrafficPlan> {
  hostname: string
  port: number
}

const LOOPBACK_ALLOWED = 'http:// on 127.0.0.0/8, [::1] or localhost, e.g. http://127.0.0.1:8080'

/**
 * Checks a plan before any request goes out; throws a ConfigurationError naming the caller, the field, the value and
 * what is allowed.
 *
 * @example
 *   const plan: TrafficPlan = { url: 'http://127.0.0.1:8080', host: 'shop', requests: 200, overMs: 2000 }
 *   checkTrafficPlan({ ...plan, requests: 0 }, 'sendTraffic')
 *   // → throws: sendTraffic: requests 0 is out of range. Give a whole number from 1 to 20000
 *   checkTrafficPlan({ ...plan, url: 'http://10.0.0.1' }, 'sendTraffic') // throws: … is not a loopback address …
 */
export function checkTrafficPlan(plan: TrafficPlan, caller: string): CheckedPlan {
  const url = loopbackUrl(plan.url, caller)
  checkWhole(caller, 'requests', plan.requests, 1, 20_000)
  checkWhole(caller, 'overMs', plan.overMs, 0, 120_000)
  const timeoutMs = plan.timeoutMs ?? 10_000
  checkWhole(caller, 'timeoutMs', timeoutMs, 1, 120_000)
  const maxInFlight = plan.maxInFlight ?? 256
  checkWhole(caller, 'maxInFlight', maxInFlight, 1, 10_000)
  const path = plan.path ?? '/'
  if (!/^\/[\x21-\x7e]*$/.test(path)) {
    throw new ConfigurationError(
      `${caller}: path ${JSON.stringify(path)} is not a request path. Give one starting with "/" and without ` +
        `spaces, e.g. "/" or "/slow?delay=200"`,
    )
  }
  const method = plan.method ?? 'GET'
  if (!/^[A-Z]+$/.test(method))
    throw new ConfigurationError(
      `${caller}: method ${JSON.stringify(method)} is not an HTTP method. Give one in capitals, e.g. "GET"`,
    )
  if (!/^[\x21-\x7e]+$/.test(plan.host)) {
    throw new ConfigurationError(
      `${caller}: host ${JSON.stringify(plan.host)} is not a Host header. Give the service's name without ` +
        `spaces, e.g. "shop.example"`,
    )
  }
  const port = url.port === '' ? 80 : Number(url.port)
  return {
    url: plan.url,
    host: plan.host,
    requests: plan.requests,
    overMs: plan.overMs,
    path,
    method,
    timeoutMs,
    maxInFlight,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port,
  }
}

function loopbackUrl(text: string, caller: string): URL {
  const url = URL.canParse(text) ? new URL(text) : undefined
  const loopback =
    url !== undefined && url.protocol === 'http:' && /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/.test(url.hostname)
  if (!url || !loopback)
    throw new ConfigurationError(
      `${caller}: url ${JSON.stringify(text)} is not a loopback address. Give ${LOOPBACK_ALLOWED}`,
    )
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new ConfigurationError(
      `${caller}: url ${JSON.stringify(text)} has a path. Give only the address, e.g. http://127.0.0.1:8080, ` +
        `and the path in "path"`,
    )
  }
  return url
}

function checkWhole(caller: string, field: string, value: number, min: number, max: number): void {
  if (Number.isSafeInteger(value) && value >= min && value <= max) return
  const range = field.endsWith('Ms') ? ` (${Duration.ms(max)})` : ''
  throw new ConfigurationError(
    `${caller}: ${field} ${value} is out of range. Give a whole number from ${min} to ${max}${range}`,
  )
}
