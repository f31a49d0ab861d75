import { loadBalancerChannels, startPrivateStack } from '../../drivers/load-balancer/index.ts'
import { Daemon } from './daemon.ts'
import { LoadBalancerSession, type LoadBalancerDeps, type LoadBalancerWorld } from './load-balancer-session.ts'
import { Swarm } from './swarm.ts'
import { Traffic } from './traffic.ts'

/**
 * The load balancer's domain language: services deployed, scaled, updated
 * and broken on a Docker daemon (`swarm`), the daemon itself (`daemon`), and
 * clients' traffic with what it saw (`traffic`). One per scenario.
 *
 * @example
 *   declare const world: LoadBalancerWorld
 *   const dsl = new LoadBalancerDsl(world, {
 *     makeDrivers: (ctx) => loadBalancerChannels.create(ctx),
 *     startPrivateStack,
 *   })
 *   await dsl.swarm.deploy({ service: 'checkout', replicas: 3 })
 *   await dsl.traffic.send({ requests: 300, over: '2s' })
 */
export class LoadBalancerDsl {
  readonly swarm: Swarm
  readonly daemon: Daemon
  readonly traffic: Traffic

  constructor(world: LoadBalancerWorld, deps: LoadBalancerDeps) {
    const session = new LoadBalancerSession(world, deps)
    this.swarm = new Swarm(session)
    this.daemon = new Daemon(session)
    this.traffic = new Traffic(session)
  }
}

/**
 * The scenario's load-balancer DSL, for `world.use`.
 *
 * @example
 *   import { Given } from '@cucumber/cucumber'
 *   import type { ParlanceWorld } from '../core/cucumber/parlance-world.ts'
 *   Given('the {word} service runs {int} replicas', function (this: ParlanceWorld, service: string, replicas: number) {
 *     return this.use(loadBalancer).swarm.deploy({ service, replicas })
 *   })
 */
export function loadBalancer(world: LoadBalancerWorld): LoadBalancerDsl {
  return new LoadBalancerDsl(world, { makeDrivers: (ctx) => loadBalancerChannels.create(ctx), startPrivateStack })
}
