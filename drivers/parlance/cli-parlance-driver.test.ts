import { existsSync } from 'node:fs'
import { afterEach, describe, expect, test } from 'vitest'
import { fakeDriverContext, type FakeDriverContext } from '../core/test-fixtures/fake-driver-context.ts'
import { Money } from '../core/values/money.ts'
import { CliParlanceDriver } from './cli-parlance-driver.ts'
import type { ProjectModel } from './project-model.ts'

let ctx: FakeDriverContext
afterEach(() => ctx.endScenario({ failed: false }))

const alicePaid: ProjectModel = {
  channels: ['api', 'ui'],
  scenarios: [
    {
      name: 'Alice is paid',
      steps: [
        { action: 'is paid', customer: 'Alice', amount: Money.pounds(5) },
        { action: 'has been paid', customer: 'Alice', amount: Money.pounds(6) },
      ],
    },
    { name: 'Alice asks for a refund', onlyOn: 'ui', steps: [{ action: 'asks for a refund', customer: 'Alice' }] },
  ],
  limits: [{ channel: 'ui', operation: 'askForRefund', reason: 'the betting pages have no refund button' }],
}

describe('CliParlanceDriver', () => {
  test('runs the generated project with the real parlance command and reads every scenario × channel', async () => {
    ctx = fakeDriverContext({}, 'cli')
    const driver = new CliParlanceDriver(ctx)
    const run = await driver.runSuite(alicePaid, { workers: 1, againstDeployed: false })

    const aliceOnApi = run.results.find((r) => r.scenario === 'Alice is paid' && r.channel === 'api')
    expect(
      run.results.map(({ scenario, channel, outcome, message, notApplicable }) => ({
        scenario,
        channel,
        outcome,
        message,
        notApplicable,
      })),
    ).toEqual([
      {
        scenario: 'Alice is paid',
        channel: 'api',
        outcome: 'assertion-failed',
        message: 'Alice was paid £5.00; expected £6.00',
        notApplicable: undefined,
      },
      {
        scenario: 'Alice is paid',
        channel: 'ui',
        outcome: 'assertion-failed',
        message: 'Alice was paid £5.00; expected £6.00',
        notApplicable: undefined,
      },
      {
        scenario: 'Alice asks for a refund',
        channel: 'ui',
        outcome: 'not-applicable',
        message: undefined,
        notApplicable: { operation: 'askForRefund', reason: 'the betting pages have no refund button' },
      },
    ])
    expect(run.printed).toEqual([
      { scenario: 'Alice is paid', channel: 'api', text: 'FAILED' },
      { scenario: 'Alice is paid', channel: 'ui', text: 'FAILED' },
      { scenario: 'Alice asks for a refund', channel: 'api', text: '—' },
      { scenario: 'Alice asks for a refund', channel: 'ui', text: 'n/a' },
    ])
    expect([run.exitCode, run.verdict, run.systemStartFailure]).toEqual([1, 'failed', undefined])
    const record = await driver.systemRecord()
    expect(record.starts).toBe(1)
    expect(record.customers).toEqual(
      run.results.filter((r) => r.scenario === 'Alice is paid').map((r) => r.aliases.Alice),
    )
    expect(aliceOnApi?.aliases.Alice).toMatch(/^Alice [a-z0-9]+-[a-z0-9]{6}$/)
    expect(await driver.leftoverProcesses()).toEqual([])
  })

  test('reports a system that stops before it is ready, with its last lines', async () => {
    ctx = fakeDriverContext({}, 'cli')
    const driver = new CliParlanceDriver(ctx)
    const run = await driver.runSuite(
      { ...alicePaid, startupFailure: 'the ledger file is corrupt' },
      { workers: 1, againstDeployed: false },
    )
    expect(run.systemStartFailure).toEqual({
      system: 'ledger',
      lastLines: ['ledger: opening the ledger', 'ledger: the ledger file is corrupt'],
    })
    expect([run.exitCode, run.verdict, run.results, run.printed]).toEqual([1, undefined, [], []])
    expect(await driver.leftoverProcesses()).toEqual([])
  })

  test('tests a deployed system without starting another, and removes the project when the scenario ends', async () => {
    ctx = fakeDriverContext({}, 'cli')
    const driver = new CliParlanceDriver(ctx)
    const project: ProjectModel = {
      channels: ['api'],
      scenarios: [{ name: 'Alice opens an account', steps: [{ action: 'opens an account', customer: 'Alice' }] }],
      limits: [],
    }
    await driver.deploySystem(project)
    const first = await driver.runSuite(project, { workers: 1, againstDeployed: true })
    const second = await driver.runSuite(project, { workers: 1, againstDeployed: true })
    expect([first.verdict, second.verdict]).toEqual(['passed', 'passed'])
    expect(first.output).toContain('ledger: not started, LEDGER_URL=http://127.0.0.1:')
    const record = await driver.systemRecord()
    expect([record.starts, record.requests, record.customers.length]).toEqual([1, 2, 2])
    const projectDir = /^Reports\s+(\S+)\/reports\/run-1\/ledger\/api$/m.exec(first.output)?.[1] ?? 'no Reports line'
    expect(existsSync(projectDir)).toBe(true)
    await ctx.endScenario({ failed: true })
    expect(ctx.attachments.map((a) => a.fileName)).toEqual([
      'ledger.feature',
      'parlance-run-1.txt',
      'parlance-run-2.txt',
    ])
    expect(existsSync(projectDir)).toBe(false)
    expect(await driver.leftoverProcesses()).toEqual([])
  })
})
