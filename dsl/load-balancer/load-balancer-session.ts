import type { DriverContext } from '../../drivers/core/driver-context.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import type {
  LoadBalancerDrivers,
  PrivateStack,
  RunningTraffic,
  TrafficRecord,
} from '../../drivers/load-balancer/index.ts'
import type { AliasTable } from '../core/aliases/index.ts'
import { ServiceBook, type ReplicaRecord, type ServiceRecord } from './service-book.ts'

/**
 * What the load-balancer DSL needs of the scenario: its aliases and the
 * context its drivers get. A ParlanceWorld is one.
 *
 * @example
 *   declare const driverContext: DriverContext
 *   const world: LoadBalancerWorld = { aliases: new AliasTable(), driverContext } // or a ParlanceWorld
 */
export interface LoadBalancerWorld {
  readonly aliases: AliasTable
  readonly driverContext: DriverContext
}

/** The balancing strategies a load balancer of the scenario's own can use. */
export type Strategy = 'round-robin' | 'least-connections'

/**
 * How the DSL reaches the system: the channel's drivers, and a private
 * daemon and load balancer for what must not touch the shared ones.
 *
 * @example
 *   import { loadBalancerChannels, startPrivateStack } from '../../drivers/load-balancer/index.ts'
 *   const deps: LoadBalancerDeps = { makeDrivers: (ctx) => loadBalancerChannels.create(ctx), startPrivateStack }
 */
export interface LoadBalancerDeps {
  makeDrivers(ctx: DriverContext): LoadBalancerDrivers
  startPrivateStack(
    ctx: DriverContext,
    options: { strategy: Strategy; daemon?: 'own' | 'shared' },
  ): Promise<PrivateStack>
}

/** Traffic the scenario sent or is sending, with the service it went to. */
export interface TrafficRun {
  service: ServiceRecord
  /** Set while the traffic is still arriving. */
  running?: RunningTraffic
  record?: TrafficRecord
  /** When it started (epoch ms) and over how many ms it is spread: where `whileArriving` lands. */
  startedAt?: number
  overMs?: number
}

/**
 * One scenario's load-balancer state, shared by the DSL's classes: its
 * services and replicas, its traffic, and its drivers — made on first use,
 * so that a scenario may first ask for a load balancer of its own.
 *
 * @example
 *   import type { ReplicaSpec } from '../../drivers/load-balancer/index.ts'
 *   declare const world: LoadBalancerWorld, deps: LoadBalancerDeps, spec: ReplicaSpec
 *   const session = new LoadBalancerSession(world, deps)
 *   await session.drivers.swarm.startReplica(spec) // the channel's drivers, made on first use
 */
export class LoadBalancerSession {
  readonly services = new ServiceBook()
  readonly traffic: TrafficRun[] = []
  /** The replica answering the scenario's slow request, once there is one. */
  busyReplica: ReplicaRecord | undefined
  slowRequest: TrafficRun | undefined
  private made: LoadBalancerDrivers | undefined
  private stack: PrivateStack | undefined

  constructor(
    readonly world: LoadBalancerWorld,
    private readonly deps: LoadBalancerDeps,
  ) {}

  get aliases(): AliasTable {
    return this.world.aliases
  }

  /** The drivers of the scenario's channel, pointing at the private stack once there is one. */
  get drivers(): LoadBalancerDrivers {
    const ctx = this.stack ? this.stack.context(this.world.driverContext) : this.world.driverContext
    this.made ??= this.deps.makeDrivers(ctx)
    return this.made
  }

  /** Whether the scenario runs on a daemon (and load balancer) of its own. */
  get isPrivate(): boolean {
    return this.stack?.ownDaemon === true
  }

  /**
   * Starts a load balancer of the scenario's own, on a daemon of its own too
   * unless `daemon` is `shared`; the drivers, made later, use them.
   */
  async startPrivateStack(method: string, strategy: Strategy, daemon: 'own' | 'shared' = 'own'): Promise<void> {
    if (this.stack)
      throw new ConfigurationError(`${method}: the scenario already has a load balancer of its own; start it once`)
    if (this.made)
      throw new ConfigurationError(
        `${method}: the scenario has already used the shared load balancer; start one of its own before anything else`,
      )
    this.stack = await this.deps.startPrivateStack(this.world.driverContext, { strategy, daemon })
  }

  /** The traffic sent last, finished: waits for it if it is still arriving. */
  async lastTraffic(method: string): Promise<{ run: TrafficRun; record: TrafficRecord }> {
    const run = this.traffic.at(-1)
    if (run === undefined)
      throw new ConfigurationError(
        `${method}: no requests have been sent yet; send some first, e.g. "When 100 requests arrive over 1 second"`,
      )
    return { run, record: await finished(run) }
  }
}

/** The run's record, once every request in it has an outcome. */
export async function finished(run: TrafficRun): Promise<TrafficRecord> {
  if (run.record === undefined) {
    run.record = await run.running!.done
    delete run.running
  }
  return run.record
}
