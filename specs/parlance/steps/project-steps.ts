import { Given } from '@cucumber/cucumber'
import type { Money, ParlanceWorld } from '../../../dsl/index.ts'
import { parlance, type ChannelOperation } from '../../../dsl/parlance/index.ts'

type Step<A extends unknown[]> = (this: ParlanceWorld, ...args: A) => unknown

// "Given a project whose spec …" starts the description; "And its spec …" goes on with it.
function spec<A extends unknown[]>(text: string, step: Step<A>): void {
  Given(`a project whose spec ${text}`, step)
  Given(`its spec ${text}`, step)
}

Given('a project with the {channel_names} channels', function (this: ParlanceWorld, channels: string[]) {
  this.use(parlance).project.withChannels({ channels })
})

spec('opens an account for {word} in {int} scenario(s)', function (customer: string, count: number) {
  this.use(parlance).project.withAccountScenarios({ customer, count })
})

spec(
  'has a scenario {string} in which {word} is paid {money} and is expected to have been paid {money}',
  function (name: string, customer: string, isPaid: Money, expectsPaid: Money) {
    this.use(parlance).project.withScenario({ name, customer, isPaid, expectsPaid })
  },
)

spec(
  'has a scenario {string} in which {word} places a bet with {string}',
  function (name: string, customer: string, placesBetWith: string) {
    this.use(parlance).project.withScenario({ name, customer, placesBetWith })
  },
)

spec('has a scenario {string} in which {word} asks for a refund', function (name: string, customer: string) {
  this.use(parlance).project.withScenario({ name, customer, asksForRefund: true })
})

spec(
  'has a scenario {string} for the {word} channel only, in which {word} opens an account',
  function (name: string, onlyOn: string, customer: string) {
    this.use(parlance).project.withScenario({ name, onlyOn, customer, opensAccount: true })
  },
)

// `cannot` is the spec's words, typed here but checked by withChannelLimit, with a "did you mean".
Given(
  /^its (\S+) channel cannot (.+), because "(.*)"$/,
  function (this: ParlanceWorld, channel: string, cannot: ChannelOperation, because: string) {
    this.use(parlance).project.withChannelLimit({ channel, cannot, because })
  },
)

Given(
  /^(?:a project whose|its) system stops before it is ready, saying "(.*)"$/,
  function (this: ParlanceWorld, saying: string) {
    this.use(parlance).project.withSystemFailingToStart({ saying })
  },
)

Given(
  /^(?:a project whose|its) system is killed after it has answered (\d+) requests?$/,
  function (this: ParlanceWorld, answers: string) {
    this.use(parlance).project.withSystemKilledAfter({ answers: Number(answers) })
  },
)

Given('its system is already deployed', { timeout: 15_000 }, function (this: ParlanceWorld) {
  return this.use(parlance).project.deploySystem()
})
