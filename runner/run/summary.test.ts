import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters as plain } from 'node:util'
import { describe, expect, test } from 'vitest'
import {
  buildChannelRun,
  readMessageFile,
  type FeatureOutline,
  type ScenarioRun,
} from '../../drivers/core/run-model/index.ts'
import { attemptOf, channelRunOf, scenarioOf } from '../../drivers/core/run-model/test-runs.ts'
import { featureMatcher } from '../config/domain-sections.ts'
import { judge } from '../gate/judge.ts'
import type { SystemDeath } from '../systems/system-death.ts'
import { formatSummary, runFailed } from './summary.ts'

const amending: FeatureOutline = { uri: 'features/a.feature', name: 'Amending results', tags: [], rules: [] }
const scenario = (name: string, line: number, ...attempts: ReturnType<typeof attemptOf>[]): ScenarioRun =>
  scenarioOf(amending, line, { name, ...(attempts.length > 0 ? { attempts } : {}) })

describe('formatSummary', () => {
  test('shows skipped scenarios and problems outside scenarios, and fails the run on either', () => {
    const runs = [
      channelRunOf('api', [scenario('Void race', 3, attemptOf('skipped'))], [amending], {
        problems: ['features/a.feature:3: @channel:apii names no channel'],
      }),
      channelRunOf('ui', [], []),
    ]
    expect(plain(formatSummary(['api', 'ui'], runs)).split('\n')).toEqual([
      'Scenario          api      ui',
      'Amending results',
      '  Void race       skipped  —',
      '',
      'Problems',
      '  ! api: features/a.feature:3: @channel:apii names no channel',
      '',
      'Time      api 1.2 s · ui 1.2 s',
      'Result    FAILED: 1 skipped, 1 not run',
      'scenarios: 0 passed, 0 failed, 1 skipped',
      '',
    ])
    expect(runFailed(runs)).toBe(true)
  })

  test('says so when no scenario ran', () => {
    expect(plain(formatSummary(['api'], [channelRunOf('api', [], [])]))).toBe(
      'No scenario ran: check the domains’ features in the config and --tags.\nTime      api 1.2 s\nResult    ' +
        'passed: no scenario ran\nscenarios: 0 passed, 0 failed\n',
    )
  })

  test('names each failure by its kind, in the table, the failures and the count', () => {
    const failed = (name: string, line: number, failureKind: NonNullable<ScenarioRun['failureKind']>): ScenarioRun =>
      scenario(name, line, attemptOf('failed', { failure: `Then ${name}\nit went wrong`, failureKind }))
    const runs = [
      channelRunOf(
        'api',
        [
          failed('Checked', 3, 'assertion-failed'),
          failed('Broken step', 5, 'error'),
          failed('Slow', 7, 'timed-out'),
          failed('Misconfigured', 9, 'configuration-error'),
          scenario(
            'Unwritten',
            11,
            attemptOf('undefined', { failure: 'Given nothing\nundefined step: write a step definition for it' }),
          ),
        ],
        [amending],
      ),
    ]
    const lines = plain(formatSummary(['api'], runs)).split('\n')
    expect(lines.slice(0, 7)).toEqual([
      'Scenario          api',
      'Amending results',
      '  Checked         FAILED',
      '  Broken step     ERROR',
      '  Slow            TIMED OUT',
      '  Misconfigured   CONFIG ERROR',
      '  Unwritten       UNFINISHED',
    ])
    expect(lines.filter((line) => line.startsWith('  ✗'))).toEqual([
      '  ✗ Amending results › Checked · api · assertion failed  features/a.feature:3',
      '  ✗ Amending results › Broken step · api · error  features/a.feature:5',
      '  ✗ Amending results › Slow · api · timed out  features/a.feature:7',
      '  ✗ Amending results › Misconfigured · api · configuration error  features/a.feature:9',
      '  ✗ Amending results › Unwritten · api · unfinished  features/a.feature:11',
    ])
    expect(lines.at(-3)).toBe(
      'Result    FAILED: 1 assertion failed, 1 error, 1 timed out, 1 configuration error, 1 unfinished',
    )
    expect(lines.at(-2)).toBe('scenarios: 0 passed, 5 failed')
  })

  test('gives each domain its own section with its own channels; features no domain owns come last', () => {
    const feature = (uri: string, name: string): FeatureOutline => ({ uri, name, tags: [], rules: [] })
    const win = feature('specs/settlement/win.feature', 'Win singles')
    const stray = feature('specs/stray.feature', 'Stray')
    const crash = feature('specs/load-balancer/crash.feature', 'Crashes')
    const runs = [
      channelRunOf(
        'api',
        [scenarioOf(win, 3, { name: 'Alice wins' }), scenarioOf(stray, 3, { name: 'Lost' })],
        [win, stray],
      ),
      channelRunOf(
        'http',
        [
          scenarioOf(crash, 3, {
            name: 'Replica 2 crashes',
            attempts: [attemptOf('failed', { failure: 'Then 200\ngot 502', failureKind: 'assertion-failed' })],
          }),
        ],
        [crash],
      ),
    ]
    const sections = [
      { title: 'settlement', channels: ['api'], owns: featureMatcher(['specs/settlement']) },
      { title: 'load-balancer', channels: ['http'], owns: featureMatcher(['specs/load-balancer/**/*.feature']) },
    ]
    expect(plain(formatSummary(['api', 'http'], runs, sections)).split('\n')).toEqual([
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
      '  ✗ Crashes › Replica 2 crashes · http · assertion failed  specs/load-balancer/crash.feature:3',
      '      Then 200',
      '      got 502',
      '',
      'Time      api 1.2 s · http 1.2 s',
      'Result    FAILED: 1 assertion failed, 2 passed, 1 not run',
      'scenarios: 2 passed, 1 failed',
      '',
    ])
  })
})

describe('a flaky scenario', () => {
  const cck = fileURLToPath(new URL('../fixtures/cck/retry/retry.ndjson', import.meta.url))

  test('the summary and the gate agree: both name it flaky, and both fail the run', async () => {
    const run = buildChannelRun(await readMessageFile(cck))
    const flaky = run.scenarios.filter((s) => s.flaky).map((s) => s.name)
    expect(flaky).toEqual([
      'Test cases that fail are retried if within the --retry limit',
      'Test cases that fail will continue to retry up to the --retry limit',
    ])

    const lines = plain(formatSummary([run.channel], [run])).split('\n')
    expect(lines.filter((line) => line.endsWith('FLAKY'))).toHaveLength(2)
    expect(lines.filter((line) => line.startsWith('  ~ '))).toEqual([
      '  ~ Retry › Test cases that fail are retried if within the --retry limit · retry · passed on attempt 2  ' +
        'samples/retry/retry.feature:11',
      '  ~ Retry › Test cases that fail will continue to retry up to the --retry limit · retry · passed on ' +
        'attempt 3  samples/retry/retry.feature:14',
    ])
    expect(lines.find((line) => line.startsWith('Result'))).toBe('Result    FAILED: 1 error, 2 flaky, 1 passed')
    expect(runFailed([run])).toBe(true)

    const verdict = judge([run], {})
    expect(verdict.green).toBe(false)
    expect(verdict.counts).toEqual({ error: 1, flaky: 2, passed: 1 })
    const flakyReasons = verdict.reasons.flatMap((reason) =>
      reason.kind === 'scenario' && reason.scenario.flaky ? [reason.scenario.name] : [],
    )
    expect(flakyReasons).toEqual(flaky)
    expect(judge([run], { allowFlaky: true }).allowedFlaky.map((s) => s.name)).toEqual(flaky)
  })
})

describe('formatSummary when a system died', () => {
  const death: SystemDeath = {
    exit: { name: 'engine', pid: 4242, code: null, signal: 'SIGKILL', at: new Date(2026, 11, 7, 17, 2, 3) },
    during: 'api',
    unreachable: 1,
    channelsNotRun: ['ui'],
  }
  const refused =
    'Given Alice backs Red Rum\nSystemCompromisedError: POST http://127.0.0.1:8080/bets failed: connection ' +
    'refused (connect ECONNREFUSED 127.0.0.1:8080)'
  const notRun = (name: string, line: number): ScenarioRun =>
    scenarioOf(amending, line, {
      name,
      attempts: [],
      status: 'not-run',
      notRun: { reason: 'it needs engine', fix: '' },
    })
  const runs = [
    channelRunOf(
      'api',
      [
        scenario('Void race', 3),
        scenario('Dead heat', 9, attemptOf('failed', { failure: refused, failureKind: 'system-compromised' })),
        scenario(
          'Rule 4',
          14,
          attemptOf('failed', {
            failure: 'Then Alice is paid £4\nexpected £4, got £5',
            failureKind: 'assertion-failed',
          }),
        ),
      ],
      [amending],
    ),
    channelRunOf('ui', [notRun('Void race', 3), notRun('Dead heat', 9), notRun('Rule 4', 14)], [amending], {
      success: false,
      durationMs: undefined,
    }),
  ]

  test('says so before the failures; scenarios that could not reach it are compromised, the channel not run', () => {
    expect(plain(formatSummary(['api', 'ui'], runs, [], [death])).split('\n')).toEqual([
      'Scenario          api          ui',
      'Amending results',
      '  Void race       passed       —',
      '  Dead heat       COMPROMISED  —',
      '  Rule 4          FAILED       —',
      '',
      'System down',
      '  ✗ engine (pid 4242) was killed by SIGKILL at 17:02:03 during the api channel: 1 scenario could not ' +
        'reach it; the ui channel, which needs it, was not run',
      '',
      'Failures',
      '  ✗ Amending results › Dead heat · api · system compromised  features/a.feature:9',
      '      Given Alice backs Red Rum',
      '      SystemCompromisedError: POST http://127.0.0.1:8080/bets failed: connection refused (connect ' +
        'ECONNREFUSED 127.0.0.1:8080)',
      '  ✗ Amending results › Rule 4 · api · assertion failed  features/a.feature:14',
      '      Then Alice is paid £4',
      '      expected £4, got £5',
      '',
      'Not run',
      '  ! ui: 3 scenarios not run: it needs engine',
      '',
      'Time      api 1.2 s · ui not run',
      'Result    FAILED: 1 assertion failed, 1 system compromised, 1 passed, 3 not run',
      'scenarios: 1 passed, 2 failed',
      '',
    ])
  })

  test('fails the run even when every scenario passed', () => {
    const passing = [channelRunOf('api', [scenario('Void race', 3)], [amending])]
    expect(runFailed(passing)).toBe(false)
    expect(runFailed(passing, [{ ...death, unreachable: 0, channelsNotRun: [] }])).toBe(true)
  })
})
