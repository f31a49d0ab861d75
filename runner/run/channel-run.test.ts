import type { Envelope } from '@cucumber/messages'
import { describe, expect, test } from 'vitest'
import { readChannel } from './channel-run.ts'

const at = { seconds: 0, nanos: 0 }
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
    children: [
      {
        scenario: {
          id: 's1',
          name: 'Paying',
          keyword: 'Scenario',
          description: '',
          tags: [],
          examples: [],
          location: { line: 3 },
          steps: [{ id: 'g1', keyword: 'Given ', text: 'Alice pays', location: { line: 4 } }],
        },
      },
    ],
  },
}
const pickle = {
  id: 'p1',
  uri: 'features/shop.feature',
  location: { line: 3 },
  name: 'Paying',
  language: 'en',
  astNodeIds: ['s1'],
  tags: [{ name: '@channel:apii', astNodeId: 't1' }],
  steps: [{ id: 'ps1', text: 'Alice pays', astNodeIds: ['g1'] }],
}
const testCase = { id: 'tc1', pickleId: 'p1', testSteps: [{ id: 'ts1', pickleStepId: 'ps1' }] }

function attempt(
  id: string,
  number: number,
  status: string,
  willBeRetried: boolean,
  message?: string,
  exceptionType?: string,
): Envelope[] {
  const exception = exceptionType ? { exception: { type: exceptionType, message, stackTrace: message } } : {}
  const result = { status, duration: { seconds: 0, nanos: 4_000_000 }, ...(message ? { message } : {}), ...exception }
  return [
    { testCaseStarted: { id, testCaseId: 'tc1', attempt: number, timestamp: at } },
    { testStepFinished: { testCaseStartedId: id, testStepId: 'ts1', timestamp: at, testStepResult: result } },
    { testCaseFinished: { testCaseStartedId: id, willBeRetried, timestamp: { seconds: 0, nanos: 6_000_000 } } },
  ] as Envelope[]
}

const shopApi = { id: 'shop/api', domain: 'shop', channel: 'api', domainChannels: ['api', 'ui'] }

function read(attempts: Envelope[][], success = true, tags = pickle.tags) {
  const envelopes = [
    { gherkinDocument: document },
    { pickle: { ...pickle, tags } },
    { testCase },
    ...attempts.flat(),
  ] as Envelope[]
  return readChannel(shopApi, envelopes, { reportsDir: 'reports' }, { success })
}

describe('readChannel: a channel run from the messages cucumber handed over', () => {
  test('an undefined step leaves the scenario unfinished and says so, with the step as written', () => {
    const [scenario] = read([attempt('a1', 0, 'UNDEFINED', false)]).scenarios
    expect(scenario).toMatchObject({
      key: 'features/shop.feature:3',
      status: 'undefined',
      failure: 'Given Alice pays\nundefined step: write a step definition for it',
    })
  })

  test('a failure keeps its message without the stack trace, and its kind from the class of its error', () => {
    const [failed] = read([
      attempt('a1', 0, 'FAILED', false, 'Error: paid £4.50, expected £5.00\n    at pay (steps.ts:3:9)', 'Error'),
    ]).scenarios
    expect(failed).toMatchObject({
      status: 'failed',
      failureKind: 'error',
      failure: 'Given Alice pays\nError: paid £4.50, expected £5.00',
    })
    const refused = attempt(
      'a1',
      0,
      'FAILED',
      false,
      'SystemCompromisedError: GET /pay failed: connection refused',
      'SystemCompromisedError',
    )
    expect(read([refused]).scenarios[0]).toMatchObject({
      status: 'failed',
      failureKind: 'system-compromised',
      failure: 'Given Alice pays\nSystemCompromisedError: GET /pay failed: connection refused',
    })
    // Any other error's class says what went wrong.
    const typeError = attempt('a1', 0, 'FAILED', false, 'x is undefined', 'TypeError')
    expect(read([typeError]).scenarios[0]).toMatchObject({
      failureKind: 'error',
      failure: 'Given Alice pays\nTypeError: x is undefined',
    })
  })

  test('keeps every attempt of a retried scenario, each with its steps and time: failed, then passed is flaky', () => {
    const [scenario] = read([
      attempt('a1', 0, 'FAILED', true, 'boom', 'Error'),
      attempt('a2', 1, 'PASSED', false),
    ]).scenarios
    expect(scenario?.attempts).toEqual([
      {
        status: 'failed',
        failure: 'Given Alice pays\nboom',
        failureKind: 'error',
        durationMs: 6,
        steps: [{ text: 'Given Alice pays', status: 'failed', durationMs: 4, error: 'boom', attachments: [] }],
      },
      {
        status: 'passed',
        durationMs: 6,
        steps: [{ text: 'Given Alice pays', status: 'passed', durationMs: 4, attachments: [] }],
      },
    ])
    expect(scenario).toMatchObject({
      status: 'passed',
      flaky: true,
      retriedFailures: ['Given Alice pays\nboom'],
      durationMs: 12,
    })
  })

  test('a @channel tag naming no channel is a problem of the run', () => {
    expect(read([]).problems).toEqual([
      'features/shop.feature:3: @channel:apii names no channel — did you mean @channel:api? Channels: api, ui',
    ])
  })

  test('cucumber failing the run with no failed scenario and no problem is a problem of its own', () => {
    const run = read([attempt('a1', 0, 'PASSED', false)], false, [])
    expect(run.success).toBe(false)
    expect(run.problems).toEqual([
      'cucumber reported a failure outside any scenario (a worker that crashed?); see its output above',
    ])
  })
})

describe('readChannel: what the selection left out', () => {
  const ran = [{ testRunStarted: { timestamp: at } }, { testRunFinished: { timestamp: at, success: true } }]
  const options = { reportsDir: 'reports' }

  test('a channel where --tags or @channel left nothing to run has no scenarios, none not run', () => {
    const envelopes = [{ gherkinDocument: document }, { pickle: { ...pickle, tags: [] } }, ...ran] as Envelope[]
    const run = readChannel(shopApi, envelopes, options, { success: true })
    expect(run.scenarios).toEqual([])
    expect(run.problems).toEqual([])
  })

  test('a run that planned nothing and failed (a BeforeAll hook) leaves its scenarios not run', () => {
    const failed = [ran[0], { testRunFinished: { timestamp: at, success: false } }]
    const envelopes = [{ gherkinDocument: document }, { pickle: { ...pickle, tags: [] } }, ...failed] as Envelope[]
    const run = readChannel(shopApi, envelopes, options, { success: false })
    expect(run.scenarios.map((scenario) => [scenario.name, scenario.status])).toEqual([['Paying', 'not-run']])
  })
})
