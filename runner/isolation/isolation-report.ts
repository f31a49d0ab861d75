import { Duration } from '../../drivers/core/values/duration.ts'
import { describeExit } from '../../drivers/core/process-messages.ts'
import type { SuiteRun } from './run-suite.ts'

/**
 * One run of the check as it ended, and the systems that were no longer running after it.
 *
 * @example
 *   declare const ended: SuiteRun
 *   const record: RunRecord = { number: 2, run: ended, systemsGone: ['docker'] }
 */
export interface RunRecord {
  number: number
  run: SuiteRun
  /** The systems that ended during the run, by name. */
  systemsGone?: string[]
}

/**
 * What the runs were against, as the check's lines name it: the systems, joined by "and".
 *
 * @example
 *   systemsPhrase(['docker', 'load-balancer']) // 'docker and load-balancer'
 */
export function systemsPhrase(systems: readonly string[]): string {
  return systems.join(' and ')
}

/**
 * What went wrong in one run, each as a phrase that follows "run N of M"; empty if it passed.
 *
 * @example
 *   declare const record: RunRecord, passedRecord: RunRecord
 *   runProblems(record, 600_000) // ['exited with code 1 (scenarios: 38 passed, 2 failed)']
 *   runProblems(passedRecord, 600_000) // []
 */
export function runProblems(record: RunRecord, timeoutMs: number): string[] {
  const { run, systemsGone = [] } = record
  const tally = run.tally ? ` (${run.tally})` : ''
  const problems: string[] = []
  if (run.timedOut) problems.push(`did not end within ${Duration.ms(timeoutMs)}, so it was interrupted${tally}`)
  else if (run.code !== 0) problems.push(`${describeExit(run)}${tally}`)
  else if (!run.tally || /^scenarios: 0 passed\b/.test(run.tally))
    problems.push(
      `passed no scenario (${run.tally ?? 'it printed no tally'}): a run that checks nothing proves nothing`,
    )
  if (run.leftovers.length > 0)
    problems.push(
      `left ${run.leftovers.length} process${run.leftovers.length === 1 ? '' : 'es'} behind, now killed: ` +
        `${run.leftovers.join(', ')}`,
    )
  if (systemsGone.length > 0)
    problems.push(
      `ended with ${systemsPhrase(systemsGone)} gone: ${systemsGone.length === 1 ? 'it' : 'they'} stopped ` +
        `running during the run`,
    )
  return problems
}

/**
 * The run-times table: one line per run, with its outcome and tally.
 *
 * @example
 *   declare const records: RunRecord[]
 *   formatRunTimes(records, 3, 600_000)
 *   // ['run 1 of 3  passed    62.3 s  scenarios: 40 passed, 0 failed  ' +
 *   //   '(= npm run acceptance; systems started by this check)', …]
 */
export function formatRunTimes(records: readonly RunRecord[], runs: number, timeoutMs: number): string[] {
  return records.map((record) => {
    const outcome = runProblems(record, timeoutMs).length === 0 ? 'passed' : 'FAILED'
    const note =
      record.number === 1 ? '  (= npm run acceptance; systems started by this check)' : '  (same systems, no reset)'
    return (
      `run ${record.number} of ${runs}  ${outcome.padEnd(6)}  ` +
      `${`${(record.run.ms / 1000).toFixed(1)} s`.padStart(8)}  ${record.run.tally ?? 'no tally'}${note}`
    )
  })
}

/**
 * A domain's verdict: the check's last line when it checks one domain.
 *
 * @example
 *   declare const records: RunRecord[]
 *   verdictLine(records, 3, 600_000, ['settlement']) // 'isolation: 3 runs against one settlement passed'
 *   verdictLine(records, 3, 600_000, ['settlement'])
 *   // → 'isolation: FAILED — run 2 of 3 exited with code 1 (scenarios: 38 passed, 2 failed); ' +
 *   //   'run 3 of 3 was not started'
 */
export function verdictLine(
  records: readonly RunRecord[],
  runs: number,
  timeoutMs: number,
  systems: readonly string[],
): string {
  const failures = records.flatMap((record) =>
    runProblems(record, timeoutMs).map((problem) => `run ${record.number} of ${runs} ${problem}`),
  )
  const notStarted = Array.from(
    { length: runs - records.length },
    (_, i) => `run ${records.length + i + 1} of ${runs} was not started`,
  )
  if (failures.length === 0 && notStarted.length === 0)
    return `isolation: ${runs} run${runs === 1 ? '' : 's'} against one ${systemsPhrase(systems)} passed`
  return `isolation: FAILED — ${[...failures, ...notStarted].join('; ')}`
}

/**
 * The check's last line when it checks several domains: green only if every domain is.
 *
 * @example
 *   overallVerdictLine([{ domain: 'settlement', passed: true }, { domain: 'load-balancer', passed: false }])
 *   // 'isolation: FAILED — load-balancer failed, settlement passed; each domain's verdict is above'
 */
export function overallVerdictLine(outcomes: readonly { domain: string; passed: boolean }[]): string {
  const passed = outcomes.filter((outcome) => outcome.passed).map((outcome) => outcome.domain)
  const failed = outcomes.filter((outcome) => !outcome.passed).map((outcome) => outcome.domain)
  if (failed.length === 0) return `isolation: all ${outcomes.length} domains passed: ${passed.join(', ')}`
  return (
    `isolation: FAILED — ${failed.join(', ')} failed, ${passed.length === 0 ? 'none' : passed.join(', ')} ` +
    `passed; each domain's verdict is above`
  )
}
