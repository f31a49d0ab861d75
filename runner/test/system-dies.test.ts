import { afterEach, describe, expect, test } from 'vitest'
import { fixture, ParlanceCli, summaryOf } from './run-cli.ts'

let cli: ParlanceCli
afterEach(() => cli.cleanup())

// What varies from run to run: the time of day and the shop's port.
const stable = (text: string): string =>
  text.replace(/\b\d\d:\d\d:\d\d\b/g, 'HH:MM:SS').replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')

describe('parlance run when a system it started dies mid-run', { timeout: 60_000 }, () => {
  test('names it once, marks unreachable scenarios compromised, skips the channels that need it; exit 1', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stdout } = await cli.run(['run', '--config', 'power-cut.config.ts', '--reports', cli.reportsDir])
    const [pid] = cli.systemPids()
    const lines = stable(stdout).split('\n')
    const death = `shop (pid ${pid}) was killed by SIGKILL at HH:MM:SS during the shop/api channel`

    expect(lines.filter((line) => line.includes('was killed by'))).toEqual([
      `✗ ${death}`,
      'shop/ui: not run: it needs shop, which was killed by SIGKILL during the shop/api channel',
      `  ✗ ${death}: 1 scenario could not reach it; the shop/ui channel, which needs it, was not run`,
      '  ! ui: 4 scenarios not run: it needs shop, which was killed by SIGKILL during the shop/api channel',
      `  ✗ ${death}: 1 scenario could not reach it; the shop/ui channel, which needs it, was not run`,
    ])
    expect(summaryOf(stable(stdout))).toEqual([
      'Scenario                                 api          ui',
      'A power cut in the shop',
      '  Filling a basket before the power cut  passed       —',
      '  Counting the basket wrongly            FAILED       —',
      '  Cutting the power                      passed       —',
      '  Filling a basket after the power cut   COMPROMISED  —',
      '',
      'diary',
      'Scenario                       paper',
      'A diary kept by candlelight',
      '  Writing about the power cut  passed',
      '',
      'System down',
      `  ✗ ${death}: 1 scenario could not reach it; the shop/ui channel, which needs it, was not run`,
      '',
      'Failures',
      '  ✗ A power cut in the shop › Counting the basket wrongly · api · assertion failed  ' +
        'power-cut-features/shop/power-cut.feature:8',
      "      Then Alice's basket holds 2 items",
      "      Alice's basket holds 1 item(s): kettle; expected 2",
      '  ✗ A power cut in the shop › Filling a basket after the power cut · api · system compromised  ' +
        'power-cut-features/shop/power-cut.feature:16',
      '      Given Bob has an empty basket',
      '      GET http://127.0.0.1:PORT/baskets/Bob failed: connection refused (connect ECONNREFUSED 127.0.0.1:PORT). ' +
        'Is the system under test running at http://127.0.0.1:PORT?',
      '',
      'Not run',
      '  ! ui: 4 scenarios not run: it needs shop, which was killed by SIGKILL during the shop/api channel',
      '',
      'Time      shop/api X.X s · shop/ui not run · diary/paper X.X s',
      'Result    FAILED: 1 assertion failed, 1 system compromised, 3 passed, 4 not run',
    ])
    const reasons = lines.slice(lines.indexOf('Reasons for red:') + 1)
    expect(reasons.slice(0, 4)).toEqual([
      `  ✗ ${death}: 1 scenario could not reach it; the shop/ui channel, which needs it, was not run`,
      '  ✗ (no story) "A power cut in the shop" › "Counting the basket wrongly" ' +
        '(power-cut-features/shop/power-cut.feature:8) on api: assertion failed',
      "      Then Alice's basket holds 2 items",
      "      Alice's basket holds 1 item(s): kettle; expected 2",
    ])
    expect(reasons).toContain(
      '  ✗ (no story) "A power cut in the shop" › "Filling a basket after the power cut" ' +
        '(power-cut-features/shop/power-cut.feature:16) on api: system compromised',
    )
    expect(lines.at(-2)).toBe('Gate: RED')
    expect(code).toBe(1)
    expect(await cli.leftovers()).toEqual([])
  })
})

describe('parlance run --domain', { timeout: 60_000 }, () => {
  test('runs only that domain: its channel, none of the other domain’s systems, and a gate of its own', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stdout } = await cli.run([
      'run',
      '--config',
      'power-cut.config.ts',
      '--domain',
      'diary',
      '--reports',
      cli.reportsDir,
    ])
    expect(cli.systemPids()).toEqual([])
    expect(summaryOf(stable(stdout))).toEqual([
      'Scenario                       paper',
      'A diary kept by candlelight',
      '  Writing about the power cut  passed',
      '',
      'Time      diary/paper X.X s',
      'Result    passed: 1 passed',
    ])
    expect(stdout).toContain('Gate: GREEN')
    expect(code).toBe(0)
  })
})
