import { Given, When } from '@cucumber/cucumber'
import type { ParlanceWorld } from '../../../dsl/index.ts'
import { settlement } from '../../../dsl/settlement/index.ts'

// Starting, killing and restarting an engine takes seconds, not milliseconds.

Given("a settlement engine of the scenario's own", function (this: ParlanceWorld) {
  return this.use(settlement).engine.runPrivately()
})

When('the engine crashes', function (this: ParlanceWorld) {
  return this.use(settlement).engine.crash()
})

When('the engine is restarted', function (this: ParlanceWorld) {
  return this.use(settlement).engine.restart()
})
