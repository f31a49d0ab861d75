import { describe, expect, test } from 'vitest'
import { ResultCollector, type Envelope } from './results.ts'

const at = { seconds: 0, nanos: 0 }
const document = {
  uri: 'features/shop.feature',
  comments: [],
  feature: {
    name: 'Checkout', keyword: 'Feature', language: 'en', description: '', tags: [], location: { line: 1 },
    children: [{ scenario: { id: 's1', name: 'Paying', keyword: 'Scenario', description: '', tags: [], examples: [], location: { line: 3 },
      steps: [{ id: 'g1', keyword: 'Given ', text: 'Alice pays', location: { line: 4 } }] } }],
  },
}
const pickle = { id: 'p1', uri: 'features/shop.feature', location: { line: 3 }, name: 'Paying', language: 'en', astNodeIds: ['s1'],
  tags: [{ name: '@channel:apii', astNodeId: 't1' }], steps: [{ id: 'ps1', text: 'Alice pays', astNodeIds: ['g1'] }] }
const testCase = { id: 'tc1', pickleId: 'p1', testSteps: [{ id: 'ts1', pickleStepId: 'ps1' }] }

function attempt(id: string, status: string, willBeRetried: boolean, message?: string, exceptionType?: string): Envelope[] {
  const exception = exceptionType ? { exception: { type: exceptionType, message, stackTrace: message } } : {}
  return [
    { testCaseStarted: { id, testCaseId: 'tc1', attempt: 0, timestamp: at } },
    { testStepFinished: { testCaseStartedId: id, testStepId: 'ts1', timestamp: at, testStepResult: { status, duration: at, ...(message ? { message } : {}), ...exception } } },
    { testCaseFinished: { testCaseStartedId: id, willBeRetried, timestamp: at } },
  ] as Envelope[]
}

function collect(...attempts: Envelope[][]): ReturnType<ResultCollector['result']> {
  const collector = new ResultCollector('api', ['api', 'ui'])
  for (const envelope of [{ gherkinDocument: document }, { pickle }, { testCase }, ...attempts.flat()] as Envelope[]) collector.read(envelope)
  return collector.result(true, 1200)
}

describe('ResultCollector', () => {
  test('an undefined step fails the scenario and says so, with the step as written', () => {
    expect(collect(attempt('a1', 'UNDEFINED', false)).scenarios).toEqual([
      { key: 'features/shop.feature:3', uri: 'features/shop.feature', line: 3, feature: 'Checkout', scenario: 'Paying', status: 'failed',
        detail: 'Given Alice pays\nundefined step: write a step definition for it' },
    ])
  })

  test('a failure keeps its message without the stack trace', () => {
    const [outcome] = collect(attempt('a1', 'FAILED', false, 'Error: paid £4.50, expected £5.00\n    at pay (steps.ts:3:9)')).scenarios
    expect(outcome?.detail).toBe('Given Alice pays\nError: paid £4.50, expected £5.00')
  })

  test('a failure keeps the kind its error says: a system that could not be reached is system-compromised', () => {
    const refused = attempt('a1', 'FAILED', false, 'SystemCompromisedError: GET /pay failed: connection refused', 'SystemCompromisedError')
    expect(collect(refused).scenarios[0]).toMatchObject({ status: 'failed', failureKind: 'system-compromised' })
    expect(collect(attempt('a1', 'FAILED', false, 'TypeError: x is undefined', 'TypeError')).scenarios[0]?.failureKind).toBeUndefined()
  })

  test('only the last attempt of a retried scenario counts', () => {
    expect(collect(attempt('a1', 'FAILED', true, 'boom'), attempt('a2', 'PASSED', false)).scenarios[0]?.status).toBe('passed')
  })

  test('a @channel tag naming no channel is a problem of the run', () => {
    expect(collect().problems).toEqual(['features/shop.feature:3: @channel:apii names no channel — did you mean @channel:api? Channels: api, ui'])
  })
})
