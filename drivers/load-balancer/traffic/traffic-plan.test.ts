import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '../../core/errors/configuration-error.ts'
import { sendTraffic, startTraffic } from './index.ts'
import { checkTrafficPlan } from './traffic-plan.ts'
import type { TrafficPlan } from './traffic-record.ts'

const plan: TrafficPlan = { url: 'http://127.0.0.1:8080', host: 'shop.example', requests: 10, overMs: 0 }
const loopbackOnly = 'Give http:// on 127.0.0.0/8, [::1] or localhost, e.g. http://127.0.0.1:8080'

describe('checkTrafficPlan', () => {
  it('fills in the defaults', () => {
    expect(checkTrafficPlan(plan, 'sendTraffic')).toEqual({
      ...plan,
      path: '/',
      method: 'GET',
      timeoutMs: 10_000,
      maxInFlight: 256,
      hostname: '127.0.0.1',
      port: 8080,
    })
  })

  it.each([
    ['http://127.0.0.1:8080', '127.0.0.1'],
    ['http://127.4.5.6:1', '127.4.5.6'],
    ['http://localhost:3000', 'localhost'],
    ['http://[::1]:3000', '::1'],
  ])('accepts the loopback url %s', (url, hostname) => {
    expect(checkTrafficPlan({ ...plan, url }, 'sendTraffic').hostname).toBe(hostname)
  })

  it.each([
    ['http://10.0.0.1:8080', `sendTraffic: url "http://10.0.0.1:8080" is not a loopback address. ${loopbackOnly}`],
    ['http://example.com', `sendTraffic: url "http://example.com" is not a loopback address. ${loopbackOnly}`],
    ['https://127.0.0.1:8443', `sendTraffic: url "https://127.0.0.1:8443" is not a loopback address. ${loopbackOnly}`],
    ['127.0.0.1:8080', `sendTraffic: url "127.0.0.1:8080" is not a loopback address. ${loopbackOnly}`],
    [
      'http://127.0.0.1:8080/shop',
      'sendTraffic: url "http://127.0.0.1:8080/shop" has a path. Give only the address, e.g. ' +
        'http://127.0.0.1:8080, and the path in "path"',
    ],
  ])('refuses the url %s', (url, message) => {
    expect(() => checkTrafficPlan({ ...plan, url }, 'sendTraffic')).toThrow(new ConfigurationError(message))
  })

  it.each([
    [{ requests: 0 }, 'sendTraffic: requests 0 is out of range. Give a whole number from 1 to 20000'],
    [{ requests: 20_001 }, 'sendTraffic: requests 20001 is out of range. Give a whole number from 1 to 20000'],
    [{ requests: 2.5 }, 'sendTraffic: requests 2.5 is out of range. Give a whole number from 1 to 20000'],
    [{ overMs: -1 }, 'sendTraffic: overMs -1 is out of range. Give a whole number from 0 to 120000 (2m)'],
    [{ overMs: 120_001 }, 'sendTraffic: overMs 120001 is out of range. Give a whole number from 0 to 120000 (2m)'],
    [{ timeoutMs: 0 }, 'sendTraffic: timeoutMs 0 is out of range. Give a whole number from 1 to 120000 (2m)'],
    [{ maxInFlight: 0 }, 'sendTraffic: maxInFlight 0 is out of range. Give a whole number from 1 to 10000'],
    [
      { path: 'shop' },
      'sendTraffic: path "shop" is not a request path. Give one starting with "/" and without spaces, e.g. "/" ' +
        'or "/slow?delay=200"',
    ],
    [{ method: 'get' }, 'sendTraffic: method "get" is not an HTTP method. Give one in capitals, e.g. "GET"'],
    [
      { host: 'shop example' },
      `sendTraffic: host "shop example" is not a Host header. Give the service's name without spaces, e.g. ` +
        `"shop.example"`,
    ],
  ])('refuses %j', (change, message) => {
    expect(() => checkTrafficPlan({ ...plan, ...change }, 'sendTraffic')).toThrow(new ConfigurationError(message))
  })

  it('refuses a bad plan before sending anything, naming the function called', async () => {
    await expect(sendTraffic({ ...plan, url: 'http://192.168.1.1' })).rejects.toThrow(
      new ConfigurationError(`sendTraffic: url "http://192.168.1.1" is not a loopback address. ${loopbackOnly}`),
    )
    expect(() => startTraffic({ ...plan, requests: 0 })).toThrow(
      new ConfigurationError('startTraffic: requests 0 is out of range. Give a whole number from 1 to 20000'),
    )
  })
})
