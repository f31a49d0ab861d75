import { describe, expect, test } from 'vitest'
import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import type {
  ParlanceDriver,
  ProjectModel,
  ScenarioResult,
  SuiteRun,
  SystemRecord,
} from '../../drivers/parlance/index.ts'
import { ParlanceDsl } from './parlance-dsl.ts'

/** A driver that answers with canned runs and records what it was asked. */
function fakeDriver(runs: Partial<SuiteRun>[] = [], record: Partial<SystemRecord> = {}, leftovers: string[] = []) {
  const asked: { project: ProjectModel; workers: number; againstDeployed: boolean }[] = []
  const driver: ParlanceDriver = {
    deploySystem: async () => {},
    runSuite: async (project, options) => {
      asked.push({ project: structuredClone(project), ...options })
      const canned = runs[asked.length - 1] ?? {}
      return {
        number: asked.length,
        channels: project.channels,
        ranOn: project.channels,
        exitCode: 0,
        verdict: 'passed',
        results: [],
        printed: [],
        systemStartFailure: undefined,
        systemDeaths: [],
        output: '',
        ...canned,
      }
    },
    systemRecord: async () => ({ starts: 1, requests: 0, customers: [], ...record }),
    leftoverProcesses: async () => leftovers,
  }
  return { driver, asked }
}

const result = (
  scenario: string,
  channel: string,
  outcome: ScenarioResult['outcome'],
  more: Partial<ScenarioResult> = {},
): ScenarioResult => ({ scenario, channel, outcome, aliases: {}, ...more })

describe('the parlance DSL', () => {
  test('refuses a scenario without steps, and a duplicate name, before any driver is made', () => {
    let made = 0
    const dsl = new ParlanceDsl(() => (made++, fakeDriver().driver))
    expect(() => dsl.project.withScenario({ name: 'Alice idles' })).toThrow(
      new ConfigurationError(
        'withScenario: scenario "Alice idles" has no steps — give at least one of opensAccount, placesBetWith, ' +
          'isPaid, asksForRefund, expectsPaid',
      ),
    )
    dsl.project.withScenario({ name: 'Alice is paid', isPaid: '£5' })
    expect(() => dsl.project.withScenario({ name: 'Alice is paid', isPaid: '£6' })).toThrow(
      'withScenario: the project already has a scenario "Alice is paid"; give each scenario its own name',
    )
    expect(made).toBe(0)
  })

  test('refuses an operation a channel could not lack, with the nearest one', () => {
    const dsl = new ParlanceDsl(() => fakeDriver().driver)
    expect(() =>
      dsl.project.withChannelLimit({
        raw: () => [
          ['channel', 'ui'],
          ['cannot', 'ask for refund'],
          ['because', 'no button'],
        ],
      }),
    ).toThrow(
      'withChannelLimit: invalid value "ask for refund" for parameter "cannot" — did you mean "ask for a refund"?',
    )
  })

  test('builds the project from the scenarios, in the order of their parameters, and runs it', async () => {
    const { driver, asked } = fakeDriver()
    const dsl = new ParlanceDsl(() => driver)
    dsl.project.withChannels({ channels: ['api', 'ui'] })
    dsl.project.withAccountScenarios({ customer: 'Bob', count: 2 })
    dsl.project.withScenario({ name: 'Alice is refunded', onlyOn: 'api', expectsPaid: '£1', asksForRefund: true })
    dsl.project.withChannelLimit({ channel: 'ui', cannot: 'ask for a refund', because: 'no button' })
    await dsl.suite.run({ workers: 2 })
    expect(asked).toEqual([
      {
        project: {
          channels: ['api', 'ui'],
          scenarios: [
            { name: 'Bob opens an account #1', steps: [{ action: 'opens an account', customer: 'Bob' }] },
            { name: 'Bob opens an account #2', steps: [{ action: 'opens an account', customer: 'Bob' }] },
            {
              name: 'Alice is refunded',
              onlyOn: 'api',
              steps: [
                { action: 'asks for a refund', customer: 'Alice' },
                { action: 'has been paid', customer: 'Alice', amount: expect.objectContaining({ pence: 100 }) },
              ],
            },
          ],
          limits: [{ channel: 'ui', operation: 'askForRefund', reason: 'no button' }],
        },
        workers: 2,
        againstDeployed: false,
      },
    ])
  })

  test('refuses to run a scenario narrowed to a channel the project does not have', async () => {
    const dsl = new ParlanceDsl(() => fakeDriver().driver)
    dsl.project.withScenario({ name: 'Alice opens an account', opensAccount: true, onlyOn: 'web' })
    await expect(dsl.suite.run()).rejects.toThrow(
      new ConfigurationError(
        'run: scenario "Alice opens an account" is for the web channel only, but the project\'s channels are api',
      ),
    )
  })

  test('says to run the suite first when an expectation comes before any run', () => {
    const dsl = new ParlanceDsl(() => fakeDriver().driver)
    expect(() => dsl.report.expectVerdict({ verdict: 'passed' })).toThrow(
      new ConfigurationError(
        "expectVerdict: the project's acceptance suite has not run yet, so there is nothing to check. Run it " +
          'first, e.g. "When the project\'s acceptance suite runs"',
      ),
    )
  })

  test('compares every scenario × channel with the spec, "not run" included, and with the printed table', async () => {
    const printed = [
      { scenario: 'Alice is paid', channel: 'api', text: 'FAILED' },
      { scenario: 'Alice is paid', channel: 'ui', text: 'passed' },
    ]
    const run = {
      results: [
        result('Alice is paid', 'api', 'assertion-failed', { message: 'Alice was paid £5.00; expected £6.00' }),
      ],
      printed,
      exitCode: 1,
      verdict: 'failed' as const,
    }
    const dsl = new ParlanceDsl(() => fakeDriver([run]).driver)
    dsl.project.withChannels({ channels: ['api', 'ui'] })
    dsl.project.withScenario({ name: 'Alice is paid', isPaid: '£5', expectsPaid: '£6' })
    await dsl.suite.run()
    const expected = {
      results: [
        { scenario: 'Alice is paid', channel: 'api', outcome: 'assertion failed' },
        { scenario: 'Alice is paid', channel: 'ui', outcome: 'passed' },
      ],
    } as const
    expect(() => dsl.report.expectResults(expected)).toThrow(
      new AssertionFailedError(
        [
          "expectResults: the results differ from the spec's:",
          '  "Alice is paid" on ui is not run; expected passed',
          'Results of run 1 (exit code 1):',
          '  Alice is paid: api assertion failed · ui not run',
          'Failures:',
          '  "Alice is paid" on api: Alice was paid £5.00; expected £6.00',
          'What the run printed is attached as parlance-run-1.txt.',
        ].join('\n'),
      ),
    )
    expect(() => dsl.report.expectOutcome({ scenario: 'Alice is paid', channel: 'ui', outcome: 'not run' })).toThrow(
      'expectOutcome: the printed table does not say what the reports say:\n  "Alice is paid" on ui is printed ' +
        'as "passed", but its report says not run\n',
    )
    expect(() => dsl.report.expectOutcome({ scenario: 'Alice is payed', outcome: 'passed' })).toThrow(
      new ConfigurationError(
        'expectOutcome: the project has no scenario "Alice is payed" — did you mean "Alice is paid"? ' +
          'Scenarios: Alice is paid',
      ),
    )
  })

  test('reads a failure exactly, in the reports and in what the run printed', async () => {
    const message = 'Alice was paid £5.00; expected £6.00'
    const run = {
      results: [result('Alice is paid', 'api', 'assertion-failed', { message })],
      printed: [{ scenario: 'Alice is paid', channel: 'api', text: 'FAILED' }],
      output: 'Failures… (not the message)',
    }
    const dsl = new ParlanceDsl(() => fakeDriver([run]).driver)
    dsl.project.withScenario({ name: 'Alice is paid', isPaid: '£5', expectsPaid: '£6' })
    await dsl.suite.run()
    expect(() => dsl.report.expectMessage({ message: 'Alice was paid £5.00; expected £7.00' })).toThrow(
      'expectMessage: expected the failure to read\n  Alice was paid £5.00; expected £7.00\nbut it reads\n  ' +
        '"Alice is paid" on api: Alice was paid £5.00; expected £6.00\n',
    )
    expect(() => dsl.report.expectMessage({ message })).toThrow(
      `expectMessage: the reports hold the message "${message}", but the run did not print it`,
    )
  })

  test('a verdict is the exit code and the printed result together', async () => {
    const dsl = new ParlanceDsl(() => fakeDriver([{ exitCode: 1, verdict: 'passed' }]).driver)
    dsl.project.withScenario({ name: 'Alice opens an account', opensAccount: true })
    await dsl.suite.run()
    expect(() => dsl.report.expectVerdict({ verdict: 'passed' })).toThrow(
      'expectVerdict: expected the run to be passed, but it exited with code 1 and printed "passed"\n',
    )
    expect(() => dsl.report.expectVerdict({ verdict: 'failed' })).toThrow(
      'expectVerdict: expected the run to be failed, but it exited with code 1 and printed "passed"\n',
    )
  })

  test('the system must know a customer only by names the scenarios gave, each its own', async () => {
    const aliases = (real: string) => ({ aliases: { Alice: real } })
    const run = {
      results: [
        result('#1', 'api', 'passed', aliases('alice-r1-aaa')),
        result('#2', 'api', 'passed', aliases('alice-r1-aaa')),
      ],
    }
    const dsl = new ParlanceDsl(() => fakeDriver([run], { customers: ['alice-r1-aaa'] }).driver)
    dsl.project.withAccountScenarios({ customer: 'Alice', count: 2 })
    await dsl.suite.run()
    await expect(dsl.system.expectOwnNames({ customer: 'Alice' })).rejects.toThrow(
      new AssertionFailedError(
        'expectOwnNames: Alice was given the same name "alice-r1-aaa" by more than one scenario; each scenario ' +
          'must give its own',
      ),
    )
    const seenOther = new ParlanceDsl(
      () =>
        fakeDriver([{ results: [result('#1', 'api', 'passed', aliases('alice-r1-aaa'))] }], {
          customers: ['alice-r1-aaa', 'Alice'],
        }).driver,
    )
    seenOther.project.withAccountScenarios({ customer: 'Alice', count: 1 })
    await seenOther.suite.run()
    await expect(seenOther.system.expectOwnNames({ customer: 'Alice' })).rejects.toThrow(
      new AssertionFailedError(
        'expectOwnNames: Alice: the system was given the spec\'s own name "Alice", not a scenario\'s name for it',
      ),
    )
  })

  test('names what the runs left running, and how often the system started', async () => {
    const dsl = new ParlanceDsl(() => fakeDriver([{}], { starts: 2, requests: 3 }, ['the system (pid 4188)']).driver)
    dsl.project.withScenario({ name: 'Alice opens an account', opensAccount: true })
    await dsl.suite.run()
    await expect(dsl.processes.expectNoneLeft()).rejects.toThrow(
      new AssertionFailedError("expectNoneLeft: the project's runs left 1 process running: the system (pid 4188)"),
    )
    await expect(dsl.system.expectStarts({ times: 1 })).rejects.toThrow(
      new AssertionFailedError('expectStarts: expected the system to be started once, but it was started twice'),
    )
    await expect(dsl.system.expectNoRequests()).rejects.toThrow(
      new AssertionFailedError('expectNoRequests: expected the system to receive no request, but it received 3'),
    )
  })
})
