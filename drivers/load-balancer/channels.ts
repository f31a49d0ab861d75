import { defineChannels } from '../core/channels.ts'
import type { DriverContext } from '../core/driver-context.ts'
import { BalancerAdmin } from './balancer/balancer-admin.ts'
import { SwarmDriver } from './swarm/swarm-driver.ts'
import { TrafficDriver } from './traffic-driver.ts'

/**
 * What a load-balancer scenario drives: the Docker daemon its replicas run
 * on, client traffic through the load balancer, and the load balancer's
 * admin view (to wait on, not to judge by).
 *
 * @example
 *   declare const ctx: DriverContext
 *   const { swarm, traffic, admin } = loadBalancerChannels.create(ctx)
 */
export interface LoadBalancerDrivers {
  swarm: SwarmDriver
  traffic: TrafficDriver
  admin: BalancerAdmin
}

/**
 * The load balancer's channel: HTTP, as its clients reach it, with the Docker
 * Engine API behind it.
 *
 * @example
 *   loadBalancerChannels.names // ['http']
 */
export const loadBalancerChannels = defineChannels<LoadBalancerDrivers>('load-balancer', {
  http: (ctx: DriverContext) => ({
    swarm: new SwarmDriver(ctx),
    traffic: new TrafficDriver(ctx),
    admin: new BalancerAdmin(ctx.systemUrl('LB_ADMIN_URL')),
  }),
})
