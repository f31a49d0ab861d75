import { describe, expect, test } from 'vitest'
import type { ChannelRun, FeatureOutline, ScenarioRun } from '../messages/index.ts'
import { judge } from './judge.ts'

const feature: FeatureOutline = {
  uri: 'specs/orders.feature',
  name: 'Orders',
  tags: ['@story:ORD-1'],
  storyId: 'ORD-1',
  rules: [
    { name: 'Paid orders are confirmed', line: 5, scenarios: 1 },
    { name: 'Unpaid orders stay open', line: 10, scenarios: 1 },
    { name: 'Refunds are recorded', line: 15, scenarios: 0 },
  ],
}

const passed = (line: number, rule: { name: string; line: number }): ScenarioRun => ({
  channel: 'api', key: `specs/orders.feature:${line}`, uri: 'specs/orders.feature', line, name: `scenario ${line}`, tags: ['@story:ORD-1'],
  feature, rule, attempts: ['passed'], status: 'passed', flaky: false, retriedFailures: [], durationMs: 5,
})

const run = (scenarios: ScenarioRun[]): ChannelRun => ({ channel: 'api', file: 'reports/api/messages.ndjson', scenarios, features: [feature], problems: [], success: true })

describe('judge, criteria', () => {
  test('a Rule with no scenario in the spec is red; one whose scenarios were filtered out of the run is shown, not judged', () => {
    const verdict = judge([run([passed(6, { name: 'Paid orders are confirmed', line: 5 })])], {})
    expect(verdict.criteria.map((row) => [row.criterion, row.cells['api']])).toEqual([
      ['Paid orders are confirmed', 'passed'],
      ['Unpaid orders stay open (not in this run)', 'not-run'],
      ['Refunds are recorded (no scenario)', 'not-run'],
    ])
    expect(verdict.reasons).toEqual(['ORD-1 › "Refunds are recorded" (specs/orders.feature:15): no scenario tests this acceptance criterion'])
    expect(verdict.green).toBe(false)
  })
})
