import { describe, expect, test } from 'vitest'
import type { FeatureOutline } from '../../drivers/core/run-model/index.ts'
import { attemptOf, channelRunOf, scenarioOf } from '../../drivers/core/run-model/test-runs.ts'
import type { SystemDeath } from '../systems/system-death.ts'
import { featureMatcher } from '../config/domain-sections.ts'
import { describeReason } from './describe-reason.ts'
import { judge, type Verdict } from './judge.ts'

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
const paid = { name: 'Paid orders are confirmed', line: 5 }
const unpaid = { name: 'Unpaid orders stay open', line: 10 }
const passed = (line: number, rule: { name: string; line: number }) => scenarioOf(feature, line, { rule })
const reasonsOf = (verdict: Verdict): string[] => verdict.reasons.map((reason) => describeReason(reason))

describe('judge, criteria', () => {
  test('a Rule with no scenario in the spec is red; one whose scenarios were filtered out is shown, not judged', () => {
    const verdict = judge([channelRunOf('api', [passed(6, paid)], [feature])], {})
    expect(verdict.domains[0]!.criteria.map((row) => [row.criterion, row.coverage, row.cells['api']])).toEqual([
      ['Paid orders are confirmed', 'tested', 'passed'],
      ['Unpaid orders stay open', 'not-in-this-run', 'not-run'],
      ['Refunds are recorded', 'no-scenario', 'not-run'],
    ])
    expect(verdict.reasons).toEqual([
      {
        kind: 'untested-criterion',
        story: 'ORD-1',
        criterion: 'Refunds are recorded',
        uri: 'specs/orders.feature',
        line: 15,
      },
    ])
    expect(reasonsOf(verdict)).toEqual([
      'ORD-1 › "Refunds are recorded" (specs/orders.feature:15): no scenario tests this acceptance criterion',
    ])
    expect(verdict.green).toBe(false)
  })

  test('counts each cell it judged, a failure by its kind', () => {
    const failed = scenarioOf(feature, 7, {
      rule: paid,
      attempts: [attemptOf('failed', { failure: 'Then x\ny', failureKind: 'timed-out' })],
    })
    const verdict = judge([channelRunOf('api', [passed(6, paid), failed, passed(11, unpaid)], [feature])], {})
    expect(verdict.counts).toEqual({ passed: 2, 'timed-out': 1 })
    expect(verdict.domains[0]!.criteria[0]!.cells['api']).toBe('timed-out')
  })
})

describe('judge, domains', () => {
  const lb: FeatureOutline = {
    uri: 'specs/lb/routing.feature',
    name: 'Routing',
    tags: ['@story:LB-1'],
    storyId: 'LB-1',
    rules: [{ name: 'By host', line: 4, scenarios: 1 }],
  }
  const domains = [
    { title: 'orders', channels: ['api', 'ui'], owns: featureMatcher(['specs/orders.feature']) },
    { title: 'load-balancer', channels: ['http'], owns: featureMatcher(['specs/lb']) },
  ]

  test('each domain shows its own stories on its own channels only', () => {
    const runs = [
      channelRunOf('api', [passed(6, paid), passed(11, unpaid)], [feature]),
      channelRunOf('ui', [passed(6, paid), passed(11, unpaid)], [feature]),
      channelRunOf('http', [scenarioOf(lb, 5, { rule: { name: 'By host', line: 4 } })], [lb]),
    ]
    const verdict = judge(runs, { domains })
    expect(
      verdict.domains.map((domain) => [
        domain.name,
        domain.channels,
        domain.criteria.map((row) => `${row.story} ${row.criterion}`),
      ]),
    ).toEqual([
      [
        'orders',
        ['api', 'ui'],
        ['ORD-1 Paid orders are confirmed', 'ORD-1 Unpaid orders stay open', 'ORD-1 Refunds are recorded'],
      ],
      ['load-balancer', ['http'], ['LB-1 By host']],
    ])
  })
})

describe('judge, a system that died', () => {
  const compromised = scenarioOf(feature, 6, {
    rule: paid,
    attempts: [
      attemptOf('failed', {
        failureKind: 'system-compromised',
        failure:
          'Given Alice pays\nGET http://127.0.0.1:8080/orders failed: connection refused (connect ECONNREFUSED ' +
          '127.0.0.1:8080). ' +
          'Is the system under test running at http://127.0.0.1:8080?',
      }),
    ],
  })
  const death: SystemDeath = {
    exit: { name: 'orders', pid: 4242, code: null, signal: 'SIGKILL', at: new Date(2026, 11, 7, 17, 2, 3) },
    during: 'api',
    unreachable: 1,
    channelsNotRun: ['ui'],
  }

  test('is the first reason; a scenario that could not reach it is system compromised, not failed', () => {
    const verdict = judge([channelRunOf('api', [compromised, passed(11, unpaid)], [feature])], { deaths: [death] })
    expect(verdict.reasons.map((reason) => reason.kind)).toEqual(['system-died', 'scenario', 'untested-criterion'])
    expect(reasonsOf(verdict)).toEqual([
      'orders (pid 4242) was killed by SIGKILL at 17:02:03 during the api channel: 1 scenario could not reach ' +
        'it; the ui channel, which needs it, was not run',
      'ORD-1 › "Paid orders are confirmed" › "scenario 6" (specs/orders.feature:6) on api: system compromised\n' +
        'Given Alice pays\nGET http://127.0.0.1:8080/orders failed: connection refused (connect ECONNREFUSED ' +
        '127.0.0.1:8080). ' +
        'Is the system under test running at http://127.0.0.1:8080?',
      'ORD-1 › "Refunds are recorded" (specs/orders.feature:15): no scenario tests this acceptance criterion',
    ])
    expect(verdict.domains[0]!.criteria.map((row) => row.cells['api'])).toEqual([
      'system-compromised',
      'passed',
      'not-run',
    ])
  })

  test('a failed assertion stays a failure, and outranks a compromised scenario in its criterion', () => {
    const failure = 'Then the order is confirmed\nit is open'
    const failed = scenarioOf(feature, 7, {
      rule: paid,
      attempts: [attemptOf('failed', { failure, failureKind: 'assertion-failed' })],
    })
    const verdict = judge([channelRunOf('api', [compromised, failed], [feature])], {})
    expect(reasonsOf(verdict)[1]).toBe(
      'ORD-1 › "Paid orders are confirmed" › "scenario 7" (specs/orders.feature:7) on api: assertion ' +
        'failed\nThen the order is confirmed\nit is open',
    )
    expect(verdict.domains[0]!.criteria[0]?.cells['api']).toBe('assertion-failed')
  })
})
