import { Given, When } from '@cucumber/cucumber'
import type { ParlanceWorld } from '../../../dsl/index.ts'
import { loadBalancer } from '../../../dsl/load-balancer/index.ts'

// Starting a daemon and a load balancer, or restarting one, takes seconds on a busy machine.

Given("a Docker daemon and load balancer of the scenario's own", function (this: ParlanceWorld) {
  return this.use(loadBalancer).daemon.runPrivately({})
})

// Only the load balancer: the strategy is the load balancer's, and a real Docker host has one daemon to share.
Given("a load balancer of the scenario's own, balancing by least connections", function (this: ParlanceWorld) {
  return this.use(loadBalancer).daemon.runBalancerPrivately({ strategy: 'least-connections' })
})

When('the Docker daemon restarts while they arrive', function (this: ParlanceWorld) {
  const { daemon, traffic } = this.use(loadBalancer)
  return traffic.whileArriving(() => daemon.restart({ down: '1s' }))
})

When("the load balancer loses the Docker daemon's events for {period}", function (this: ParlanceWorld, period: string) {
  return this.use(loadBalancer).daemon.dropEvents({ for: period })
})
