import { setTimeout as delay } from 'node:timers/promises'
import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import {
  countsByReplica,
  describeRecord,
  failures,
  latencyPercentiles,
  type ResponseRecord,
  type TrafficRecord,
} from '../../drivers/load-balancer/index.ts'
import { dslMethod, type InputOf } from '../core/params/dsl-method.ts'
import { boolean, duration, integer, string } from '../core/params/param-kinds.ts'
import { finished, type LoadBalancerSession, type TrafficRun } from './load-balancer-session.ts'
import type { ReplicaRecord, ServiceRecord } from './service-book.ts'

const service = string({ optional: true })
const trafficShape = {
  service,
  requests: integer(),
  over: duration({ default: '0s' }),
  oneAfterAnother: boolean({ default: 'no' }),
}
const send = dslMethod('send', trafficShape)
const start = dslMethod('start', trafficShape)
const sendToEach = dslMethod('sendToEach', {
  services: string({ repeated: true }),
  requests: integer(),
  over: duration({ default: '0s' }),
})
const slowRequest = dslMethod('slowRequest', { service, lasting: duration() })
const expectEachReplicaAnswers = dslMethod('expectEachReplicaAnswers', { requests: integer() })
const expectNoneAnsweredBy = dslMethod('expectNoneAnsweredBy', {
  service,
  replica: integer(),
  onlyAfterItEnded: boolean({ default: 'no' }),
})
const expectLatency = dslMethod('expectLatency', { percentile: integer(), within: duration() })
const expectLastAnsweredByVersion = dslMethod('expectLastAnsweredByVersion', {
  requests: integer(),
  version: integer({ optional: true }),
})

/**
 * Clients' traffic through the load balancer, and what they saw: every
 * response is recorded, and the assertions judge the record.
 *
 * @example
 *   declare const traffic: Traffic
 *   await traffic.send({ requests: 300, over: '3s' })
 *   await traffic.expectNoFailures()
 */
export class Traffic {
  constructor(private readonly session: LoadBalancerSession) {}

  /**
   * Sends requests to a service (the one mentioned last unless named), spread over `over`, and waits for every answer.
   *
   * @example
   *   declare const traffic: Traffic
   *   await traffic.send({ service: 'checkout', requests: 200, over: '2s' })
   */
  async send(input: InputOf<typeof send>): Promise<void> {
    const run = this.begin(send.name, send.parse(input, { aliases: this.session.aliases }))
    await finished(run)
  }

  /**
   * Starts sending and returns at once; assertions wait for the last answer. Use `whileArriving` for what happens
   * meanwhile.
   *
   * @example
   *   import type { Swarm } from './swarm.ts'
   *   declare const traffic: Traffic, swarm: Swarm
   *   await traffic.start({ requests: 600, over: '6s' })
   *   await traffic.whileArriving(() => swarm.crash({ replica: 2 }))
   */
  async start(input: InputOf<typeof start>): Promise<void> {
    this.begin(start.name, start.parse(input, { aliases: this.session.aliases }))
  }

  /**
   * Runs `action` once a third of the traffic sent last has been sent, and
   * waits for it; the traffic goes on arriving.
   *
   * @example
   *   import type { Swarm } from './swarm.ts'
   *   declare const traffic: Traffic, swarm: Swarm
   *   await traffic.whileArriving(() => swarm.rollingUpdate({}))
   */
  async whileArriving(action: () => Promise<void>): Promise<void> {
    const run = this.session.traffic.at(-1)
    if (run?.running === undefined)
      throw new ConfigurationError(
        'whileArriving: no traffic is arriving; start some first, e.g. "When 300 requests arrive over 3 seconds"',
      )
    const { overMs = 0, startedAt = Date.now() } = run
    // The scenario's schedule, not a wait for the system: the fault lands a third of the way in.
    await delay(Math.max(0, startedAt + overMs / 3 - Date.now()))
    await action()
  }

  /**
   * Sends the same number of requests to each service at once and waits for every answer.
   *
   * @example
   *   declare const traffic: Traffic
   *   await traffic.sendToEach({ services: ['checkout', 'search'], requests: 100, over: '1s' })
   */
  async sendToEach(input: InputOf<typeof sendToEach>): Promise<void> {
    const args = sendToEach.parse(input, { aliases: this.session.aliases })
    const runs = args.services.map((name) =>
      this.begin(sendToEach.name, { service: name, requests: args.requests, over: args.over, oneAfterAnother: false }),
    )
    await Promise.all(runs.map(finished))
  }

  /**
   * One request the replica takes `lasting` to answer; returns once a replica
   * is answering it, which becomes "the busy replica".
   *
   * @example
   *   declare const traffic: Traffic
   *   await traffic.slowRequest({ lasting: '2s' })
   */
  async slowRequest(input: InputOf<typeof slowRequest>): Promise<void> {
    const args = slowRequest.parse(input, { aliases: this.session.aliases })
    const target = this.session.services.serviceOrCurrent(slowRequest.name, args.service, this.session.aliases)
    const running = this.session.drivers.traffic.start({
      host: target.host,
      requests: 1,
      overMs: 0,
      path: `/?delay=${args.lasting.milliseconds}`,
    })
    this.session.slowRequest = { service: target, running }
    let busy: string | undefined
    await this.session.drivers.admin.waitFor(
      `a replica of ${target.name} to be answering the slow request`,
      target.host,
      (views) => {
        busy = views.find((v) => v.inFlight > 0)?.name
        return busy !== undefined
      },
    )
    this.session.busyReplica = this.session.services.byContainerName(busy!)
  }

  /**
   * Every request sent in the scenario, including a slow one, was answered 2xx.
   *
   * @example
   *   declare const traffic: Traffic
   *   await traffic.expectNoFailures()
   *   // AssertionFailedError: 2 of 300 requests failed: #17 at 412 ms: 502 …
   */
  async expectNoFailures(): Promise<void> {
    const runs = [...this.session.traffic, ...(this.session.slowRequest ? [this.session.slowRequest] : [])]
    if (runs.length === 0) throw new ConfigurationError('expectNoFailures: no requests have been sent yet')
    const failed: string[] = []
    let total = 0
    for (const run of runs) {
      const record = await finished(run)
      total += record.responses.length
      failed.push(...failures(record).map((line) => `${run.service.name}: ${line}`))
    }
    if (failed.length > 0) {
      throw new AssertionFailedError(
        `${failed.length} of ${total} requests ` +
          `failed:\n${failed.slice(0, 20).join('\n')}${failed.length > 20 ? `\n… and ${failed.length - 20} more` : ''}`,
      )
    }
  }

  /**
   * Every replica of the service that ran throughout answered exactly `requests` of the last traffic.
   *
   * @example
   *   declare const traffic: Traffic
   *   await traffic.expectEachReplicaAnswers({ requests: 100 })
   */
  async expectEachReplicaAnswers(input: InputOf<typeof expectEachReplicaAnswers>): Promise<void> {
    const args = expectEachReplicaAnswers.parse(input, { aliases: this.session.aliases })
    const { run, record } = await this.session.lastTraffic(expectEachReplicaAnswers.name)
    const counts = countsByReplica(record)
    const replicas = run.service.replicas.filter((r) => r.state === 'running')
    const wrong = replicas.filter((r) => counts.get(r.container.name) !== args.requests)
    if (wrong.length > 0) {
      throw new AssertionFailedError(
        `expected each of ${replicas.length} replicas to answer ${args.requests} requests, but ` +
          `${describeCounts(replicas, counts)}`,
      )
    }
  }

  /**
   * The replica answered none of the last traffic (or none sent after it was crashed, stopped or terminated).
   *
   * @example
   *   declare const traffic: Traffic
   *   await traffic.expectNoneAnsweredBy({ replica: 2, onlyAfterItEnded: 'yes' })
   */
  async expectNoneAnsweredBy(input: InputOf<typeof expectNoneAnsweredBy>): Promise<void> {
    const args = expectNoneAnsweredBy.parse(input, { aliases: this.session.aliases })
    const { record } = await this.session.lastTraffic(expectNoneAnsweredBy.name)
    const target = this.session.services.serviceOrCurrent(expectNoneAnsweredBy.name, args.service, this.session.aliases)
    const replica = this.session.services.replica(expectNoneAnsweredBy.name, target, args.replica)
    if (args.onlyAfterItEnded && replica.endedAt === undefined) {
      throw new ConfigurationError(
        `expectNoneAnsweredBy: ${replica.container.name} has not been crashed, stopped or terminated in this scenario`,
      )
    }
    const from = args.onlyAfterItEnded ? replica.endedAt! : 0
    const answered = record.responses.filter(
      (r) => r.replica === replica.container.name && record.startedAtMs + r.sentAtMs >= from,
    )
    if (answered.length > 0) {
      throw new AssertionFailedError(
        `${replica.container.name} answered ${answered.length} ` +
          `request${answered.length === 1 ? '' : 's'}${args.onlyAfterItEnded ? ' sent after it ended' : ''}: ` +
          `${answered.slice(0, 5).map(describeResponse).join('; ')}`,
      )
    }
  }

  /**
   * A replica other than the busy one (see `slowRequest`) answered every request of the last traffic.
   *
   * @example
   *   declare const traffic: Traffic
   *   await traffic.expectAllAnsweredByAnotherThanTheBusyReplica()
   */
  async expectAllAnsweredByAnotherThanTheBusyReplica(): Promise<void> {
    const busy = this.session.busyReplica
    if (busy === undefined)
      throw new ConfigurationError(
        'expectAllAnsweredByAnotherThanTheBusyReplica: no replica is answering a slow request; send one first',
      )
    const { record } = await this.session.lastTraffic('expectAllAnsweredByAnotherThanTheBusyReplica')
    const byBusy = record.responses.filter((r) => r.replica === busy.container.name)
    const failed = failures(record)
    if (byBusy.length > 0 || failed.length > 0) {
      const what =
        byBusy.length > 0
          ? `the busy replica ${busy.container.name} answered ${byBusy.length}`
          : `${failed.length} failed`
      throw new AssertionFailedError(
        `expected another replica than ${busy.container.name} to answer all ${record.responses.length} ` +
          `requests, but ${what}\n${describeRecord(record)}`,
      )
    }
  }

  /**
   * The slow request was answered 2xx by the replica that was answering it.
   *
   * @example
   *   declare const traffic: Traffic
   *   await traffic.expectSlowRequestAnswered()
   */
  async expectSlowRequestAnswered(): Promise<void> {
    const run = this.session.slowRequest
    if (run === undefined)
      throw new ConfigurationError('expectSlowRequestAnswered: no slow request was sent; send one first')
    const [response] = (await finished(run)).responses
    const busy = this.session.busyReplica?.container.name
    if (response === undefined || response.status !== 200 || response.replica !== busy) {
      throw new AssertionFailedError(
        `the slow request was not answered by ${busy}: ` +
          `${response === undefined ? 'no response' : describeResponse(response)}`,
      )
    }
  }

  /**
   * Every request of the last traffic was answered 503 "service unavailable", with a Retry-After, naming the service.
   *
   * @example
   *   declare const traffic: Traffic
   *   await traffic.expectServiceUnavailable()
   */
  async expectServiceUnavailable(): Promise<void> {
    await this.expectEvery(
      'expectServiceUnavailable',
      'answered 503 with Retry-After, naming the service',
      (r, service) => r.status === 503 && r.retryAfter !== undefined && r.body.includes(`"${service.host}"`),
    )
  }

  /**
   * Every request of the last traffic was refused 404, naming the host asked for.
   *
   * @example
   *   declare const traffic: Traffic
   *   await traffic.expectRefusedAsNotFound()
   */
  async expectRefusedAsNotFound(): Promise<void> {
    await this.expectEvery(
      'expectRefusedAsNotFound',
      'refused 404, naming the host',
      (r, service) => r.status === 404 && r.body.includes(`"${service.host}"`),
    )
  }

  /**
   * Every request of every traffic run was answered by a replica of the service it was sent to.
   *
   * @example
   *   declare const traffic: Traffic
   *   await traffic.expectEachServiceAnsweredOnlyByItsOwnReplicas()
   */
  async expectEachServiceAnsweredOnlyByItsOwnReplicas(): Promise<void> {
    if (this.session.traffic.length === 0)
      throw new ConfigurationError('expectEachServiceAnsweredOnlyByItsOwnReplicas: no requests have been sent yet')
    const strays: string[] = []
    for (const run of this.session.traffic) {
      const own = new Set(run.service.replicas.map((r) => r.container.name as string))
      for (const response of (await finished(run)).responses) {
        if (response.replica === undefined || !own.has(response.replica))
          strays.push(`${run.service.name}: ${describeResponse(response)}`)
      }
    }
    if (strays.length > 0)
      throw new AssertionFailedError(
        `${strays.length} requests were not answered by their own service's ` +
          `replicas:\n${strays.slice(0, 10).join('\n')}`,
      )
  }

  /**
   * The given percentile of the last traffic's answer times is within the bound.
   *
   * @example
   *   declare const traffic: Traffic
   *   await traffic.expectLatency({ percentile: 99, within: '500ms' })
   */
  async expectLatency(input: InputOf<typeof expectLatency>): Promise<void> {
    const args = expectLatency.parse(input, { aliases: this.session.aliases })
    if (args.percentile < 1 || args.percentile > 100)
      throw new ConfigurationError(`expectLatency: percentile must be 1 to 100, not ${args.percentile}`)
    const { record } = await this.session.lastTraffic(expectLatency.name)
    const [value] = latencyPercentiles(record, [args.percentile])
    if (value === undefined || value > args.within.milliseconds) {
      throw new AssertionFailedError(
        `p${args.percentile} of the answer times was ` +
          `${value === undefined ? 'not measurable (no 2xx answers)' : `${value} ms`}, over ${args.within}`,
      )
    }
  }

  /**
   * The last `requests` requests sent were all answered by replicas of
   * `version` (the service's newest unless given).
   *
   * @example
   *   declare const traffic: Traffic
   *   await traffic.expectLastAnsweredByVersion({ requests: 50, version: 2 })
   *   await traffic.expectLastAnsweredByVersion({ requests: 50 }) // after a rolling update
   */
  async expectLastAnsweredByVersion(input: InputOf<typeof expectLastAnsweredByVersion>): Promise<void> {
    const args = expectLastAnsweredByVersion.parse(input, { aliases: this.session.aliases })
    const { run, record } = await this.session.lastTraffic(expectLastAnsweredByVersion.name)
    const version = args.version ?? run.service.version
    const versionOf = new Map(run.service.replicas.map((r) => [r.container.name as string, r.version]))
    const last = [...record.responses]
      .sort((a, b) => a.sentAtMs - b.sentAtMs || a.index - b.index)
      .slice(-args.requests)
    const others = last.filter((r) => r.replica === undefined || versionOf.get(r.replica) !== version)
    if (others.length > 0) {
      throw new AssertionFailedError(
        `${others.length} of the last ${last.length} requests were not answered by version ${version}: ` +
          `${others.slice(0, 5).map(describeResponse).join('; ')}`,
      )
    }
  }

  private begin(
    method: string,
    args: { service?: string | undefined; requests: number; over: { milliseconds: number }; oneAfterAnother: boolean },
  ): TrafficRun {
    const target = this.session.services.serviceOrCurrent(method, args.service, this.session.aliases)
    const overMs = args.over.milliseconds
    const running = this.session.drivers.traffic.start({
      host: target.host,
      requests: args.requests,
      overMs,
      ...(args.oneAfterAnother ? { maxInFlight: 1 } : {}),
    })
    const run: TrafficRun = { service: target, running, overMs, startedAt: Date.now() }
    this.session.traffic.push(run)
    return run
  }

  private async expectEvery(
    method: string,
    what: string,
    holds: (response: ResponseRecord, service: ServiceRecord) => boolean,
  ): Promise<void> {
    const { run, record } = await this.session.lastTraffic(method)
    const not = record.responses.filter((r) => !holds(r, run.service))
    if (not.length > 0)
      throw new AssertionFailedError(
        `${not.length} of ${record.responses.length} requests were not ${what}: ` +
          `${not.slice(0, 5).map(describeResponse).join('; ')}`,
      )
  }
}

function describeResponse(response: ResponseRecord): string {
  const outcome = response.error ?? `${response.status} ${response.body.trim().slice(0, 120)}`.trimEnd()
  return `#${response.index} at ${Math.round(response.sentAtMs)} ms → ${response.replica ?? 'no replica'}: ${outcome}`
}

function describeCounts(replicas: readonly ReplicaRecord[], counts: ReadonlyMap<string, number>): string {
  return replicas.map((r) => `${r.container.name} answered ${counts.get(r.container.name) ?? 0}`).join(', ')
}

export type { TrafficRecord }
