import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { fixture, ParlanceCli } from './run-cli.ts'

let cli: ParlanceCli | undefined
afterEach(() => {
  cli?.cleanup()
  cli = undefined
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('parlance run with secrets in the config', { timeout: 60_000 }, () => {
  test('masks a query parameter the config names in a worker process, in its output and every report', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stdout } = await cli.run(['run', '--config', 'secrets.config.ts', '--reports', cli.reportsDir])
    expect(stdout).toMatch(/the shop refused POST http:\/\/127\.0\.0\.1:\d+\/pay\?basket_pin=\*\*\*\*&buyer=Alice \(/)
    expect(stdout).not.toContain('4711-2023')
    const reports = filesUnder(cli.reportsDir).filter((file) => !file.endsWith('timings.json'))
    expect(reports.map((file) => file.slice(cli!.reportsDir.length + 1)).sort()).toEqual([
      'dod.html',
      'dod.md',
      'junit.xml',
      'merged.ndjson',
      'report.html',
      'shop/api/junit.xml',
      'shop/api/messages.ndjson',
      'shop/api/report.html',
    ])
    for (const file of reports) expect(readFileSync(file, 'utf8'), file).not.toContain('4711-2023')
    const messages = readFileSync(join(cli.reportsDir, 'shop', 'api', 'messages.ndjson'), 'utf8')
    // Run by a forked worker, which inherited the config's names from the runner.
    const started = messages.split('\n').filter((line) => line.startsWith('{"testCaseStarted"'))
    expect(started.map((line) => /"workerId":"\d+"/.test(line))).toEqual([true, true])
    expect(messages).toMatch(/"body":"POST http:\/\/127\.0\.0\.1:\d+\/pay\?basket_pin=\*\*\*\*&buyer=Alice \S+ → 402"/)
    // An error cucumber caught itself, not through the World, is masked in cucumber's own reports too.
    const thrown = /the payment callback to http:\/\/127\.0\.0\.1:\d+\/pay\?basket_pin=\*{4}&buyer=Alice \S+ failed/
    expect(messages).toMatch(thrown)
    expect(readFileSync(join(cli.reportsDir, 'shop', 'api', 'junit.xml'), 'utf8')).toMatch(thrown)
    expect(code).toBe(1)
  })

  test('masks the credentials and the token in the error of a config that failed to load', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stderr } = await cli.run(['run', '--config', 'vault.config.ts', '--reports', cli.reportsDir])
    expect(stderr).toBe(
      'parlance run: could not load vault.config.ts: could not read the shop key from ' +
        'https://****:****@vault.example/v1/shop?token=****\n',
    )
    expect(code).toBe(2)
  })
})
