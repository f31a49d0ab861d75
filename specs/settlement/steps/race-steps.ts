import { Given, Then, When, type DataTable } from '@cucumber/cucumber'
import type { Odds, ParlanceWorld } from '../../../dsl/index.ts'
import { settlement } from '../../../dsl/settlement/index.ts'

Given('a race with {int} runners', function (this: ParlanceWorld, fieldSize: number) {
  return this.use(settlement).events.schedule({ fieldSize })
})

Given('a handicap with {int} runners', function (this: ParlanceWorld, fieldSize: number) {
  return this.use(settlement).events.schedule({ fieldSize, handicap: true })
})

Given('a race with the runners {horses}', function (this: ParlanceWorld, runners: string[]) {
  return this.use(settlement).events.schedule({ runners })
})

Given('these races:', function (this: ParlanceWorld, races: DataTable) {
  return this.use(settlement).events.scheduleAll(races)
})

When('{horse} is withdrawn at {odds}', function (this: ParlanceWorld, runner: string, price: Odds) {
  return this.use(settlement).events.withdraw({ runner, price })
})

When(
  '{horse} is withdrawn at {odds} too late to form a new market',
  function (this: ParlanceWorld, runner: string, price: Odds) {
    return this.use(settlement).events.withdraw({ runner, price, late: true })
  },
)

Then(
  'the Rule 4 deduction for {horse} is {int}p in the pound',
  function (this: ParlanceWorld, runner: string, pence: number) {
    this.use(settlement).events.expectDeduction({ runner, pence })
  },
)
