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
        'fake-cucumber: flaky: failed, then passed on attempt 2',
    )
    expect(text).toContain(
      '"Test cases that fail will continue to retry up to the --retry limit" (samples/retry/retry.feature:14) ' +
        'on fake-cucumber: flaky: failed, then passed on attempt 3',
    )
    const allowed = await gate('retry', true)
    expect(allowed.code).toBe(1)
    expect(allowed.lines.filter((line) => line.startsWith('  ✗ '))).toEqual([
      `  ✗ (no story) "Retry" › "Test cases won't retry after failing more than the --retry limit" ` +
        `(samples/retry/retry.feature:17) on fake-cucumber: error (attempt 3 of 3)`,
    ])
  })

  it('global-hooks-beforeall-error: red with the hook and the scenario that never ran', async () => {
    const { code, lines } = await gate('global-hooks-beforeall-error')
    expect(code).toBe(1)
    expect(lines.filter((line) => line.startsWith('  ✗ ')).map((line) => line.replace(cck, 'cck'))).toEqual([
      '  ✗ run on fake-cucumber ' +
        '(cck/global-hooks-beforeall-error/global-hooks-beforeall-error.ndjson): BeforeAll hook ' +
        '(samples/global-hooks-beforeall-error/global-hooks-beforeall-error.ts:7) failed: BeforeAll hook went ' +
        'wrong',
      '  ✗ (no story) "Global hooks - BeforeAll error" › "A passing scenario" ' +
        '(samples/global-hooks-beforeall-error/global-hooks-beforeall-error.feature:5) on ' +
        'fake-cucumber: did not run: cucumber planned it but never finished it',
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
      '"Blank Scenario" (samples/empty/empty.feature:7) on fake-cucumber: undefined\n      the scenario has no ' +
        'steps: it checks nothing',
    )
  })

  it('undefined, pending, ambiguous and skipped are red and named', async () => {
    expect((await gate('undefined')).lines.filter((line) => line.endsWith('on fake-cucumber: undefined'))).toHaveLength(
      4,
    )
    expect((await gate('pending')).lines.filter((line) => line.endsWith('on fake-cucumber: pending'))).toHaveLength(3)
    expect((await gate('ambiguous')).text).toContain(
      '"Multiple step definitions for a step" (samples/ambiguous/ambiguous.feature:5) on fake-cucumber: ambiguous',
    )
    expect((await gate('skipped')).text).toContain('on fake-cucumber: skipped without a not-applicable reason')
  })

  it('a run nothing names the channel of is named after what made it: the meta message’s implementation', async () => {
    const { lines } = await gate('minimal')
    expect(lines[0]).toBe('Story               Criterion  fake-cucumber')
  })

  it('several runs nothing names the channels of: could not judge, and how to name them', async () => {
    const lines: string[] = []
    const inputs = [`${cck}/minimal`, `${cck}/rules`]
    expect(await runGate({ inputs }, (line) => lines.push(stripVTControlCharacters(line)))).toBe(2)
    expect(lines.map((line) => line.replaceAll(cck, 'cck'))).toEqual([
      'Could not judge: cannot tell which channel each run is: nothing says which channel ' +
        'cck/minimal/minimal.ndjson, cck/rules/rules.ndjson are the runs of (no Parlance outcome attachment in the ' +
        'messages names one, and the file is not <channel>/messages.ndjson, as parlance run writes them); name each ' +
        'run as NAME=FILE, e.g. parlance gate api=cck/minimal/minimal.ndjson ui=cck/rules/rules.ndjson',
      '',
      'Gate: COULD NOT JUDGE',
    ])
  })

  it('NAME=FILE names each run’s channel; one file named twice is an error', async () => {
    const lines: string[] = []
    const say = (line: string): number => lines.push(stripVTControlCharacters(line).replaceAll(cck, 'cck'))
    const inputs = [
      `api=${cck}/multiple-features`,
      `ui=${cck}/multiple-features-reversed/multiple-features-reversed.ndjson`,
    ]
    expect(await runGate({ inputs }, say)).toBe(0)
    expect(lines[0]).toBe('Story                      Criterion        api   ui')
    lines.length = 0
    expect(await runGate({ inputs: [`api=${cck}/minimal`, `ui=${cck}/minimal/minimal.ndjson`] }, say)).toBe(2)
    expect(lines[0]).toBe(
      'Could not judge: ui=cck/minimal/minimal.ndjson: cck/minimal/minimal.ndjson is already the run of channel ' +
        "api; one run is one channel's: name each file once",
    )
  })

  it('features with Rules but no @story: the hint says what to add', async () => {
    const { lines } = await gate('rules')
    expect(lines.filter((line) => line.startsWith('Hint: '))).toEqual([
      'Hint: no feature in these results has @story:ID, so the gate judged scenarios, not stories, and checked no ' +
        'Rule: as a criterion. Tag each Feature with @story:ID and put each acceptance criterion in a Rule: with ' +
        'its scenarios under it; see docs/definition-of-done.md#from-features-to-stories',
    ])
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
