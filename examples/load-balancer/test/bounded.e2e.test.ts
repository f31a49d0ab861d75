// The attacks of issue 14 against the real program: malformed requests are
// refused 400, unknown Hosts share one metrics series and a bounded log.
import { afterEach, describe, expect, it } from 'vitest'
import { sendRaw } from '../src/proxy/test-support/local-http.ts'
import { E2eHarness } from './support/e2e-harness.ts'
import { get } from './support/http-get.ts'
import { metricValue, readMetrics } from './support/lb-status.ts'
import { until } from './support/until.ts'

describe('load-balancer program, bounded by design', () => {
  const harness = new E2eHarness()
  afterEach(() => harness.cleanup())

  it('answers 400 to two Hosts, a broken Host and OPTIONS *, and 404 to unknown Hosts logged 5 by name', async () => {
    const daemon = await harness.daemon()
    const lb = await harness.loadBalancer(daemon)
    const port = Number(new URL(lb.proxy).port)

    const twoHosts = await sendRaw(port, ['GET / HTTP/1.1', 'Host: a.test', 'Host: b.test'])
    expect([twoHosts.status, twoHosts.body]).toEqual([
      400,
      'bad request: the request has 2 Host headers; send exactly one\n',
    ])
    const broken = await sendRaw(port, ['GET / HTTP/1.1', 'Host: [::1'])
    expect([broken.status, broken.body]).toEqual([
      400,
      'bad request: Host "[::1" is not host[:port]: the IPv6 address has no closing "]"\n',
    ])
    const options = await sendRaw(port, ['OPTIONS * HTTP/1.1', 'Host: a.test'])
    expect(options.status).toBe(400)

    for (let i = 0; i < 20; i++) {
      const unknown = await get(`${lb.proxy}/`, `unknown-${i}.test`)
      expect([unknown.status, unknown.body]).toEqual([
        404,
        `no service for host "unknown-${i}.test"; check the Host header\n`,
      ])
    }
    const metrics = await readMetrics(lb.admin)
    expect(metricValue(metrics, 'lb_requests_total{host="(unknown)",code="404"}')).toBe(20)
    expect(metricValue(metrics, 'lb_requests_total{host="(bad request)",code="400"}')).toBe(3)
    expect(metrics).not.toContain('unknown-')
    const named = lb
      .stderr()
      .split('\n')
      .filter((line) => line.startsWith('load-balancer: proxy: no service for host'))
    expect(named).toHaveLength(5)
    expect(named[4]).toBe(
      'load-balancer: proxy: no service for host "unknown-4.test" (404); ' +
        'further unknown hosts in the next 60 s are only counted',
    )
  })

  it("prefixes discovery's log lines once", async () => {
    const lb = await harness.loadBalancer(undefined, [], {}, 'unix:///nonexistent/docker.sock')
    const line = await until('a discovery line on stderr', async () =>
      lb
        .stderr()
        .split('\n')
        .find((text) => text.includes('reconnecting in')),
    )
    expect(line).toMatch(/^load-balancer: discovery: [^:]/)
    expect(lb.stderr()).not.toContain('discovery: discovery:')
  })
})
