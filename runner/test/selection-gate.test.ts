import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { copyFixtureProject } from '../merge/fixture-project.ts'
import { runParlance } from '../merge/run-parlance.ts'

// The orders fixture project, with a story whose only scenario is for the ui channel, and a second domain,
// billing, whose own channel is also called api and whose steps are its own.
const repo = fileURLToPath(new URL('../../', import.meta.url))
const extra: Record<string, string> = {
  'selection.config.ts': `import { defineConfig } from '${repo}runner/config/config.ts'
export default defineConfig({
  domains: {
    orders: { features: ['features/**/*.feature'], channels: ['api', 'ui'] },
    billing: { features: ['billing/**/*.feature'], channels: ['api'], support: ['billing-support/**/*.ts'] },
  },
  support: ['support/**/*.ts'],
})
`,
  'features/tracking.feature': `@story:ORD-3
Feature: Tracking

  Rule: The order page shows where the parcel is

    @channel:ui
    Scenario: A posted order shows its parcel
      Given Alice orders a "teapot"
      Then Alice's order is open
`,
  'billing/invoices.feature': `@story:BIL-1
Feature: Invoices

  Rule: A paid order is invoiced

    Scenario: Paying sends the invoice
      Given Alice orders a "teapot"
      When Alice pays, which takes 5 ms
      Then an invoice for 1 order is sent
`,
  'billing-support/steps.ts': `import { Then } from '@cucumber/cucumber'
Then('an invoice for {int} order is sent', function (_count: number) {})
`,
}

let project: ReturnType<typeof copyFixtureProject>
const run = (args: string[]) =>
  runParlance(['run', '--config', 'selection.config.ts', ...args, '--reports', 'out'], project.dir)

/** The gate's table rows (story, criterion, cells) and its last line, from parlance run's output. */
function gateOf(stdout: string): string[] {
  const gate = stdout.slice(stdout.indexOf('\nGate'))
  return gate
    .split('\n')
    .filter((line) => /^(ORD|BIL)-\d|^ {7}\S|^(orders|billing)$|^Gate: /.test(line))
    .map((line) => line.replace(/\s+$/, ''))
}

describe('the gate honours every selection: what a run left out is not in this run, never red', () => {
  beforeAll(() => {
    project = copyFixtureProject()
    for (const [file, text] of Object.entries(extra)) {
      mkdirSync(dirname(join(project.dir, file)), { recursive: true })
      writeFileSync(join(project.dir, file), text)
    }
  })
  afterAll(() => project.remove())

  test('--tags: the other stories’ criteria are listed as not in this run; green', { timeout: 90_000 }, async () => {
    const { code, stdout } = await run(['--tags', '@story:ORD-2'])
    expect(gateOf(stdout)).toEqual([
      'orders',
      'ORD-1  An order is confirmed once paid (not in this run)           –     –',
      '       An unpaid order stays open (not in this run)                –     –',
      'ORD-2  A refund returns the whole payment                          ✓     ✓',
      'ORD-3  The order page shows where the parcel is (not in this run)  –     –',
      'billing',
      'BIL-1  A paid order is invoiced (not in this run)  –',
      'Gate: GREEN',
    ])
    expect(code).toBe(0)
  })

  test('--channels api: a criterion tested on ui only is not in this run; both domains’ api run', {
    timeout: 90_000,
  }, async () => {
    const { code, stdout } = await run(['--channels', 'api'])
    expect(stdout).toContain('channels orders/api, billing/api')
    expect(gateOf(stdout)).toEqual([
      'orders',
      'ORD-1  An order is confirmed once paid                             ✓',
      '       An unpaid order stays open                                  ✓',
      'ORD-2  A refund returns the whole payment                          ✓',
      'ORD-3  The order page shows where the parcel is (not in this run)  –',
      'billing',
      'BIL-1  A paid order is invoiced  ✓',
      'Gate: GREEN',
    ])
    expect(code).toBe(0)
    const dod = readFileSync(join(project.dir, 'out', 'dod.md'), 'utf8')
    expect(dod).toContain('## orders\n\n### ORD-1\n\n| Criterion | api |\n')
    expect(dod).toContain('## billing\n\n### BIL-1\n\n| Criterion | api |\n')
    expect(dod).not.toContain('| ui |')
  })

  test('--domain billing: only billing runs and is judged', { timeout: 90_000 }, async () => {
    const { code, stdout } = await run(['--domain', 'billing'])
    expect(stdout).toContain('channels billing/api')
    expect(gateOf(stdout)).toEqual(['billing', 'BIL-1  A paid order is invoiced  ✓', 'Gate: GREEN'])
    expect(code).toBe(0)
  })

  test('--shard 1/2: the shard’s gate judges its share; the rest is not in this run', {
    timeout: 90_000,
  }, async () => {
    const { code, stdout } = await run(['--shard', '1/2'])
    expect(stdout).toContain('Gate (shard 1/2: its share only; parlance merge judges the whole run)')
    const rows = gateOf(stdout)
    expect(rows.at(-1)).toBe('Gate: GREEN')
    // Each story's feature file is either in the shard or read for its outline only.
    expect(rows.filter((row) => /^[A-Z]+-\d/.test(row)).map((row) => row.slice(0, 5))).toEqual([
      'ORD-1',
      'ORD-2',
      'ORD-3',
      'BIL-1',
    ])
    expect(rows.some((row) => row.includes('(not in this run)'))).toBe(true)
    expect(code).toBe(0)
  })
})
