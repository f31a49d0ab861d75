import { stripVTControlCharacters as plain } from 'node:util'
import { describe, expect, test } from 'vitest'
import type { ChannelResult, ScenarioOutcome } from './results.ts'
import { formatSummary, runFailed } from './summary.ts'

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
})
