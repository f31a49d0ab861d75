import { describe, expect, it } from 'vitest'
import { formatRunTimes, overallVerdictLine, runProblems, verdictLine, type RunRecord } from './isolation-report.ts'
import type { SuiteRun } from './run-suite.ts'

const passed: SuiteRun = {
  pid: 1,
  code: 0,
  signal: null,
  timedOut: false,
  ms: 61_230,
  tally: 'scenarios: 40 passed, 0 failed',
  leftovers: [],
}
const record = (number: number, run: Partial<SuiteRun> = {}, extra: Partial<RunRecord> = {}): RunRecord => ({
  number,
  run: { ...passed, ...run },
  ...extra,
})
const timeout = 600_000

describe('runProblems', () => {
  it('finds nothing wrong with a run that passed scenarios and left nothing behind', () => {
    expect(runProblems(record(1), timeout)).toEqual([])
  })

  it('says how a run failed', () => {
    expect(runProblems(record(2, { code: 1, tally: 'scenarios: 38 passed, 2 failed' }), timeout)).toEqual([
      'exited with code 1 (scenarios: 38 passed, 2 failed)',
    ])
    expect(runProblems(record(2, { code: null, signal: 'SIGKILL', tally: undefined }), timeout)).toEqual([
      'was killed by SIGKILL',
    ])
    expect(runProblems(record(2, { code: 130, timedOut: true, tally: undefined }), timeout)).toEqual([
      'did not end within 10m, so it was interrupted',
    ])
  })

  it('fails a run that passed no scenario, a run that left processes and a run that lost systems', () => {
    const problems = runProblems(
      record(
        1,
        { tally: 'scenarios: 0 passed, 0 failed', leftovers: ['pid 7 (node run_worker.js)'] },
        { systemsGone: ['docker', 'load-balancer'] },
      ),
      timeout,
    )
    expect(problems).toEqual([
      'passed no scenario (scenarios: 0 passed, 0 failed): a run that checks nothing proves nothing',
      'left 1 process behind, now killed: pid 7 (node run_worker.js)',
      'ended with docker and load-balancer gone: they stopped running during the run',
    ])
  })
})

describe('formatRunTimes and verdictLine', () => {
  it('reports three passed runs against the systems', () => {
    const records = [record(1), record(2, { ms: 58_000 }), record(3, { ms: 57_960 })]
    expect(formatRunTimes(records, 3, timeout)).toEqual([
      'run 1 of 3  passed    61.2 s  scenarios: 40 passed, 0 failed  (= npm run acceptance; systems started by ' +
        'this check)',
      'run 2 of 3  passed    58.0 s  scenarios: 40 passed, 0 failed  (same systems, no reset)',
      'run 3 of 3  passed    58.0 s  scenarios: 40 passed, 0 failed  (same systems, no reset)',
    ])
    expect(verdictLine(records, 3, timeout, ['settlement'])).toBe('isolation: 3 runs against one settlement passed')
    expect(verdictLine(records.slice(0, 1), 1, timeout, ['docker', 'load-balancer'])).toBe(
      'isolation: 1 run against one docker and load-balancer passed',
    )
  })

  it('names each failed run and the runs not started', () => {
    const records = [
      record(1),
      record(2, { code: 1, tally: 'scenarios: 38 passed, 2 failed' }, { systemsGone: ['settlement'] }),
    ]
    expect(formatRunTimes(records, 3, timeout)[1]).toBe(
      'run 2 of 3  FAILED    61.2 s  scenarios: 38 passed, 2 failed  (same systems, no reset)',
    )
    expect(verdictLine(records, 3, timeout, ['settlement'])).toBe(
      'isolation: FAILED — run 2 of 3 exited with code 1 (scenarios: 38 passed, 2 failed); run 2 of 3 ended ' +
        'with settlement gone: it stopped running during the run; run 3 of 3 was not started',
    )
  })
})

describe('overallVerdictLine', () => {
  it('is green only if every domain is', () => {
    expect(
      overallVerdictLine([
        { domain: 'settlement', passed: true },
        { domain: 'load-balancer', passed: true },
      ]),
    ).toBe('isolation: all 2 domains passed: settlement, load-balancer')
    expect(
      overallVerdictLine([
        { domain: 'settlement', passed: true },
        { domain: 'load-balancer', passed: false },
      ]),
    ).toBe("isolation: FAILED — load-balancer failed, settlement passed; each domain's verdict is above")
    expect(
      overallVerdictLine([
        { domain: 'settlement', passed: false },
        { domain: 'load-balancer', passed: false },
      ]),
    ).toBe("isolation: FAILED — settlement, load-balancer failed, none passed; each domain's verdict is above")
  })
})
