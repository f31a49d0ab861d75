// Faults the clients must not see: a replica crashing under load, and the
// honest answers when a service has no replica left or the Host is unknown.
import { afterEach, describe, expect, it } from 'vitest'
import { E2eHarness } from './support/e2e-harness.ts'
import { get, type HttpAnswer } from './support/http-get.ts'
import { metricValue, readMetrics, waitForReplicaNames, waitForReplicas } from './support/lb-status.ts'
import { SLOW_BACKEND } from './support/slow-backend.ts'
import { until } from './support/until.ts'

const shop = { 'lb.host': 'shop.test' }

/** Sends `total` GETs, `concurrency` at a time; a failed connection counts as status 0. */
async function sendLoad(
  proxy: string,
  total: number,
  concurrency: number,
  onSent: (sent: number) => void = () => {},
): Promise<HttpAnswer[]> {
  const answers: HttpAnswer[] = []
  let sent = 0
  const worker = async (): Promise<void> => {
    while (sent < total) {
      onSent(++sent)
      answers.push(
        await get(`${proxy}/load`, 'shop.test').catch((error: Error) => ({
          status: 0,
          headers: {},
          body: error.message,
        })),
      )
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return answers
}

describe('load-balancer program: faults', () => {
  const harness = new E2eHarness()
  afterEach(() => harness.cleanup())

  it('answers every request 2xx while a replica crashes under load, retrying on the others', async () => {
    const daemon = await harness.daemon()
    for (const name of ['shop-1', 'shop-2', 'shop-3'])
      await daemon.runContainer({ name, labels: shop, publish: true, backend: SLOW_BACKEND })
    const lb = await harness.loadBalancer(daemon)
    await waitForReplicaNames(lb.admin, 'shop.test', ['shop-1', 'shop-2', 'shop-3'])

    // A request held in flight on each replica, so the crash resets one mid-request.
    const held = [1, 2, 3].map(() => get(`${lb.proxy}/held?delay=3000`, 'shop.test'))
    await waitForReplicas(
      lb.admin,
      'shop.test',
      (r) => Object.values(r).every((replica) => replica.inFlight === 1),
      'one held request per replica',
    )
    let crashed: Promise<void> | undefined
    const load = await sendLoad(lb.proxy, 100, 5, (sent) => {
      if (sent === 30) crashed = daemon.crash('shop-2')
    })
    await crashed
    const heldAnswers = await Promise.all(held)

    expect(load.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.body}`)).toEqual([])
    expect(load).toHaveLength(100)
    expect(heldAnswers.map((a) => a.status)).toEqual([200, 200, 200])
    const heldBy = heldAnswers.map((a) => (JSON.parse(a.body) as { container: string }).container)
    expect(heldBy).not.toContain('shop-2')
    expect(daemon.container('shop-2')).toMatchObject({ state: 'exited', exitCode: 137 })
    await waitForReplicaNames(lb.admin, 'shop.test', ['shop-1', 'shop-3'])

    const metrics = await readMetrics(lb.admin)
    expect(metricValue(metrics, 'lb_retries_total')).toBeGreaterThanOrEqual(1)
    expect(metricValue(metrics, 'lb_errors_total{code="ECONNRESET"}')).toBeGreaterThanOrEqual(1)
    expect(metricValue(metrics, 'lb_requests_total{host="shop.test",code="200"}')).toBe(103)
    expect(metrics).not.toMatch(/lb_requests_total\{host="shop.test",code="(?!200)/)
  })

  it('answers 503 + Retry-After with no replica left, 404 naming only the unknown Host', async () => {
    const daemon = await harness.daemon()
    await daemon.runContainer({ name: 'shop-1', labels: shop, publish: true })
    await daemon.runContainer({ name: 'blog-1', labels: { 'lb.host': 'blog.test' }, publish: true })
    const lb = await harness.loadBalancer(daemon)
    await waitForReplicaNames(lb.admin, 'shop.test', ['shop-1'])
    await waitForReplicaNames(lb.admin, 'blog.test', ['blog-1'])

    await daemon.stop('shop-1')
    await waitForReplicaNames(lb.admin, 'shop.test', [])
    const gone = await get(`${lb.proxy}/cart`, 'shop.test')
    expect([gone.status, gone.headers['retry-after'], gone.headers['content-type'], gone.body]).toEqual([
      503,
      '1',
      'text/plain; charset=utf-8',
      'service "shop.test" has no healthy replica right now\n',
    ])

    const unknown = await get(`${lb.proxy}/`, 'nobody.test')
    expect([unknown.status, unknown.body]).toEqual([404, 'no service for host "nobody.test"; check the Host header\n'])
    const caseAndPort = await get(`${lb.proxy}/`, 'Nobody.Test:8080')
    expect([caseAndPort.status, caseAndPort.body]).toEqual([
      404,
      'no service for host "nobody.test"; check the Host header\n',
    ])

    const metrics = await readMetrics(lb.admin)
    expect(metricValue(metrics, 'lb_requests_total{host="shop.test",code="503"}')).toBe(1)
    expect(metricValue(metrics, 'lb_requests_total{host="(unknown)",code="404"}')).toBe(2)
    expect(metrics).not.toContain('nobody.test')

    await daemon.runContainer({ name: 'shop-2', labels: shop, publish: true })
    await until('shop.test to serve again', async () =>
      (await get(`${lb.proxy}/`, 'shop.test')).status === 200 ? true : undefined,
    )
  })
})
