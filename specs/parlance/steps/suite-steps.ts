import { When } from '@cucumber/cucumber'
import type { ParlanceWorld } from '../../../dsl/index.ts'
import { parlance, suiteStepTimeoutMs } from '../../../dsl/parlance/index.ts'

const timeout = suiteStepTimeoutMs

When("the project's acceptance suite runs", { timeout }, function (this: ParlanceWorld) {
  return this.use(parlance).suite.run()
})

When(
  "the project's acceptance suite runs with {int} workers",
  { timeout },
  function (this: ParlanceWorld, workers: number) {
    return this.use(parlance).suite.run({ workers })
  },
)

When(
  "the project's acceptance suite runs twice against the deployed system",
  { timeout },
  function (this: ParlanceWorld) {
    return this.use(parlance).suite.run({ times: 2, against: 'the deployed system' })
  },
)
