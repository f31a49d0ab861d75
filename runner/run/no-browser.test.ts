import { describe, expect, test } from 'vitest'
import { parlanceMediaTypes } from '../../drivers/core/report-media-types.ts'
import { judge } from '../gate/judge.ts'
import type { Envelope } from '@cucumber/messages'
import type { FeatureOutline } from '../../drivers/core/run-model/index.ts'
import { attemptOf, channelRunOf, scenarioOf } from '../../drivers/core/run-model/test-runs.ts'
import { describeReason } from '../gate/describe-reason.ts'
import { readChannel } from './channel-run.ts'
import { formatSummary } from './summary.ts'

// What a channel whose machine has no Chromium leaves behind: every scenario not run, for one reason, with one fix.
const fix =
  'Fix: run npm install (on Linux x64 it brings @sparticuz/chromium, a Chromium from the npm registry), ' +
  'install one (apt-get install chromium), or set PARLANCE_CHROMIUM to a Chromium binary.'
const noBrowser = JSON.stringify({ outcome: 'not-run', channel: 'ui', reason: 'no browser', fix })
const at = { seconds: 0, nanos: 0 }

function uiChannel(scenarios: number): Envelope[] {
  const document = {
    uri: 'features/shop.feature',
    comments: [],
    feature: {
      name: 'Checkout',
      keyword: 'Feature',
      language: 'en',
      description: '',
      tags: [],
      location: { line: 1 },
      children: Array.from({ length: scenarios }, (_, i) => ({
        scenario: {
          id: `s${i}`,
          name: `Paying ${i}`,
          keyword: 'Scenario',
          description: '',
          tags: [],
          examples: [],
          location: { line: 3 + i * 2 },
          steps: [{ id: `g${i}`, keyword: 'Given ', text: 'Alice pays', location: { line: 4 + i * 2 } }],
        },
      })),
    },
  }
  return [
    { gherkinDocument: document },
    ...Array.from({ length: scenarios }, (_, i) => [
      {
        pickle: {
          id: `p${i}`,
          uri: 'features/shop.feature',
          location: { line: 3 + i * 2 },
          name: `Paying ${i}`,
          language: 'en',
          astNodeIds: [`s${i}`],
          tags: [],
          steps: [{ id: `ps${i}`, text: 'Alice pays', astNodeIds: [`g${i}`] }],
        },
      },
      { testCase: { id: `tc${i}`, pickleId: `p${i}`, testSteps: [{ id: `ts${i}`, pickleStepId: `ps${i}` }] } },
      { testCaseStarted: { id: `a${i}`, testCaseId: `tc${i}`, attempt: 0, timestamp: at } },
      {
        attachment: {
          testCaseStartedId: `a${i}`,
          testStepId: `ts${i}`,
          mediaType: parlanceMediaTypes.outcome,
          body: noBrowser,
          contentEncoding: 'IDENTITY',
        },
      },
      {
        testStepFinished: {
          testCaseStartedId: `a${i}`,
          testStepId: `ts${i}`,
          timestamp: at,
          testStepResult: { status: 'SKIPPED', duration: at },
        },
      },
      { testCaseFinished: { testCaseStartedId: `a${i}`, willBeRetried: false, timestamp: at } },
    ]).flat(),
  ] as unknown as Envelope[]
}

describe('a channel with no browser', () => {
  test('the summary marks each scenario not run and says why once, with the fix; the run fails', () => {
    const plan = { id: 'shop/ui', domain: 'shop', channel: 'ui', domainChannels: ['api', 'ui'] }
    const result = readChannel(plan, uiChannel(3), { reportsDir: 'reports' }, { success: true })
    expect(result.scenarios.map((s) => [s.name, s.status, s.notRun?.reason])).toEqual([
      ['Paying 0', 'not-run', 'no browser'],
      ['Paying 1', 'not-run', 'no browser'],
      ['Paying 2', 'not-run', 'no browser'],
    ])
    const lines = formatSummary(['ui'], [result]).split('\n')
    expect(lines.filter((line) => line.includes('no browser'))).toEqual([
      `  ! ui: 3 scenarios not run: no browser. ${fix}`,
    ])
    expect(lines).toContain('scenarios: 0 passed, 0 failed')
    expect(lines.find((line) => line.startsWith('Result'))).toBe('Result    FAILED: 3 not run')
  })

  test('the gate says it in one line, first, and is red', () => {
    const feature: FeatureOutline = {
      uri: 'specs/shop.feature',
      name: 'Checkout',
      tags: ['@story:SHOP-1'],
      storyId: 'SHOP-1',
      rules: [{ name: 'Cards are charged once', line: 5, scenarios: 3 }],
    }
    const rule = { name: 'Cards are charged once', line: 5 }
    const notRun = attemptOf('not-run', { notRun: { reason: 'no browser', fix } })
    const run = (channel: string, passed: boolean) =>
      channelRunOf(
        channel,
        [6, 8, 10].map((line) => scenarioOf(feature, line, { rule, ...(passed ? {} : { attempts: [notRun] }) })),
        [feature],
      )
    const verdict = judge([run('api', true), run('ui', false)], {})
    expect(verdict.reasons.map((reason) => describeReason(reason))).toEqual([
      `ui: 3 scenarios not run: no browser. ${fix}`,
    ])
    expect(verdict.domains[0]!.criteria.map((row) => [row.story, row.criterion, row.cells])).toEqual([
      ['SHOP-1', 'Cards are charged once', { api: 'passed', ui: 'not-run' }],
    ])
    expect(verdict.green).toBe(false)
  })
})
