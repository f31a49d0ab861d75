import { describe, expect, it } from 'vitest'
import { formatRunTimes, runProblems, verdictLine, type RunRecord } from './isolation-report.ts'
import type { SuiteRun } from './run-suite.ts'

const passed: SuiteRun = { pid: 1, code: 0, signal: null, timedOut: false, ms: 61_230, tally: 'scenarios: 40 passed, 0 failed', leftovers: [] }
const record = (number: number, run: Partial<SuiteRun> = {}, extra: Partial<RunRecord> = {}): RunRecord => ({ number, run: { ...passed, ...run }, ...extra })
const timeout = 600_000

describe('runProblems', () => {
  it('finds nothing wrong with a run that passed scenarios and left nothing behind', () => {
    expect(runProblems(record(1), timeout)).toEqual([])
  })

  it('says how a run failed', () => {
    expect(runProblems(record(2, { code: 1, tally: 'scenarios: 38 passed, 2 failed' }), timeout)).toEqual(['exited with code 1 (scenarios: 38 passed, 2 failed)'])
    expect(runProblems(record(2, { code: null, signal: 'SIGKILL', tally: undefined }), timeout)).toEqual(['was killed by SIGKILL'])
    expect(runProblems(record(2, { code: 130, timedOut: true, tally: undefined }), timeout)).toEqual(['did not end within 10m, so it was interrupted'])
  })

  it('fails a run that passed no scenario, a run that left processes and a run that lost the engine', () => {
    const problems = runProblems(record(1, { tally: 'scenarios: 0 passed, 0 failed', leftovers: ['pid 7 (node run_worker.js)'] }, { engineExit: { code: null, signal: 'SIGKILL' } }), timeout)
    expect(problems).toEqual([
      'passed no scenario (scenarios: 0 passed, 0 failed): a run that checks nothing proves nothing',
      'left 1 process behind, now killed: pid 7 (node run_worker.js)',
      'ended with the engine gone: it was killed by SIGKILL during the run',
    ])
  })
})

describe('formatRunTimes and verdictLine', () => {
  it('reports three passed runs', () => {
    const records = [record(1), record(2, { ms: 58_000 }), record(3, { ms: 57_960 })]
    expect(formatRunTimes(records, 3, timeout)).toEqual([
      'run 1 of 3  passed    61.2 s  scenarios: 40 passed, 0 failed  (= npm run acceptance; engine started by this check)',
      'run 2 of 3  passed    58.0 s  scenarios: 40 passed, 0 failed  (same engine, no reset)',
      'run 3 of 3  passed    58.0 s  scenarios: 40 passed, 0 failed  (same engine, no reset)',
    ])
    expect(verdictLine(records, 3, timeout)).toBe('isolation: 3 runs against one engine passed')
  })

  it('names each failed run and the runs not started', () => {
    const records = [record(1), record(2, { code: 1, tally: 'scenarios: 38 passed, 2 failed' }, { engineExit: { code: 1, signal: null } })]
    expect(formatRunTimes(records, 3, timeout)[1]).toBe('run 2 of 3  FAILED    61.2 s  scenarios: 38 passed, 2 failed  (same engine, no reset)')
    expect(verdictLine(records, 3, timeout)).toBe(
      'isolation: FAILED — run 2 of 3 exited with code 1 (scenarios: 38 passed, 2 failed); run 2 of 3 ended with the engine gone: it exited with code 1 during the run; run 3 of 3 was not started',
    )
  })
})
