import { Then, type DataTable } from '@cucumber/cucumber'
import type { ParlanceWorld } from '../../../dsl/index.ts'
import { parlance, type CellOutcome } from '../../../dsl/parlance/index.ts'

Then(/^every scenario passes(?: in every run)?$/, function (this: ParlanceWorld) {
  this.use(parlance).report.expectEveryScenario({ outcome: 'passed' })
})

Then('every scenario passes on the {channel_names} channels', function (this: ParlanceWorld, channels: string[]) {
  this.use(parlance).report.expectEveryScenario({ outcome: 'passed', channels })
})

Then('the results are:', function (this: ParlanceWorld, results: DataTable) {
  this.use(parlance).report.expectResults(results)
})

Then(
  'the scenario {string} fails with {failure_kind}',
  function (this: ParlanceWorld, scenario: string, outcome: CellOutcome) {
    this.use(parlance).report.expectOutcome({ scenario, outcome })
  },
)

Then('the failure reads {string}', function (this: ParlanceWorld, message: string) {
  this.use(parlance).report.expectMessage({ message })
})

Then(
  '{string} is not applicable on the {word} channel because {string}',
  function (this: ParlanceWorld, scenario: string, channel: string, reason: string) {
    this.use(parlance).report.expectNotApplicable({ scenario, channel, reason })
  },
)

Then(/^the run (passes|fails)$/, function (this: ParlanceWorld, verdict: string) {
  this.use(parlance).report.expectVerdict({ verdict: verdict === 'passes' ? 'passed' : 'failed' })
})

Then(
  'it reports that the system did not start, its last log lines being:',
  function (this: ParlanceWorld, lastLines: DataTable) {
    this.use(parlance).report.expectSystemNotStarted(lastLines)
  },
)

Then(
  /^it reports once that the system (was killed by \S+|exited with code \d+) during the (\S+) channel$/,
  function (this: ParlanceWorld, how: string, channel: string) {
    this.use(parlance).report.expectSystemDied({ how, channel })
  },
)

Then('no scenario ran', function (this: ParlanceWorld) {
  this.use(parlance).report.expectNoScenarioRan()
})
