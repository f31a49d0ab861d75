import { stripVTControlCharacters as plain } from 'node:util'
import { describe, expect, test } from 'vitest'
import type { ChannelResult, ScenarioOutcome } from './results.ts'
import { formatSummary, runFailed } from './summary.ts'
import { featureMatcher } from './summary-sections.ts'

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
