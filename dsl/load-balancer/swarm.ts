import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { firstAnsweredBy, type ReplicaView } from '../../drivers/load-balancer/index.ts'
import { dslMethod, type InputOf } from '../core/params/dsl-method.ts'
import { boolean, duration, integer, oneOf, string } from '../core/params/param-kinds.ts'
import type { LoadBalancerSession } from './load-balancer-session.ts'
import type { ReplicaRecord, ServiceRecord } from './service-book.ts'

/** How long the load balancer may take to see a change before the scenario gives up on it. */
const seenWithinMs = 10_000
/** Probe requests sent per round while waiting for a new replica's first answer. */
const probeBatch = 4

const service = string({ optional: true })
const deploy = dslMethod('deploy', { service: string(), replicas: integer(), healthChecks: boolean({ default: 'no' }) })
const scale = dslMethod('scale', { service, replicas: integer() })
const addReplica = dslMethod('addReplica', { service, health: oneOf(['none', 'starting'], { default: 'none' }) })
const onReplica = { service, replica: integer() }
const crash = dslMethod('crash', onReplica)
const terminate = dslMethod('terminate', onReplica)
const stop = dslMethod('stop', { service, replica: integer({ optional: true }) })
const markUnhealthy = dslMethod('markUnhealthy', onReplica)
const markHealthy = dslMethod('markHealthy', onReplica)
const rollingUpdate = dslMethod('rollingUpdate', { service })
const expectReceivesTraffic = dslMethod('expectReceivesTraffic', { service, replica: integer(), within: duration() })

/**
 * The swarm: services deployed as replicas on the Docker daemon, scaled,
 * updated, and broken. Each change waits until the load balancer has seen
 * it (its admin view), with a deadline, never a fixed sleep.
 *
 * @example
 *   declare const swarm: Swarm
 *   await swarm.deploy({ service: 'checkout', replicas: 3 })
 *   await swarm.crash({ replica: 2 }) // replica 2 of the checkout service, kill -9
 */
export class Swarm {
  constructor(private readonly session: LoadBalancerSession) {}

  /**
   * Starts `replicas` replicas of a service and waits until the load balancer routes to every one.
   *
   * @example
   *   declare const swarm: Swarm
   *   await swarm.deploy({ service: 'checkout', replicas: 3, healthChecks: 'yes' })
   *   // ConfigurationError: deploy: replicas must be 1 to 20, not 0
   */
  async deploy(input: InputOf<typeof deploy>): Promise<void> {
    const args = deploy.parse(input, { aliases: this.session.aliases })
    checkCount(deploy.name, args.replicas, 1)
    const target = this.session.services.service(args.service, this.session.aliases)
    target.healthChecks = args.healthChecks
    await this.startReplicas(target, args.replicas, args.healthChecks ? 'healthy' : 'none')
  }

  /**
   * Scales a service up (new replicas, numbered on) or down (the newest running ones stop).
   *
   * @example
   *   declare const swarm: Swarm
   *   await swarm.scale({ service: 'checkout', replicas: 5 })
   */
  async scale(input: InputOf<typeof scale>): Promise<void> {
    const args = scale.parse(input, { aliases: this.session.aliases })
    checkCount(scale.name, args.replicas, 0)
    const target = this.serviceOf(scale.name, args.service)
    const running = target.replicas.filter((r) => r.state === 'running')
    if (args.replicas > running.length) {
      await this.startReplicas(target, args.replicas - running.length, target.healthChecks ? 'healthy' : 'none')
    } else {
      for (const replica of running.slice(args.replicas).reverse()) await this.stopAndWait(target, replica)
    }
  }

  /**
   * Starts one more replica; with `health: starting` its health check has not passed yet, so it must get no traffic.
   *
   * @example
   *   declare const swarm: Swarm
   *   await swarm.addReplica({ health: 'starting' })
   */
  async addReplica(input: InputOf<typeof addReplica>): Promise<void> {
    const args = addReplica.parse(input, { aliases: this.session.aliases })
    const target = this.serviceOf(addReplica.name, args.service)
    if (args.health === 'none') return this.startReplicas(target, 1, 'none')
    const [replica] = await this.launch(target, 1, 'starting')
    await this.session.drivers.admin.waitFor(
      `the load balancer to know ${replica!.container.name}, not yet healthy`,
      target.host,
      (views) => views.some((v) => v.name === replica!.container.name && !v.healthy),
    )
  }

  /**
   * kill -9 to a replica's process, without a word to the daemon or the load balancer.
   *
   * @example
   *   declare const swarm: Swarm
   *   await swarm.crash({ service: 'checkout', replica: 2 })
   */
  async crash(input: InputOf<typeof crash>): Promise<void> {
    const { replica } = this.replicaOf(crash.name, crash.parse(input, { aliases: this.session.aliases }))
    await this.session.drivers.swarm.crash(replica.container)
    ended(replica, 'crashed')
  }

  /**
   * SIGTERM to a replica's process: it stops by itself, finishing what it is
   * answering. It has ended once its process has exited, not when the signal
   * was sent: until it acts on the signal a process still answers what reaches it.
   *
   * @example
   *   declare const swarm: Swarm
   *   await swarm.terminate({ replica: 1 })
   */
  async terminate(input: InputOf<typeof terminate>): Promise<void> {
    const { replica } = this.replicaOf(terminate.name, terminate.parse(input, { aliases: this.session.aliases }))
    await this.session.drivers.swarm.terminate(replica.container)
    ended(replica, 'stopped')
  }

  /**
   * `docker stop` of a replica (the one answering the slow request when no
   * number is given); returns once the load balancer drains it, while the
   * stop itself goes on.
   *
   * @example
   *   declare const swarm: Swarm
   *   await swarm.stop({ replica: 1 })
   *   await swarm.stop({}) // the replica answering the scenario's slow request
   */
  async stop(input: InputOf<typeof stop>): Promise<void> {
    const args = stop.parse(input, { aliases: this.session.aliases })
    const target = this.serviceOf(stop.name, args.service)
    const replica =
      args.replica === undefined
        ? this.busyReplica(stop.name)
        : this.session.services.replica(stop.name, target, args.replica)
    const stopping = this.session.drivers.swarm.stop(replica.container)
    replica.state = 'stopping'
    replica.endedAt = Date.now()
    void stopping.then(() => (replica.state = 'stopped')).catch(() => {})
    await this.session.drivers.admin.waitFor(
      `the load balancer to stop sending new requests to ${replica.container.name}`,
      target.host,
      (views) => views.every((v) => v.name !== replica.container.name || v.draining),
    )
  }

  /**
   * The replica's health check fails from now on; returns once the load balancer has seen it.
   *
   * @example
   *   declare const swarm: Swarm
   *   await swarm.markUnhealthy({ replica: 2 })
   */
  async markUnhealthy(input: InputOf<typeof markUnhealthy>): Promise<void> {
    const { target, replica } = this.replicaOf(
      markUnhealthy.name,
      markUnhealthy.parse(input, { aliases: this.session.aliases }),
    )
    await this.session.drivers.swarm.setHealth(replica.container, 'unhealthy')
    await this.session.drivers.admin.waitFor(
      `the load balancer to see ${replica.container.name} unhealthy`,
      target.host,
      (views) => views.some((v) => v.name === replica.container.name && !v.healthy),
    )
  }

  /**
   * The replica's health check passes from now on (the moment is kept for `expectReceivesTraffic`).
   *
   * @example
   *   declare const swarm: Swarm
   *   await swarm.markHealthy({ replica: 3 })
   */
  async markHealthy(input: InputOf<typeof markHealthy>): Promise<void> {
    const { replica } = this.replicaOf(markHealthy.name, markHealthy.parse(input, { aliases: this.session.aliases }))
    await this.session.drivers.swarm.setHealth(replica.container, 'healthy')
    replica.startedAt = Date.now()
  }

  /**
   * Replaces every running replica with one of the next version, one at a
   * time: start the new one, wait until it is routed to, stop the old one and
   * wait until it is gone.
   *
   * @example
   *   declare const swarm: Swarm
   *   await swarm.rollingUpdate({ service: 'checkout' }) // replicas 1-3 (version 1) → 4-6 (version 2)
   */
  async rollingUpdate(input: InputOf<typeof rollingUpdate>): Promise<void> {
    const args = rollingUpdate.parse(input, { aliases: this.session.aliases })
    const target = this.serviceOf(rollingUpdate.name, args.service)
    const old = target.replicas.filter((r) => r.state === 'running')
    if (old.length === 0)
      throw new ConfigurationError(`rollingUpdate: the ${target.name} service has no running replica to replace`)
    target.version += 1
    for (const replica of old) {
      await this.startReplicas(target, 1, target.healthChecks ? 'healthy' : 'none')
      await this.stopAndWait(target, replica)
    }
    this.session.world.driverContext.log(`rolling update of ${target.name} to version ${target.version} done`)
  }

  /**
   * Sends probe requests until the replica answers one; fails if its first
   * answer comes later than `within` after it started (or became healthy).
   *
   * @example
   *   declare const swarm: Swarm
   *   await swarm.expectReceivesTraffic({ replica: 4, within: '2s' })
   */
  async expectReceivesTraffic(input: InputOf<typeof expectReceivesTraffic>): Promise<void> {
    const args = expectReceivesTraffic.parse(input, { aliases: this.session.aliases })
    const { target, replica } = this.replicaOf(expectReceivesTraffic.name, args)
    const withinMs = args.within.milliseconds
    const deadline = replica.startedAt + withinMs
    for (;;) {
      const record = await this.session.drivers.traffic.send({ host: target.host, requests: probeBatch, overMs: 20 })
      const first = firstAnsweredBy(record, replica.container.name)
      if (first !== undefined) {
        const tookMs = record.startedAtMs + first.sentAtMs + first.latencyMs - replica.startedAt
        if (tookMs <= withinMs) return
        throw new AssertionFailedError(
          `expectReceivesTraffic: ${replica.container.name} answered its first request ${tookMs} ms after it ` +
            `started, later than ${args.within}`,
        )
      }
      if (Date.now() > deadline) {
        throw new AssertionFailedError(
          `expectReceivesTraffic: ${replica.container.name} answered none of the requests sent in the ` +
            `${args.within} after it started`,
        )
      }
    }
  }

  private busyReplica(method: string): ReplicaRecord {
    const busy = this.session.busyReplica
    if (busy === undefined)
      throw new ConfigurationError(
        `${method}: no replica is answering a slow request; give the replica's number, or send a slow request first`,
      )
    return busy
  }

  private serviceOf(method: string, name: string | undefined): ServiceRecord {
    return this.session.services.serviceOrCurrent(method, name, this.session.aliases)
  }

  private replicaOf(
    method: string,
    args: { service?: string | undefined; replica: number },
  ): { target: ServiceRecord; replica: ReplicaRecord } {
    const target = this.serviceOf(method, args.service)
    return { target, replica: this.session.services.replica(method, target, args.replica) }
  }

  // Starts the replicas, marks them healthy if they have health checks, and waits until all are routed to.
  private async startReplicas(target: ServiceRecord, count: number, health: 'none' | 'healthy'): Promise<void> {
    const started = await this.launch(target, count, health === 'none' ? 'none' : 'starting')
    if (health === 'healthy')
      for (const replica of started) await this.session.drivers.swarm.healthCheckPasses(replica.container)
    const names = new Set(started.map((r) => r.container.name as string))
    await this.session.drivers.admin.waitFor(
      `the load balancer to route to ${[...names].join(', ')}`,
      target.host,
      (views) => routable(views, names),
    )
  }

  private async launch(target: ServiceRecord, count: number, health: 'none' | 'starting'): Promise<ReplicaRecord[]> {
    const started: ReplicaRecord[] = []
    for (let i = 0; i < count; i++) {
      const number = (target.replicas.at(-1)?.number ?? 0) + 1
      const name = this.session.services.replicaName(target, number, this.session.aliases)
      const container = await this.session.drivers.swarm.startReplica({
        name,
        host: target.host,
        health,
        version: String(target.version),
      })
      const replica: ReplicaRecord = {
        number,
        container,
        version: target.version,
        state: 'running',
        startedAt: Date.now(),
      }
      target.replicas.push(replica)
      started.push(replica)
    }
    return started
  }

  private async stopAndWait(target: ServiceRecord, replica: ReplicaRecord): Promise<void> {
    replica.state = 'stopping'
    replica.endedAt = Date.now()
    await this.session.drivers.swarm.stop(replica.container)
    replica.state = 'stopped'
    await this.session.drivers.admin.waitFor(
      `the load balancer to forget ${replica.container.name}`,
      target.host,
      (views) => views.every((v) => v.name !== replica.container.name),
      seenWithinMs,
    )
  }
}

function routable(views: readonly ReplicaView[], names: ReadonlySet<string>): boolean {
  const ready = views.filter((v) => names.has(v.name) && v.healthy && !v.draining && !v.paused)
  return ready.length === names.size
}

function ended(replica: ReplicaRecord, state: 'crashed' | 'stopped'): void {
  replica.state = state
  replica.endedAt = Date.now()
}

function checkCount(method: string, count: number, min: number): void {
  if (count < min || count > 20) throw new ConfigurationError(`${method}: replicas must be ${min} to 20, not ${count}`)
}
