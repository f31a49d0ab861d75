import { stripVTControlCharacters as plain } from 'node:util'
import { describe, expect, test } from 'vitest'
import type { ChannelResult, ScenarioOutcome } from './results.ts'
import { formatSummary, runFailed } from './summary.ts'
import { featureMatcher } from './summary-sections.ts'
import type { SystemDeath } from '../systems/system-death.ts'

const scenario = (name: string, status: ScenarioOutcome['status'], line: number, detail?: string): ScenarioOutcome => ({
  key: `features/a.feature:${line}`, uri: 'features/a.feature', line, feature: 'Amending results', scenario: name, status, ...(detail ? { detail } : {}),
})
const result = (channel: string, scenarios: ScenarioOutcome[], problems: string[] = []): ChannelResult => ({ channel, scenarios, problems, success: true, durationMs: 1250 })

describe('formatSummary', () => {
  test('shows skipped scenarios and problems outside scenarios, and fails the run on a problem', () => {
    const results = [result('api', [scenario('Void race', 'skipped', 3)], ['features/a.feature:3: @channel:apii names no channel']), result('ui', [])]
    expect(plain(formatSummary(['api', 'ui'], results)).split('\n')).toEqual([
      'Scenario          api      ui',
      'Amending results',
      '  Void race       skipped  —',
      '',
      'Problems',
      '  ! api: features/a.feature:3: @channel:apii names no channel',
      '',
      'Time      api 1.3 s · ui 1.3 s',
      'Result    FAILED: 1 skipped, 1 not run',
      'scenarios: 0 passed, 0 failed, 1 skipped',
      '',
    ])
    expect(runFailed(results)).toBe(true)
  })

  test('says so when no scenario ran', () => {
    expect(plain(formatSummary(['api'], [result('api', [])]))).toBe(
      'No scenario ran: check the domains’ features in the config and --tags.\nTime      api 1.3 s\nResult    passed: no scenario ran\nscenarios: 0 passed, 0 failed\n',
    )
  })

  test('gives each domain its own section with its own channels; features no domain owns come last', () => {
    const at = (uri: string, feature: string, name: string, status: ScenarioOutcome['status']): ScenarioOutcome => ({ key: `${uri}:3`, uri, line: 3, feature, scenario: name, status })
    const results = [
      result('api', [at('specs/settlement/win.feature', 'Win singles', 'Alice wins', 'passed'), at('specs/stray.feature', 'Stray', 'Lost', 'passed')]),
      result('http', [at('specs/load-balancer/crash.feature', 'Crashes', 'Replica 2 crashes', 'failed')]),
    ]
    const sections = [
      { title: 'settlement', channels: ['api'], owns: featureMatcher(['specs/settlement']) },
      { title: 'load-balancer', channels: ['http'], owns: featureMatcher(['specs/load-balancer/**/*.feature']) },
    ]
    expect(plain(formatSummary(['api', 'http'], results, sections)).split('\n')).toEqual([
      'settlement',
      'Scenario      api',
      'Win singles',
      '  Alice wins  passed',
      '',
      'load-balancer',
      'Scenario             http',
      'Crashes',
      '  Replica 2 crashes  FAILED',
      '',
      'other features',
      'Scenario  api      http',
      'Stray',
      '  Lost    passed   —',
      '',
      'Failures',
      '  ✗ Crashes › Replica 2 crashes · http  specs/load-balancer/crash.feature:3',
      '      ',
      '',
      'Time      api 1.3 s · http 1.3 s',
      'Result    FAILED: 1 failed, 2 passed, 1 not run',
      'scenarios: 2 passed, 1 failed',
      '',
    ])
  })
})

describe('formatSummary when a system died', () => {
  const death: SystemDeath = {
    exit: { name: 'engine', pid: 4242, code: null, signal: 'SIGKILL', at: new Date(2026, 11, 7, 17, 2, 3) }, during: 'api', unreachable: 1, channelsNotRun: ['ui'],
  }
  const refused = 'Given Alice backs Red Rum\nSystemCompromisedError: POST http://127.0.0.1:8080/bets failed: connection refused (connect ECONNREFUSED 127.0.0.1:8080)'
  const notRun = (name: string, line: number): ScenarioOutcome => ({ ...scenario(name, 'not-run', line, 'not run: it needs engine'), notRunReason: 'not run: it needs engine' })
  const results = [
    result('api', [scenario('Void race', 'passed', 3), { ...scenario('Dead heat', 'failed', 9, refused), failureKind: 'system-compromised' }, scenario('Rule 4', 'failed', 14, 'Then Alice is paid £4\nexpected £4, got £5')]),
    { ...result('ui', [notRun('Void race', 3), notRun('Dead heat', 9), notRun('Rule 4', 14)]), success: false, durationMs: 0, deadSystems: ['engine'] },
  ]

  test('says so before the failures, marks the scenarios that could not reach it compromised, and the channel not run', () => {
    expect(plain(formatSummary(['api', 'ui'], results, [], [death])).split('\n')).toEqual([
      'Scenario          api          ui',
      'Amending results',
      '  Void race       passed       —',
      '  Dead heat       COMPROMISED  —',
      '  Rule 4          FAILED       —',
      '',
      'System down',
      '  ✗ engine (pid 4242) was killed by SIGKILL at 17:02:03 during the api channel: 1 scenario could not reach it; the ui channel, which needs it, was not run',
      '',
      'Failures',
      '  ✗ Amending results › Dead heat · api · system compromised  features/a.feature:9',
      '      Given Alice backs Red Rum',
      '      SystemCompromisedError: POST http://127.0.0.1:8080/bets failed: connection refused (connect ECONNREFUSED 127.0.0.1:8080)',
      '  ✗ Amending results › Rule 4 · api  features/a.feature:14',
      '      Then Alice is paid £4',
      '      expected £4, got £5',
      '',
      'Not run',
      '  ! ui: 3 scenarios not run: it needs engine',
      '',
      'Time      api 1.3 s · ui not run',
      'Result    FAILED: 1 failed, 1 compromised, 1 passed, 3 not run',
      'scenarios: 1 passed, 2 failed',
      '',
    ])
  })

  test('fails the run even when every scenario passed', () => {
    const passing = [result('api', [scenario('Void race', 'passed', 3)])]
    expect(runFailed(passing)).toBe(false)
    expect(runFailed(passing, [{ ...death, unreachable: 0, channelsNotRun: [] }])).toBe(true)
  })
})
