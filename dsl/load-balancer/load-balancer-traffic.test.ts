import { describe, expect, test } from 'vitest'
import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { describeRecord } from '../../drivers/load-balancer/index.ts'
import { answered, fakeDsl, refused, trafficRecord, view } from './fake-load-balancer-drivers.ts'

const host = 'checkout-r7k2-host01.parlance.test'
const r = (n: number): string => `checkout-${n}-r7k2-rep00${n}`
const parts = ['host01', 'rep001', 'rep002', 'rep003', 'rep004']

/** A DSL whose checkout service runs `replicas` replicas, its next traffic answering with `responses`. */
async function deployed(replicas: number, ...runs: Parameters<typeof trafficRecord>[]) {
  const made = fakeDsl(...parts)
  await made.dsl.swarm.deploy({ service: 'checkout', replicas })
  made.fake.records.push(...runs.map((run) => trafficRecord(...run)))
  return made
}

describe('the load-balancer DSL: traffic assertions', () => {
  test('sends to the service mentioned last, through the traffic driver', async () => {
    const { dsl, fake } = await deployed(1, [[answered(0, r(1))]])
    await dsl.traffic.send({ requests: 300, over: '3s', oneAfterAnother: 'yes' })
    expect(fake.requests).toEqual([{ host, requests: 300, overMs: 3000, maxInFlight: 1 }])
  })

  test('expectNoFailures passes when every answer is 2xx, else lists the failures service by service', async () => {
    const passing = await deployed(2, [[answered(0, r(1)), answered(1, r(2))]])
    await passing.dsl.traffic.send({ requests: 2 })
    await passing.dsl.traffic.expectNoFailures()
    const { dsl } = await deployed(2, [
      [
        answered(0, r(1)),
        refused(1, { error: 'ECONNRESET' }),
        refused(2, { status: 502, body: 'bad gateway\nmore' }),
        answered(3, r(2)),
      ],
    ])
    await dsl.traffic.send({ requests: 4 })
    await expect(dsl.traffic.expectNoFailures()).rejects.toThrow(
      new AssertionFailedError(
        '2 of 4 requests failed:\ncheckout: #1 at 10 ms: ECONNRESET\ncheckout: #2 at 20 ms: 502 bad gateway',
      ),
    )
  })

  test('expectNoFailures shows the first 20 failures and counts the rest, and needs some traffic', async () => {
    const { dsl } = await deployed(1, [Array.from({ length: 22 }, (_, i) => refused(i, { error: 'ECONNREFUSED' }))])
    await expect(dsl.traffic.expectNoFailures()).rejects.toThrow(
      new ConfigurationError('expectNoFailures: no requests have been sent yet'),
    )
    await dsl.traffic.send({ requests: 22 })
    const lines = Array.from({ length: 20 }, (_, i) => `checkout: #${i} at ${i * 10} ms: ECONNREFUSED`)
    await expect(dsl.traffic.expectNoFailures()).rejects.toThrow(
      new AssertionFailedError(`22 of 22 requests failed:\n${lines.join('\n')}\n… and 2 more`),
    )
  })

  test('expectEachReplicaAnswers counts only running replicas, and names every count when one is off', async () => {
    const even = [answered(0, r(1)), answered(1, r(2)), answered(2, r(1)), answered(3, r(2))]
    const { dsl } = await deployed(3, [even], [[...even.slice(0, 3), answered(3, r(1))]])
    await expect(dsl.traffic.expectEachReplicaAnswers({ requests: 2 })).rejects.toThrow(
      new ConfigurationError(
        'expectEachReplicaAnswers: no requests have been sent yet; send some first, e.g. "When 100 requests ' +
          'arrive over 1 second"',
      ),
    )
    await dsl.swarm.crash({ replica: 3 })
    await dsl.traffic.send({ requests: 4 })
    await dsl.traffic.expectEachReplicaAnswers({ requests: 2 })
    await dsl.traffic.send({ requests: 4 })
    await expect(dsl.traffic.expectEachReplicaAnswers({ requests: 2 })).rejects.toThrow(
      new AssertionFailedError(
        `expected each of 2 replicas to answer 2 requests, but ${r(1)} answered 3, ${r(2)} answered 1`,
      ),
    )
  })

  test('expectNoneAnsweredBy passes when the replica answered nothing, else quotes what it answered', async () => {
    const { dsl } = await deployed(
      2,
      [[answered(0, r(1))]],
      [[answered(0, r(1)), answered(1, r(2)), answered(2, r(2))]],
    )
    await dsl.traffic.send({ requests: 1 })
    await dsl.traffic.expectNoneAnsweredBy({ replica: 2 })
    await dsl.traffic.send({ requests: 3 })
    await expect(dsl.traffic.expectNoneAnsweredBy({ replica: 2 })).rejects.toThrow(
      new AssertionFailedError(
        `${r(2)} answered 2 requests: #1 at 10 ms → ${r(2)}: 200 ok; #2 at 20 ms → ${r(2)}: 200 ok`,
      ),
    )
  })

  test('expectNoneAnsweredBy onlyAfterItEnded ignores requests sent before the end, and needs it ended', async () => {
    const startedAtMs = Date.now() - 10_000
    const before = answered(0, r(2))
    const after = answered(1, r(2), { sentAtMs: 20_000 })
    const { dsl } = await deployed(2, [[before, answered(1, r(1))], startedAtMs], [[before, after], startedAtMs])
    await dsl.traffic.send({ requests: 2 })
    await expect(dsl.traffic.expectNoneAnsweredBy({ replica: 2, onlyAfterItEnded: 'yes' })).rejects.toThrow(
      new ConfigurationError(
        `expectNoneAnsweredBy: ${r(2)} has not been crashed, stopped or terminated in this scenario`,
      ),
    )
    await dsl.swarm.crash({ replica: 2 })
    await dsl.traffic.expectNoneAnsweredBy({ replica: 2, onlyAfterItEnded: 'yes' })
    await dsl.traffic.send({ requests: 2 })
    await expect(dsl.traffic.expectNoneAnsweredBy({ replica: 2, onlyAfterItEnded: 'yes' })).rejects.toThrow(
      new AssertionFailedError(`${r(2)} answered 1 request sent after it ended: #1 at 20000 ms → ${r(2)}: 200 ok`),
    )
  })

  test('expectServiceUnavailable wants every answer a 503 with Retry-After naming the service', async () => {
    const unavailable = refused(0, { status: 503, retryAfter: '1', body: `{"host":"${host}"}` })
    const noRetry = refused(1, { status: 503, body: `{"host":"${host}"}` })
    const { dsl } = await deployed(1, [[unavailable]], [[unavailable, noRetry]])
    await dsl.traffic.send({ requests: 1 })
    await dsl.traffic.expectServiceUnavailable()
    await dsl.traffic.send({ requests: 2 })
    await expect(dsl.traffic.expectServiceUnavailable()).rejects.toThrow(
      new AssertionFailedError(
        `1 of 2 requests were not answered 503 with Retry-After, naming the service: #1 at 10 ms → no replica: ` +
          `503 {"host":"${host}"}`,
      ),
    )
  })

  test('expectRefusedAsNotFound wants every answer a 404 naming the host asked for', async () => {
    const { dsl, fake } = fakeDsl('host01')
    const notFound = refused(0, { status: 404, body: `{"host":"${host}"}` })
    fake.records.push(trafficRecord([notFound]), trafficRecord([notFound, answered(1, 'other-1')]))
    await dsl.traffic.send({ service: 'checkout', requests: 1 })
    await dsl.traffic.expectRefusedAsNotFound()
    await dsl.traffic.send({ requests: 2 })
    await expect(dsl.traffic.expectRefusedAsNotFound()).rejects.toThrow(
      new AssertionFailedError('1 of 2 requests were not refused 404, naming the host: #1 at 10 ms → other-1: 200 ok'),
    )
  })

  test('expectLastAnsweredByVersion judges the last requests by the version of the replica that answered', async () => {
    const { dsl, fake } = await deployed(2)
    await dsl.swarm.rollingUpdate({}) // replicas 1 and 2 are version 1; 3 and 4, version 2
    fake.records.push(
      trafficRecord([answered(3, r(3)), answered(0, r(1)), answered(1, r(3)), answered(2, r(4))]),
      trafficRecord([answered(0, r(3)), refused(1, { error: 'ECONNRESET' })]),
    )
    await dsl.traffic.send({ requests: 4 })
    await dsl.traffic.expectLastAnsweredByVersion({ requests: 3 })
    await expect(dsl.traffic.expectLastAnsweredByVersion({ requests: 4 })).rejects.toThrow(
      new AssertionFailedError(`1 of the last 4 requests were not answered by version 2: #0 at 0 ms → ${r(1)}: 200 ok`),
    )
    await expect(dsl.traffic.expectLastAnsweredByVersion({ requests: 1, version: 1 })).rejects.toThrow(
      new AssertionFailedError(
        `1 of the last 1 requests were not answered by version 1: #3 at 30 ms → ${r(3)}: 200 ok`,
      ),
    )
    await dsl.traffic.send({ requests: 2 })
    await expect(dsl.traffic.expectLastAnsweredByVersion({ requests: 2 })).rejects.toThrow(
      new AssertionFailedError(
        '1 of the last 2 requests were not answered by version 2: #1 at 10 ms → no replica: ECONNRESET',
      ),
    )
  })

  test('expectLatency judges a percentile of the 2xx answer times against the bound', async () => {
    const timed = Array.from({ length: 10 }, (_, i) => answered(i, r(1), { latencyMs: (i + 1) * 10 }))
    const { dsl } = await deployed(
      1,
      [[...timed, refused(10, { error: 'timeout after 10000 ms' })]],
      [[refused(0, { status: 502, body: '' })]],
    )
    await dsl.traffic.send({ requests: 11 })
    await dsl.traffic.expectLatency({ percentile: 99, within: '100ms' })
    await expect(dsl.traffic.expectLatency({ percentile: 50, within: '40ms' })).rejects.toThrow(
      new AssertionFailedError('p50 of the answer times was 50 ms, over 40ms'),
    )
    await expect(dsl.traffic.expectLatency({ percentile: 0, within: '1s' })).rejects.toThrow(
      new ConfigurationError('expectLatency: percentile must be 1 to 100, not 0'),
    )
    await dsl.traffic.send({ requests: 1 })
    await expect(dsl.traffic.expectLatency({ percentile: 99, within: '500ms' })).rejects.toThrow(
      new AssertionFailedError('p99 of the answer times was not measurable (no 2xx answers), over 500ms'),
    )
  })

  test("expectEachServiceAnsweredOnlyByItsOwnReplicas names answers by another service's replica or none", async () => {
    const { dsl, fake } = fakeDsl('host01', 'rep001', 'srch01', 'srep01')
    const records = [
      [answered(0, r(1))],
      [answered(0, 'search-1-r7k2-srep01')],
      [answered(0, r(1))],
      [answered(0, r(1)), refused(1, { error: 'ECONNRESET' })],
    ]
    fake.records.push(...records.map((responses) => trafficRecord(responses)))
    await expect(dsl.traffic.expectEachServiceAnsweredOnlyByItsOwnReplicas()).rejects.toThrow(
      new ConfigurationError('expectEachServiceAnsweredOnlyByItsOwnReplicas: no requests have been sent yet'),
    )
    await dsl.swarm.deploy({ service: 'checkout', replicas: 1 })
    await dsl.swarm.deploy({ service: 'search', replicas: 1 })
    await dsl.traffic.sendToEach({ services: ['checkout', 'search'], requests: 1 })
    await dsl.traffic.expectEachServiceAnsweredOnlyByItsOwnReplicas()
    await dsl.traffic.sendToEach({ services: ['checkout', 'search'], requests: 2 })
    await expect(dsl.traffic.expectEachServiceAnsweredOnlyByItsOwnReplicas()).rejects.toThrow(
      new AssertionFailedError(
        `2 requests were not answered by their own service's replicas:\nsearch: #0 at 0 ms → ${r(1)}: 200 ` +
          `ok\nsearch: #1 at 10 ms → no replica: ECONNRESET`,
      ),
    )
  })

  test('the slow request: answered by the busy replica, and the other replicas answer the rest', async () => {
    const { dsl, fake } = await deployed(
      2,
      [[answered(0, r(2), { latencyMs: 2000 })]],
      [[answered(0, r(1)), answered(1, r(1))]],
      [[answered(0, r(2))]],
    )
    fake.scripted.set(host, [{ ...view(r(1)) }, view(r(2), { inFlight: 1 })])
    await dsl.traffic.slowRequest({ lasting: '2s' })
    await dsl.traffic.send({ requests: 2 })
    await dsl.traffic.expectAllAnsweredByAnotherThanTheBusyReplica()
    await dsl.traffic.expectSlowRequestAnswered()
    await dsl.traffic.send({ requests: 1 })
    await expect(dsl.traffic.expectAllAnsweredByAnotherThanTheBusyReplica()).rejects.toThrow(
      new AssertionFailedError(
        `expected another replica than ${r(2)} to answer all 1 requests, but the busy replica ${r(2)} answered 1\n` +
          describeRecord(trafficRecord([answered(0, r(2))])),
      ),
    )
  })
})
