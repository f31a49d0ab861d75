import { Given, When } from '@cucumber/cucumber'
import type { ParlanceWorld } from '../../../dsl/index.ts'
import { loadBalancer } from '../../../dsl/load-balancer/index.ts'

// Starting a daemon and a load balancer, or restarting one, takes seconds on a busy machine.
const timeout = 30_000

Given("a Docker daemon and load balancer of the scenario's own", { timeout }, function (this: ParlanceWorld) {
  return this.use(loadBalancer).daemon.runPrivately({})
})

Given("a Docker daemon and load balancer of the scenario's own, balancing by least connections", { timeout }, function (this: ParlanceWorld) {
  return this.use(loadBalancer).daemon.runPrivately({ strategy: 'least-connections' })
})

When('the Docker daemon restarts while they arrive', { timeout }, function (this: ParlanceWorld) {
  const { daemon, traffic } = this.use(loadBalancer)
  return traffic.whileArriving(() => daemon.restart({ down: '1s' }))
})

When("the load balancer loses the Docker daemon's events for {period}", { timeout }, function (this: ParlanceWorld, period: string) {
  return this.use(loadBalancer).daemon.dropEvents({ for: period })
})
