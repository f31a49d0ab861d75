import { Given, When } from '@cucumber/cucumber'
import type { ParlanceWorld } from '../../../dsl/index.ts'
import { loadBalancer } from '../../../dsl/load-balancer/index.ts'

// Starting replicas and waiting for the load balancer to see them takes seconds on a busy machine.
const timeout = 30_000

Given('the {word} service runs {int} replica(s)', { timeout }, function (this: ParlanceWorld, service: string, replicas: number) {
  return this.use(loadBalancer).swarm.deploy({ service, replicas })
})

Given('the {word} service runs {int} replica(s) with health checks', { timeout }, function (this: ParlanceWorld, service: string, replicas: number) {
  return this.use(loadBalancer).swarm.deploy({ service, replicas, healthChecks: true })
})

When('the {word} service is deployed with {int} replica(s)', { timeout }, function (this: ParlanceWorld, service: string, replicas: number) {
  return this.use(loadBalancer).swarm.deploy({ service, replicas })
})

Given('the {word} service is scaled to {int} replica(s)', { timeout }, function (this: ParlanceWorld, service: string, replicas: number) {
  return this.use(loadBalancer).swarm.scale({ service, replicas })
})

Given('a new replica starts with a health check that has not passed yet', { timeout }, function (this: ParlanceWorld) {
  return this.use(loadBalancer).swarm.addReplica({ health: 'starting' })
})

When('replica {int} crashes', { timeout }, function (this: ParlanceWorld, replica: number) {
  return this.use(loadBalancer).swarm.crash({ replica })
})

When('replica {int} is stopped', { timeout }, function (this: ParlanceWorld, replica: number) {
  return this.use(loadBalancer).swarm.stop({ replica })
})

When('the replica answering it is stopped', { timeout }, function (this: ParlanceWorld) {
  return this.use(loadBalancer).swarm.stop({})
})

When('replica {int} becomes unhealthy', { timeout }, function (this: ParlanceWorld, replica: number) {
  return this.use(loadBalancer).swarm.markUnhealthy({ replica })
})

When('replica {int} becomes healthy', { timeout }, function (this: ParlanceWorld, replica: number) {
  return this.use(loadBalancer).swarm.markHealthy({ replica })
})

When('replica {int} crashes while they arrive', { timeout }, function (this: ParlanceWorld, replica: number) {
  const { swarm, traffic } = this.use(loadBalancer)
  return traffic.whileArriving(() => swarm.crash({ replica }))
})

When('replica {int} is terminated while they arrive', { timeout }, function (this: ParlanceWorld, replica: number) {
  const { swarm, traffic } = this.use(loadBalancer)
  return traffic.whileArriving(() => swarm.terminate({ replica }))
})

When('the {word} service is updated, one replica at a time, while they arrive', { timeout: 60_000 }, function (this: ParlanceWorld, service: string) {
  const { swarm, traffic } = this.use(loadBalancer)
  return traffic.whileArriving(() => swarm.rollingUpdate({ service }))
})
