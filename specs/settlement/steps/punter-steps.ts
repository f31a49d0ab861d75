import { Then, type DataTable } from '@cucumber/cucumber'
import type { Money, ParlanceWorld } from '../../../dsl/index.ts'
import { settlement } from '../../../dsl/settlement/index.ts'

Then('{word} is paid {money}', function (this: ParlanceWorld, punter: string, returns: Money) {
  return this.use(settlement).punter.expectReturns({ punter, returns })
})

Then('{bet} returns {money}', function (this: ParlanceWorld, bet: string, returns: Money) {
  return this.use(settlement).punter.expectReturns({ bet, returns })
})

Then('{bet} has been settled once, for {money}', function (this: ParlanceWorld, bet: string, returns: Money) {
  return this.use(settlement).punter.expectSettlements({ bet, settlements: [returns] })
})

Then(
  '{bet} has been settled twice: for {money}, then for {money}',
  function (this: ParlanceWorld, bet: string, first: Money, second: Money) {
    return this.use(settlement).punter.expectSettlements({ bet, settlements: [first, second] })
  },
)

Then('{word} sees these bets:', function (this: ParlanceWorld, punter: string, bets: DataTable) {
  return this.use(settlement).punter.expectBets({ punter, bets })
})

Then('{word} sees no bets', function (this: ParlanceWorld, punter: string) {
  return this.use(settlement).punter.expectBets({ punter })
})

Then('the breakdown of {bet} is:', function (this: ParlanceWorld, bet: string, legs: DataTable) {
  return this.use(settlement).punter.expectBreakdown({ bet, legs })
})

Then('every bet taken is still there', function (this: ParlanceWorld) {
  return this.use(settlement).punters.expectNothingLost()
})

Then('no bet has been settled more than once', function (this: ParlanceWorld) {
  return this.use(settlement).punters.expectEachSettledOnce()
})
