import { describeExit } from '../../drivers/core/process-messages.ts'
import { Duration } from '../../drivers/core/values/duration.ts'
import type { SuiteRun } from './run-suite.ts'

/**
 * One run of the check as it ended, and whether the engine was still there after it.
 *
 * @example
 *   const record: RunRecord = { number: 2, run: ended, engineExit: undefined }
 */
export interface RunRecord {
  number: number
  run: SuiteRun
  /** How the engine ended, if it ended during the run. */
  engineExit?: { code: number | null; signal: NodeJS.Signals | null }
}

/**
 * What went wrong in one run, each as a phrase that follows "run N of M"; empty if it passed.
 *
 * @example
 *   runProblems(record, 600_000) // ['exited with code 1 (scenarios: 38 passed, 2 failed)']
 *   runProblems(passedRecord, 600_000) // []
 */
export function runProblems(record: RunRecord, timeoutMs: number): string[] {
  const { run } = record
  const tally = run.tally ? ` (${run.tally})` : ''
  const problems: string[] = []
  if (run.timedOut) problems.push(`did not end within ${Duration.ms(timeoutMs)}, so it was interrupted${tally}`)
  else if (run.code !== 0) problems.push(`${describeExit(run)}${tally}`)
  else if (!run.tally || /^scenarios: 0 passed\b/.test(run.tally)) problems.push(`passed no scenario (${run.tally ?? 'it printed no tally'}): a run that checks nothing proves nothing`)
  if (run.leftovers.length > 0) problems.push(`left ${run.leftovers.length} process${run.leftovers.length === 1 ? '' : 'es'} behind, now killed: ${run.leftovers.join(', ')}`)
  if (record.engineExit) problems.push(`ended with the engine gone: it ${describeExit(record.engineExit)} during the run`)
  return problems
}

/**
 * The run-times table: one line per run, with its outcome and tally.
 *
 * @example
 *   formatRunTimes(records, 3, 600_000)
 *   // ['run 1 of 3  passed  62.3 s  scenarios: 40 passed, 0 failed  (= npm run acceptance; engine started by this check)', …]
 */
export function formatRunTimes(records: readonly RunRecord[], runs: number, timeoutMs: number): string[] {
  return records.map((record) => {
    const outcome = runProblems(record, timeoutMs).length === 0 ? 'passed' : 'FAILED'
    const note = record.number === 1 ? '  (= npm run acceptance; engine started by this check)' : '  (same engine, no reset)'
    return `run ${record.number} of ${runs}  ${outcome.padEnd(6)}  ${`${(record.run.ms / 1000).toFixed(1)} s`.padStart(8)}  ${record.run.tally ?? 'no tally'}${note}`
  })
}

/**
 * The check's last line: what CI shows.
 *
 * @example
 *   verdictLine(records, 3, 600_000) // 'isolation: 3 runs against one engine passed'
 *   verdictLine(records, 3, 600_000) // 'isolation: FAILED — run 2 of 3 exited with code 1 (scenarios: 38 passed, 2 failed); run 3 of 3 was not started'
 */
export function verdictLine(records: readonly RunRecord[], runs: number, timeoutMs: number): string {
  const failures = records.flatMap((record) => runProblems(record, timeoutMs).map((problem) => `run ${record.number} of ${runs} ${problem}`))
  const notStarted = Array.from({ length: runs - records.length }, (_, i) => `run ${records.length + i + 1} of ${runs} was not started`)
  if (failures.length === 0 && notStarted.length === 0) return `isolation: ${runs} run${runs === 1 ? '' : 's'} against one engine passed`
  return `isolation: FAILED — ${[...failures, ...notStarted].join('; ')}`
}
