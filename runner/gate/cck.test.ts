import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runGate } from './run-gate.ts'

// The cucumber compatibility kit's samples (MIT, see runner/fixtures/cck/LICENSE): messages of protocol 33.
const cck = fileURLToPath(new URL('../fixtures/cck', import.meta.url))
const samples = readdirSync(cck, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

async function gate(sample: string, allowFlaky = false): Promise<{ code: number; lines: string[]; text: string }> {
  const lines: string[] = []
  const code = await runGate({ inputs: [`${cck}/${sample}`], allowFlaky }, (line) =>
    lines.push(stripVTControlCharacters(line)),
  )
  return { code, lines, text: lines.join('\n') }
}

describe('parlance gate on the cucumber compatibility kit', () => {
  it('has all 46 samples', () => {
    expect(samples).toHaveLength(46)
  })

  it.each(samples)('judges %s without crashing', async (sample) => {
    const { code, lines } = await gate(sample)
    expect([0, 1]).toContain(code)
    expect(lines.at(-1)).toBe(code === 0 ? 'Gate: GREEN' : 'Gate: RED')
  })

  it('is green exactly on the samples where every scenario passed and the run was well', async () => {
    const green: string[] = []
    for (const sample of samples) if ((await gate(sample)).code === 0) green.push(sample)
    expect(green).toEqual([
      'backgrounds',
      'cdata',
      'data-tables',
      'doc-strings',
      'examples-tables-attachment',
      'global-hooks-attachments',
      'hooks-attachment',
      'hooks-named',
      'minimal',
      'multiple-features',
      'multiple-features-reversed',
      'parameter-types',
      'regular-expression',
      'rules',
      'rules-backgrounds',
      'unused-steps',
    ])
  })

  it('retry: flaky scenarios are red unless allowed; the one that failed every attempt stays red', async () => {
    const { code, text } = await gate('retry')
    expect(code).toBe(1)
    expect(text).toContain(
      '"Test cases that fail are retried if within the --retry limit" (samples/retry/retry.feature:11) on ' +
        'retry: flaky: failed, then passed on attempt 2',
    )
    expect(text).toContain(
      '"Test cases that fail will continue to retry up to the --retry limit" (samples/retry/retry.feature:14) ' +
        'on retry: flaky: failed, then passed on attempt 3',
    )
    const allowed = await gate('retry', true)
    expect(allowed.code).toBe(1)
    expect(allowed.lines.filter((line) => line.startsWith('  ✗ '))).toEqual([
      `  ✗ (no story) "Retry" › "Test cases won't retry after failing more than the --retry limit" ` +
        `(samples/retry/retry.feature:17) on retry: error (attempt 3 of 3)`,
    ])
  })

  it('global-hooks-beforeall-error: red with the hook and the scenario that never ran', async () => {
    const { code, lines } = await gate('global-hooks-beforeall-error')
    expect(code).toBe(1)
    expect(lines.filter((line) => line.startsWith('  ✗ ')).map((line) => line.replace(cck, 'cck'))).toEqual([
      '  ✗ run on global-hooks-beforeall-error ' +
        '(cck/global-hooks-beforeall-error/global-hooks-beforeall-error.ndjson): BeforeAll hook ' +
        '(samples/global-hooks-beforeall-error/global-hooks-beforeall-error.ts:7) failed: BeforeAll hook went ' +
        'wrong',
      '  ✗ (no story) "Global hooks - BeforeAll error" › "A passing scenario" ' +
        '(samples/global-hooks-beforeall-error/global-hooks-beforeall-error.feature:5) on ' +
        'global-hooks-beforeall-error: did not run: cucumber planned it but never finished it',
    ])
  })

  it('global-hooks-afterall-error and test-run-exception: red with the run-level reason', async () => {
    expect((await gate('global-hooks-afterall-error')).text).toContain(
      'AfterAll hook (samples/global-hooks-afterall-error/global-hooks-afterall-error.ts:19) failed: AfterAll ' +
        'hook went wrong',
    )
    expect((await gate('test-run-exception')).text).toContain('test-run-exception.ndjson): the run failed: Whoops!')
  })

  it('empty: its one blank scenario has no steps, so it checks nothing and is red', async () => {
    const { code, text } = await gate('empty')
    expect(code).toBe(1)
    expect(text).toContain(
      '"Blank Scenario" (samples/empty/empty.feature:7) on empty: undefined\n      the scenario has no steps: ' +
        'it checks nothing',
    )
  })

  it('undefined, pending, ambiguous and skipped are red and named', async () => {
    expect((await gate('undefined')).lines.filter((line) => line.endsWith('on undefined: undefined'))).toHaveLength(4)
    expect((await gate('pending')).lines.filter((line) => line.endsWith('on pending: pending'))).toHaveLength(3)
    expect((await gate('ambiguous')).text).toContain(
      '"Multiple step definitions for a step" (samples/ambiguous/ambiguous.feature:5) on ambiguous: ambiguous',
    )
    expect((await gate('skipped')).text).toContain('on skipped: skipped without a not-applicable reason')
  })

  it('rules: each Rule shows as a row with its scenarios', async () => {
    const { code, lines } = await gate('rules')
    expect(code).toBe(0)
    expect(lines).toContain('Scenarios outside Rules, and features without @story:')
    expect(
      lines.filter((line) => line.includes('a sale cannot happen if there is no stock › No chocolates')),
    ).toHaveLength(1)
  })
})
