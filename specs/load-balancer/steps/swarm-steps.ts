import { Given, When } from '@cucumber/cucumber'
import type { ParlanceWorld } from '../../../dsl/index.ts'
import { loadBalancer } from '../../../dsl/load-balancer/index.ts'

// Starting replicas and waiting for the load balancer to see them takes seconds on a busy machine.

Given('the {word} service runs {int} replica(s)', function (this: ParlanceWorld, service: string, replicas: number) {
  return this.use(loadBalancer).swarm.deploy({ service, replicas })
})

Given(
  'the {word} service runs {int} replica(s) with health checks',
  function (this: ParlanceWorld, service: string, replicas: number) {
    return this.use(loadBalancer).swarm.deploy({ service, replicas, healthChecks: true })
  },
)

When(
  'the {word} service is deployed with {int} replica(s)',
  function (this: ParlanceWorld, service: string, replicas: number) {
    return this.use(loadBalancer).swarm.deploy({ service, replicas })
  },
)

Given(
  'the {word} service is scaled to {int} replica(s)',
  function (this: ParlanceWorld, service: string, replicas: number) {
    return this.use(loadBalancer).swarm.scale({ service, replicas })
  },
)

Given('a new replica starts with a health check that has not passed yet', function (this: ParlanceWorld) {
  return this.use(loadBalancer).swarm.addReplica({ health: 'starting' })
})

When('replica {int} crashes', function (this: ParlanceWorld, replica: number) {
  return this.use(loadBalancer).swarm.crash({ replica })
})

When('replica {int} is stopped', function (this: ParlanceWorld, replica: number) {
  return this.use(loadBalancer).swarm.stop({ replica })
})

When('the replica answering it is stopped', function (this: ParlanceWorld) {
  return this.use(loadBalancer).swarm.stop({})
})

When('replica {int} becomes unhealthy', function (this: ParlanceWorld, replica: number) {
  return this.use(loadBalancer).swarm.markUnhealthy({ replica })
})

When('replica {int} becomes healthy', function (this: ParlanceWorld, replica: number) {
  return this.use(loadBalancer).swarm.markHealthy({ replica })
})

When('replica {int} crashes while they arrive', function (this: ParlanceWorld, replica: number) {
  const { swarm, traffic } = this.use(loadBalancer)
  return traffic.whileArriving(() => swarm.crash({ replica }))
})

When('replica {int} is terminated while they arrive', function (this: ParlanceWorld, replica: number) {
  const { swarm, traffic } = this.use(loadBalancer)
  return traffic.whileArriving(() => swarm.terminate({ replica }))
})

When(
  'the {word} service is updated, one replica at a time, while they arrive',
  function (this: ParlanceWorld, service: string) {
    const { swarm, traffic } = this.use(loadBalancer)
    return traffic.whileArriving(() => swarm.rollingUpdate({ service }))
  },
)
