import { When, type DataTable } from '@cucumber/cucumber'
import type { Odds, ParlanceWorld } from '../../../dsl/index.ts'
import { settlement } from '../../../dsl/settlement/index.ts'

When('{horse} wins', function (this: ParlanceWorld, runner: string) {
  return this.use(settlement).results.finish({ runner })
})

When('{horse} wins at an SP of {odds}', function (this: ParlanceWorld, runner: string, sp: Odds) {
  return this.use(settlement).results.finish({ runner, sp })
})

When('{horse} finishes {place}', function (this: ParlanceWorld, runner: string, position: number) {
  return this.use(settlement).results.finish({ runner, position })
})

When('{horses} dead-heat for first', function (this: ParlanceWorld, runners: string[]) {
  return this.use(settlement).results.declare({ finishers: runners.map((runner) => ({ position: 1, runner })) })
})

When('the result is:', function (this: ParlanceWorld, finishers: DataTable) {
  return this.use(settlement).results.declare(finishers)
})

When('{horse} is confirmed the winner', function (this: ParlanceWorld, runner: string) {
  return this.use(settlement).results.finish({ runner })
})

When('the stewards amend the result to:', function (this: ParlanceWorld, finishers: DataTable) {
  return this.use(settlement).results.amend(finishers)
})

When(/^(the .+) is void$/, function (this: ParlanceWorld, race: string) {
  return this.use(settlement).results.void({ race })
})
