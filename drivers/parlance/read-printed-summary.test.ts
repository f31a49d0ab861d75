import { describe, expect, test } from 'vitest'
import { readPrintedTable, readSystemDeaths, readSystemStartFailure, readVerdict } from './read-printed-summary.ts'

const stdout = [
  'parlance run r7k2 · channels api, ui · 1 worker per channel',
  '',
  'Scenario                   api      ui',
  'The ledger',
  '  Alice is paid            FAILED   passed',
  '  Alice opens an account   passed   —',
  '',
  'Failures',
  '  ✗ The ledger › Alice is paid · api  features/ledger.feature:3',
  '',
  'Time      api 0.2 s · ui 0.1 s',
  'Result    FAILED: 1 failed, 2 passed, 1 not run',
].join('\n')

describe('reading what parlance run printed', () => {
  test('reads the scenario × channel table cell by cell, by the header’s columns', () => {
    expect(readPrintedTable(stdout)).toEqual([
      { scenario: 'Alice is paid', channel: 'api', text: 'FAILED' },
      { scenario: 'Alice is paid', channel: 'ui', text: 'passed' },
      { scenario: 'Alice opens an account', channel: 'api', text: 'passed' },
      { scenario: 'Alice opens an account', channel: 'ui', text: '—' },
    ])
    expect(readPrintedTable('parlance run r7k2\n')).toEqual([])
  })

  test('reads the verdict, or none', () => {
    expect(readVerdict(stdout)).toBe('failed')
    expect(readVerdict('Result    passed: 2 passed\n')).toBe('passed')
    expect(readVerdict('')).toBeUndefined()
  })

  test('reads the system that did not start and its last lines, without their labels', () => {
    const stderr = [
      'parlance run: Process "ledger" (/usr/bin/node system/ledger.mjs) exited with code 3 before it was ready ' +
        '(waiting for a log line). Its last 2 lines of output:',
      '  [stdout] ledger: opening the ledger',
      '  [stderr] ledger: the ledger file is corrupt, line 3',
      '',
    ].join('\n')
    expect(readSystemStartFailure(stderr)).toEqual({
      system: 'ledger',
      lastLines: ['ledger: opening the ledger', 'ledger: the ledger file is corrupt, line 3'],
    })
    expect(readSystemStartFailure('parlance run: unknown option --chanels\n')).toBeUndefined()
  })

  test('reads each notice of a system that died, not the summary’s repetition of it', () => {
    const printed = [
      '..',
      '✗ ledger (pid 4242) was killed by SIGKILL at 17:02:03 during the ledger/api channel',
      'F',
      'ledger/ui: not run: it needs ledger, which was killed by SIGKILL during the ledger/api channel',
      '✗ docker (pid 4243) exited with code 3 at 17:02:05 after the ui channel',
      'System down',
      '  ✗ ledger (pid 4242) was killed by SIGKILL at 17:02:03 during the ledger/api channel: ' +
        '1 scenario could not reach it',
    ].join('\n')
    expect(readSystemDeaths(printed)).toEqual([
      { system: 'ledger', pid: 4242, how: 'was killed by SIGKILL', channel: 'api' },
      { system: 'docker', pid: 4243, how: 'exited with code 3' },
    ])
  })
})
