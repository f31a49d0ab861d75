import { Then } from '@cucumber/cucumber'
import type { ParlanceWorld } from '../../../dsl/index.ts'
import { parlance } from '../../../dsl/parlance/index.ts'

Then('the system was started once', function (this: ParlanceWorld) {
  return this.use(parlance).system.expectStarts({ times: 1 })
})

Then('the system received no request', function (this: ParlanceWorld) {
  return this.use(parlance).system.expectNoRequests()
})

Then(
  /^the system knew (\S+) (?:by a different name in every scenario|only by her scenario's own name)$/,
  function (this: ParlanceWorld, customer: string) {
    return this.use(parlance).system.expectOwnNames({ customer })
  },
)

Then('no process of the project is left', { timeout: 10_000 }, function (this: ParlanceWorld) {
  return this.use(parlance).processes.expectNoneLeft()
})
