import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import type { SuiteRun } from '../../drivers/parlance/index.ts'
import { dslMethod, type InputOf } from '../core/params/dsl-method.ts'
import { group } from '../core/params/group.ts'
import { oneOf, string } from '../core/params/param-kinds.ts'
import { checkChannel, checkScenario } from './known-names.ts'
import type { ParlanceSession } from './parlance-session.ts'
import { cellOutcomes, describeCells, printedMismatches, resultCells, type ResultCell } from './result-cells.ts'

const expectEveryScenario = dslMethod('expectEveryScenario', {
  outcome: oneOf(cellOutcomes),
  channels: string({ repeated: true, optional: true }),
})
const expectResults = dslMethod('expectResults', {
  results: group({ scenario: string(), channel: string(), outcome: oneOf(cellOutcomes) }),
})
const expectOutcome = dslMethod('expectOutcome', {
  scenario: string(),
  outcome: oneOf(cellOutcomes),
  channel: string({ optional: true }),
})
const expectMessage = dslMethod('expectMessage', {
  message: string(),
  scenario: string({ optional: true }),
  channel: string({ optional: true }),
})
const expectNotApplicable = dslMethod('expectNotApplicable', {
  scenario: string(),
  channel: string(),
  reason: string(),
})
const expectVerdict = dslMethod('expectVerdict', { verdict: oneOf(['passed', 'failed']) })
const expectSystemNotStarted = dslMethod('expectSystemNotStarted', { lastLines: group({ line: string() }) })
const expectSystemDied = dslMethod('expectSystemDied', { how: string(), channel: string() })

const notFailures: readonly string[] = ['passed', 'not applicable', 'skipped', 'not run']

/**
 * What a run of the project's suite reported: per scenario × channel (from
 * its reports, cross-checked against its printed table), its failures'
 * messages, its verdict. Checks the latest run unless a method says otherwise.
 *
 * @example
 *   declare const report: Report
 *   report.expectOutcome({ scenario: 'Alice is paid', outcome: 'assertion failed' })
 *   report.expectMessage({ message: 'Alice was paid £5.00; expected £6.00' })
 */
export class Report {
  constructor(private readonly session: ParlanceSession) {}

  /**
   * Every scenario has `outcome` on every channel, in every run so far; with
   * `channels`, the runs ran exactly those channels.
   *
   * @example
   *   declare const report: Report
   *   report.expectEveryScenario({ outcome: 'passed' })
   *   report.expectEveryScenario({ outcome: 'passed', channels: ['api', 'ui'] })
   */
  expectEveryScenario(input: InputOf<typeof expectEveryScenario>): void {
    const { outcome, channels } = expectEveryScenario.parse(input)
    for (const run of this.session.allRuns(expectEveryScenario.name)) {
      const cells = resultCells(this.session.project, run)
      const method = `expectEveryScenario (run ${run.number})`
      if (channels.length > 0 && run.ranOn.join(', ') !== channels.join(', ')) {
        fail(
          run,
          `${method}: expected the suite to run on ${channels.join(', ')}, but it ran on ` +
            `${run.ranOn.join(', ') || 'no channel'}`,
          cells,
        )
      }
      const others = cells.filter((cell) => cell.outcome !== outcome)
      if (cells.length === 0 || others.length > 0) {
        fail(
          run,
          `${method}: expected every scenario to be ${outcome} on every channel, but ${others.length} of ` +
            `${cells.length} ${others.length === 1 ? 'is' : 'are'} not`,
          cells,
        )
      }
      checkPrinted(method, run, cells)
    }
  }

  /**
   * The run's results are exactly these, one row per scenario × channel.
   *
   * @example
   *   import type { DataTable } from '@cucumber/cucumber'
   *   declare const report: Report, dataTable: DataTable
   *   report.expectResults(dataTable) // | scenario | channel | outcome |
   *   report.expectResults({ results: [{ scenario: 'Alice opens an account', channel: 'ui', outcome: 'not run' }] })
   */
  expectResults(input: InputOf<typeof expectResults>): void {
    const { results } = expectResults.parse(input)
    const run = this.session.lastRun(expectResults.name)
    for (const { scenario, channel } of results) {
      checkScenario(expectResults.name, this.session.project, scenario)
      checkChannel(expectResults.name, this.session.project, channel)
    }
    const cells = resultCells(this.session.project, run)
    const key = (scenario: string, channel: string): string => `"${scenario}" on ${channel}`
    const expected = new Map(results.map((row) => [key(row.scenario, row.channel), row.outcome]))
    const differences = cells.flatMap((cell) => {
      const wanted = expected.get(key(cell.scenario, cell.channel))
      if (wanted === undefined)
        return [`${key(cell.scenario, cell.channel)} is ${cell.outcome}, but the spec does not list it`]
      return wanted === cell.outcome
        ? []
        : [`${key(cell.scenario, cell.channel)} is ${cell.outcome}; expected ${wanted}`]
    })
    if (differences.length > 0)
      fail(
        run,
        `expectResults: the results differ from the spec's:\n${differences.map((d) => `  ${d}`).join('\n')}`,
        cells,
      )
    checkPrinted(expectResults.name, run, cells)
  }

  /**
   * One scenario has `outcome` on `channel`, or on every channel of the run.
   *
   * @example
   *   declare const report: Report
   *   report.expectOutcome({ scenario: 'Alice is paid', outcome: 'assertion failed' })
   *   report.expectOutcome({ scenario: 'Alice opens an account', channel: 'ui', outcome: 'not run' })
   */
  expectOutcome(input: InputOf<typeof expectOutcome>): void {
    const { scenario, outcome, channel } = expectOutcome.parse(input)
    const run = this.session.lastRun(expectOutcome.name)
    checkScenario(expectOutcome.name, this.session.project, scenario)
    if (channel !== undefined) checkChannel(expectOutcome.name, this.session.project, channel)
    const cells = resultCells(this.session.project, run)
    const mine = cells.filter(
      (cell) => cell.scenario === scenario && (channel === undefined || cell.channel === channel),
    )
    const wrong = mine.filter((cell) => cell.outcome !== outcome)
    if (wrong.length > 0) {
      const where = channel === undefined ? 'on every channel' : `on ${channel}`
      fail(
        run,
        `expectOutcome: expected "${scenario}" to be ${outcome} ${where}, but it is ` +
          `${wrong.map((cell) => `${cell.outcome} on ${cell.channel}`).join(' and ')}`,
        cells,
      )
    }
    checkPrinted(expectOutcome.name, run, mine)
  }

  /**
   * Every failure of the run (of `scenario`, on `channel`, if given) reads
   * exactly `message`, in its report and in what the run printed.
   *
   * @example
   *   declare const report: Report
   *   report.expectMessage({ message: 'Alice was paid £5.00; expected £6.00' })
   *   report.expectMessage({
   *     scenario: 'Alice is paid',
   *     channel: 'api',
   *     message: 'Alice was paid £5.00; expected £6.00',
   *   })
   */
  expectMessage(input: InputOf<typeof expectMessage>): void {
    const { message, scenario, channel } = expectMessage.parse(input)
    const run = this.session.lastRun(expectMessage.name)
    if (scenario !== undefined) checkScenario(expectMessage.name, this.session.project, scenario)
    if (channel !== undefined) checkChannel(expectMessage.name, this.session.project, channel)
    const cells = resultCells(this.session.project, run)
    const failures = cells.filter(
      (cell) =>
        !notFailures.includes(cell.outcome) &&
        (scenario ?? cell.scenario) === cell.scenario &&
        (channel ?? cell.channel) === cell.channel,
    )
    if (failures.length === 0)
      fail(
        run,
        `expectMessage: expected a failure reading "${message}", but no ` +
          `scenario${scenario ? ` "${scenario}"` : ''} failed${channel ? ` on ${channel}` : ''}`,
        cells,
      )
    const wrong = failures.filter((cell) => cell.result?.message !== message)
    if (wrong.length > 0) {
      const read = wrong
        .map((cell) => `  "${cell.scenario}" on ${cell.channel}: ${cell.result?.message ?? '(no message)'}`)
        .join('\n')
      fail(run, `expectMessage: expected the failure to read\n  ${message}\nbut it reads\n${read}`, cells)
    }
    if (!run.output.includes(message))
      fail(run, `expectMessage: the reports hold the message "${message}", but the run did not print it`, cells)
  }

  /**
   * The scenario is not applicable on the channel, for exactly this reason, and the run printed the reason.
   *
   * @example
   *   declare const report: Report
   *   report.expectNotApplicable({
   *     scenario: 'Alice asks for a refund',
   *     channel: 'ui',
   *     reason: 'the betting pages have no refund button',
   *   })
   */
  expectNotApplicable(input: InputOf<typeof expectNotApplicable>): void {
    const { scenario, channel, reason } = expectNotApplicable.parse(input)
    const run = this.session.lastRun(expectNotApplicable.name)
    checkScenario(expectNotApplicable.name, this.session.project, scenario)
    checkChannel(expectNotApplicable.name, this.session.project, channel)
    const cells = resultCells(this.session.project, run)
    const cell = cells.find((c) => c.scenario === scenario && c.channel === channel)
    if (cell?.outcome !== 'not applicable')
      fail(
        run,
        `expectNotApplicable: expected "${scenario}" to be not applicable on ${channel}, but it is ` +
          `${cell?.outcome ?? 'not run'}`,
        cells,
      )
    const given = cell?.result?.notApplicable?.reason
    if (given !== reason)
      fail(
        run,
        `expectNotApplicable: expected "${scenario}" to be not applicable on ${channel} because "${reason}", ` +
          `but the reason given is "${given}"`,
        cells,
      )
    if (!run.output.includes(reason))
      fail(run, `expectNotApplicable: the reports give the reason "${reason}", but the run did not print it`, cells)
  }

  /**
   * The run passed (exit 0, printed "passed") or failed (exit 1, nothing printed as passed).
   *
   * @example
   *   declare const report: Report
   *   report.expectVerdict({ verdict: 'passed' })
   *   report.expectVerdict({ verdict: 'failed' })
   */
  expectVerdict(input: InputOf<typeof expectVerdict>): void {
    const { verdict } = expectVerdict.parse(input)
    const run = this.session.lastRun(expectVerdict.name)
    const ok =
      verdict === 'passed'
        ? run.exitCode === 0 && run.verdict === 'passed'
        : run.exitCode === 1 && run.verdict !== 'passed'
    if (!ok) {
      const printed =
        run.verdict === undefined ? 'printed no verdict' : `printed "${run.verdict === 'passed' ? 'passed' : 'FAILED'}"`
      fail(
        run,
        `expectVerdict: expected the run to be ${verdict}, but it exited with code ${run.exitCode} and ${printed}`,
        resultCells(this.session.project, run),
      )
    }
  }

  /**
   * The run reported that the project's system did not start, showing exactly these last lines of its log.
   *
   * @example
   *   import type { DataTable } from '@cucumber/cucumber'
   *   declare const report: Report, dataTable: DataTable
   *   report.expectSystemNotStarted(dataTable) // | line | rows
   *   report.expectSystemNotStarted({ lastLines: [{ line: 'ledger: the ledger file is corrupt' }] })
   */
  expectSystemNotStarted(input: InputOf<typeof expectSystemNotStarted>): void {
    const expected = expectSystemNotStarted.parse(input).lastLines.map(({ line }) => line)
    const run = this.session.lastRun(expectSystemNotStarted.name)
    const failure = run.systemStartFailure
    const cells = resultCells(this.session.project, run)
    if (!failure)
      fail(
        run,
        'expectSystemNotStarted: expected the run to report that the system did not start, but it reported no ' +
          'system that failed to start',
        cells,
      )
    const lines = (list: readonly string[]): string => list.map((line) => `  ${line}`).join('\n')
    if (failure.lastLines.join('\n') !== expected.join('\n')) {
      fail(
        run,
        `expectSystemNotStarted: the run reported that the ${failure.system} did not start, with the last ` +
          `lines\n${lines(failure.lastLines)}\nbut the spec expects\n${lines(expected)}`,
        cells,
      )
    }
  }

  /**
   * The run said once, as it happened, that the project's system died `how`
   * (e.g. `was killed by SIGKILL`) during `channel`, naming its pid.
   *
   * @example
   *   declare const report: Report
   *   report.expectSystemDied({ how: 'was killed by SIGKILL', channel: 'api' })
   */
  expectSystemDied(input: InputOf<typeof expectSystemDied>): void {
    const { how, channel } = expectSystemDied.parse(input)
    const run = this.session.lastRun(expectSystemDied.name)
    checkChannel(expectSystemDied.name, this.session.project, channel)
    const cells = resultCells(this.session.project, run)
    const said = run.systemDeaths.map(
      (death) =>
        `${death.system} (pid ${death.pid}) ${death.how} ` +
        `${death.channel ? `during the ${death.channel} channel` : 'between channels'}`,
    )
    if (said.length !== 1)
      fail(
        run,
        `expectSystemDied: expected the run to say once that the system ${how} during the ${channel} channel, ` +
          `but it said so ${said.length} ` +
          `times${said.length > 0 ? `:\n${said.map((line) => `  ${line}`).join('\n')}` : ''}`,
        cells,
      )
    const [death] = run.systemDeaths
    if (death!.system !== 'ledger' || death!.how !== how || death!.channel !== channel) {
      fail(
        run,
        `expectSystemDied: expected the run to say the ledger ${how} during the ${channel} channel, but it ` +
          `said: ${said[0]}`,
        cells,
      )
    }
  }

  /**
   * No scenario ran on any channel: nothing was reported or printed.
   *
   * @example
   *   declare const report: Report
   *   report.expectNoScenarioRan()
   */
  expectNoScenarioRan(): void {
    const run = this.session.lastRun('expectNoScenarioRan')
    const cells = resultCells(this.session.project, run).filter((cell) => cell.outcome !== 'not run')
    if (cells.length > 0 || run.printed.length > 0)
      fail(
        run,
        `expectNoScenarioRan: expected no scenario to run, but ${cells.length} scenario × channel results were ` +
          `reported`,
        cells,
      )
  }
}

function checkPrinted(method: string, run: SuiteRun, cells: readonly ResultCell[]): void {
  const mismatches = printedMismatches(cells, run)
  if (mismatches.length > 0)
    fail(
      run,
      `${method}: the printed table does not say what the reports say:\n${mismatches.map((m) => `  ${m}`).join('\n')}`,
      cells,
    )
}

/** Throws the assertion failure with the run's results, the messages of its failures, and where its output is. */
function fail(run: SuiteRun, message: string, cells: readonly ResultCell[]): never {
  const failures = cells.flatMap((cell) =>
    cell.result?.message ? [`  "${cell.scenario}" on ${cell.channel}: ${cell.result.message}`] : [],
  )
  throw new AssertionFailedError(
    [
      message,
      `Results of run ${run.number} (exit code ${run.exitCode}):`,
      describeCells(cells),
      ...(failures.length > 0 ? ['Failures:', ...failures] : []),
      `What the run printed is attached as parlance-run-${run.number}.txt.`,
    ].join('\n'),
  )
}
