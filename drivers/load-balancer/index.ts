// The load-balancer domain's drivers: what its DSL (dsl/load-balancer) may use.
export { loadBalancerChannels, type LoadBalancerDrivers } from './channels.ts'
export { SwarmDriver, daemonTarget, type ReplicaSpec, type StartedReplica } from './swarm/swarm-driver.ts'
export { TrafficDriver, type TrafficRequest } from './traffic-driver.ts'
export {
  BalancerAdmin,
  describeReplicas,
  replicasIn,
  type BalancerStatus,
  type ReplicaView,
} from './balancer/balancer-admin.ts'
export { startPrivateStack, stackVariables, type PrivateStack } from './stack/private-stack.ts'
export * from './traffic/index.ts'
