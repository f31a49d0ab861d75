import { writeFile } from 'node:fs/promises'
import xmlbuilder from 'xmlbuilder'
import { cellOf, type ScenarioRun } from '../../drivers/core/run-model/index.ts'
import type { Verdict } from './judge.ts'

/**
 * JUnit XML of the gate: one testsuite per channel, one testcase per scenario.
 * Built with xmlbuilder, as cucumber's own JUnit formatter is, so escaping and
 * characters XML cannot hold are its business. Flaky: a passed testcase with
 * Surefire's `<flakyFailure>` per failed attempt, a `flaky` property and a
 * system-out line; not applicable: `<skipped message="not applicable: …"/>`;
 * a failed assertion: `<failure type="assertion-failed">`; any other failure
 * is an error of the run, typed by its kind (`error`, `timed-out`,
 * `configuration-error`, `system-compromised`), as are undefined, pending,
 * ambiguous and not run: `<error type="…">`.
 *
 * @example
 *   declare const verdict: Verdict
 *   junitXml(verdict, (text) => text)
 *   // '<?xml version="1.0"?>\n<testsuites name="parlance gate" tests="3" failures="1" …'
 */
export function junitXml(verdict: Verdict, dealias: (text: string) => string): string {
  const root = xmlbuilder.create('testsuites', { invalidCharReplacement: '' })
  root.att({ name: 'parlance gate', ...counts(verdict.scenarios) })
  for (const channel of verdict.channels) {
    const scenarios = verdict.scenarios.filter((scenario) => scenario.channel === channel)
    const suite = root.ele('testsuite', { name: `parlance ${channel}`, ...counts(scenarios) })
    for (const scenario of scenarios) addTestcase(suite, scenario, dealias)
  }
  return root.end({ pretty: true })
}

/**
 * Writes junit.xml to `file`.
 *
 * @example
 *   declare const verdict: Verdict, dealias: (text: string) => string
 *   await writeJunit('reports/junit.xml', verdict, dealias)
 */
export async function writeJunit(file: string, verdict: Verdict, dealias: (text: string) => string): Promise<void> {
  await writeFile(file, junitXml(verdict, dealias))
}

function addTestcase(suite: xmlbuilder.XMLElement, scenario: ScenarioRun, dealias: (text: string) => string): void {
  const classname = scenario.feature.storyId
    ? `${scenario.feature.storyId} ${scenario.feature.name}`
    : scenario.feature.name
  const name = scenario.rule ? `${scenario.rule.name} › ${scenario.name}` : scenario.name
  const testcase = suite.ele('testcase', {
    classname,
    name,
    file: scenario.uri,
    line: scenario.line,
    time: seconds(scenario.durationMs),
  })
  const text = dealias(scenario.failure ?? '')
  switch (scenario.status) {
    case 'failed': {
      // Only a failed check is a failure; a scenario that could not reach the system, timed out or broke is an error of
      // the run.
      const kind = cellOf(scenario)
      testcase
        .ele(kind === 'assertion-failed' ? 'failure' : 'error', { type: kind, message: text.split('\n').at(-1) ?? '' })
        .txt(text)
      break
    }
    case 'undefined':
    case 'pending':
    case 'ambiguous':
      testcase
        .ele('error', { type: scenario.status, message: `${scenario.status}: ${text.split('\n')[0] ?? ''}` })
        .txt(text)
      break
    case 'not-run':
      testcase.ele('error', { type: 'not-run', message: 'did not run: cucumber planned it but never finished it' })
      break
    case 'skipped':
      testcase.ele('skipped', { message: 'skipped without a not-applicable reason' })
      break
    case 'not-applicable':
      testcase.ele('skipped', { message: `not applicable: ${dealias(scenario.notApplicable ?? '')}` })
      break
    default:
      break
  }
  if (!scenario.flaky) return
  testcase.ele('properties').ele('property', { name: 'flaky', value: 'true' })
  for (const attempt of scenario.attempts.slice(0, -1).filter((earlier) => earlier.failure)) {
    const failure = dealias(attempt.failure ?? '')
    testcase
      .ele('flakyFailure', { type: attempt.failureKind ?? attempt.status, message: failure.split('\n').at(-1) ?? '' })
      .ele('stackTrace')
      .txt(failure)
  }
  testcase
    .ele('system-out')
    .txt(
      `flaky: failed ${scenario.retriedFailures.length} time(s), then passed on attempt ` +
        `${scenario.attempts.length}\n${scenario.retriedFailures.map(dealias).join('\n---\n')}`,
    )
}

function counts(scenarios: ScenarioRun[]): Record<string, string | number> {
  const count = (...statuses: string[]): number =>
    scenarios.filter((scenario) => statuses.includes(scenario.status)).length
  return {
    tests: scenarios.length,
    failures: scenarios.filter((scenario) => cellOf(scenario) === 'assertion-failed').length,
    errors:
      count('failed', 'undefined', 'pending', 'ambiguous', 'not-run') -
      scenarios.filter((scenario) => cellOf(scenario) === 'assertion-failed').length,
    skipped: count('skipped', 'not-applicable'),
    flakes: scenarios.filter((scenario) => scenario.flaky).length,
    time: seconds(scenarios.reduce((sum, scenario) => sum + scenario.durationMs, 0)),
  }
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3)
}
