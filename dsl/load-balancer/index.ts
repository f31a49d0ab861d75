// The load-balancer domain's language: what its step glue (specs/load-balancer/steps) uses.
export { LoadBalancerDsl, loadBalancer } from './load-balancer-dsl.ts'
export type { LoadBalancerDeps, LoadBalancerWorld, Strategy } from './load-balancer-session.ts'
