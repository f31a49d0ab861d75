import { describe, expect, test } from 'vitest'
import type { ChannelRun, FeatureOutline, ScenarioRun } from '../../drivers/core/run-model/index.ts'
import type { SystemDeath } from '../systems/system-death.ts'
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

describe('judge, a system that died', () => {
  const paid = { name: 'Paid orders are confirmed', line: 5 }
  const compromised: ScenarioRun = {
    ...passed(6, paid), attempts: ['failed'], status: 'failed', failureKind: 'system-compromised',
    failure: 'Given Alice pays\nGET http://127.0.0.1:8080/orders failed: connection refused (connect ECONNREFUSED 127.0.0.1:8080). Is the system under test running at http://127.0.0.1:8080?',
  }
  const death: SystemDeath = {
    exit: { name: 'orders', pid: 4242, code: null, signal: 'SIGKILL', at: new Date(2026, 11, 7, 17, 2, 3) }, during: 'api', unreachable: 1, channelsNotRun: ['ui'],
  }

  test('is the first reason; a scenario that could not reach it is system compromised, not failed', () => {
    const verdict = judge([run([compromised, passed(11, { name: 'Unpaid orders stay open', line: 10 })])], { deaths: [death] })
    expect(verdict.reasons).toEqual([
      'orders (pid 4242) was killed by SIGKILL at 17:02:03 during the api channel: 1 scenario could not reach it; the ui channel, which needs it, was not run',
      'ORD-1 › "Paid orders are confirmed" › "scenario 6" (specs/orders.feature:6) on api: system compromised\n' +
        'Given Alice pays\nGET http://127.0.0.1:8080/orders failed: connection refused (connect ECONNREFUSED 127.0.0.1:8080). Is the system under test running at http://127.0.0.1:8080?',
      'ORD-1 › "Refunds are recorded" (specs/orders.feature:15): no scenario tests this acceptance criterion',
    ])
    expect(verdict.criteria.map((row) => row.cells['api'])).toEqual(['compromised', 'passed', 'not-run'])
  })

  test('a failed assertion stays a failure, and outranks a compromised scenario in its criterion', () => {
    const failed: ScenarioRun = { ...passed(7, paid), key: 'specs/orders.feature:7', attempts: ['failed'], status: 'failed', failureKind: 'assertion-failed', failure: 'Then the order is confirmed\nit is open' }
    const verdict = judge([run([compromised, failed])], {})
    expect(verdict.reasons[1]).toBe('ORD-1 › "Paid orders are confirmed" › "scenario 7" (specs/orders.feature:7) on api: failed\nThen the order is confirmed\nit is open')
    expect(verdict.criteria[0]?.cells['api']).toBe('failed')
  })
})
