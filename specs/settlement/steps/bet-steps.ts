import { Given, Then, When } from '@cucumber/cucumber'
import type { Money, Odds, ParlanceWorld } from '../../../dsl/index.ts'
import { settlement } from '../../../dsl/settlement/index.ts'

Given(
  '{word} backs {horse} to win at {odds} with {money}',
  function (this: ParlanceWorld, punter: string, runner: string, price: Odds, stake: Money) {
    return this.use(settlement).betting.placeBet({ punter, runner, price, stake })
  },
)

Given(
  '{word} backs {horse} each-way at {odds} with {money}',
  function (this: ParlanceWorld, punter: string, runner: string, price: Odds, stake: Money) {
    return this.use(settlement).betting.placeBet({ punter, runner, price, stake, eachWay: true })
  },
)

Given(
  '{word} places a {money} double/treble/accumulator on {selections}',
  function (this: ParlanceWorld, punter: string, stake: Money, legs: { runner: string; price: string }[]) {
    return this.use(settlement).betting.placeMultiple({ punter, stake, legs })
  },
)

Given(
  '{word} places a {money} each-way double/treble/accumulator on {selections}',
  function (this: ParlanceWorld, punter: string, stake: Money, legs: { runner: string; price: string }[]) {
    return this.use(settlement).betting.placeMultiple({ punter, stake, legs, eachWay: true })
  },
)

When(
  '{word} tries to back {horse} to win at {written_price} with {money}',
  function (this: ParlanceWorld, punter: string, runner: string, price: string, stake: Money) {
    return this.use(settlement).betting.tryToPlaceBet({ punter, runner, price, stake })
  },
)

Then('{bet} is refused because {}', function (this: ParlanceWorld, bet: string, because: string) {
  this.use(settlement).betting.expectRefused({ bet, because })
})
