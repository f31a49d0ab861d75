import { Given, When } from '@cucumber/cucumber'
import type { ParlanceWorld } from '../../../dsl/index.ts'
import { settlement } from '../../../dsl/settlement/index.ts'

// Starting, killing and restarting an engine takes seconds, not milliseconds.
const timeout = 30_000

Given("a settlement engine of the scenario's own", { timeout }, function (this: ParlanceWorld) {
  return this.use(settlement).engine.runPrivately()
})

When('the engine crashes', { timeout }, function (this: ParlanceWorld) {
  return this.use(settlement).engine.crash()
})

When('the engine is restarted', { timeout }, function (this: ParlanceWorld) {
  return this.use(settlement).engine.restart()
})
