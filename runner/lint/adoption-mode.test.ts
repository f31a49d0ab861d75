import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lintSources } from './lint-sources.ts'
import { repoRoot, runLint } from './lint-test-helpers.ts'
import { resolveRuleSettings } from './rule-settings.ts'

const dir = 'runner/lint/fixtures/adoption'
const advice =
  'no Feature linted has a @story tag yet, so this is one line per file: tag the Feature with its story (e.g. ' +
  '@story:SHOP-12) and put each scenario under the "Rule:" (acceptance criterion) it tests'
const clicks = 'says how, through the UI; say what the user does or sees'

describe('parlance lint, adoption mode (no Feature linted has a @story tag)', () => {
  it('reports the structure rules once per file, then the count per rule and the total', async () => {
    const { code, stdout } = await runLint([dir])
    expect(stdout).toBe(
      [
        `${dir}/checkout.feature:1:1 feature-without-story Feature "Checkout" has no @story:ID tag, and none of ` +
          `its 3 scenarios is under a Rule; ${advice}`,
        `${dir}/search.feature:2:1 feature-without-story Feature "Search" has no @story:ID tag, and 1 of its 2 ` +
          `scenarios is not under a Rule; ${advice}`,
        `${dir}/search.feature:4:19 ui-words "clicks" ${clicks}`,
        `${dir}/search.feature:4:37 ui-words "button" ${clicks}`,
        'ui-words 2, feature-without-story 2',
        '4 errors, 0 warnings in 2 files',
        '',
      ].join('\n'),
    )
    expect(code).toBe(1)
  })

  it('keeps the shape of --format json: the per-file lines are findings like any other', async () => {
    const { stdout } = await runLint(['--format', 'json', `${dir}/checkout.feature`])
    expect(JSON.parse(stdout)).toEqual({
      findings: [
        {
          file: `${dir}/checkout.feature`,
          line: 1,
          column: 1,
          rule: 'feature-without-story',
          severity: 'error',
          message: `Feature "Checkout" has no @story:ID tag, and none of its 3 scenarios is under a Rule; ${advice}`,
        },
      ],
      errors: 1,
      warnings: 0,
      files: 1,
    })
  })

  it('says it at the first scenario outside a Rule when feature-without-story is off, with its severity', () => {
    const text = readFileSync(join(repoRoot, dir, 'checkout.feature'), 'utf8')
    const findings = lintSources(
      [{ file: 'checkout.feature', text }],
      resolveRuleSettings(
        { rules: { 'feature-without-story': 'off', 'scenario-outside-rule': 'warning' } },
        'parlance.config.ts',
      ),
    )
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.severity} ${f.message}`)).toEqual([
      'checkout.feature:3:3 scenario-outside-rule warning 3 of the 3 scenarios of Feature "Checkout" are not ' +
        'under a Rule (the first is here); no Feature linted has a @story tag yet, so this is one line per file: ' +
        'put each scenario under the "Rule:" (acceptance criterion) it tests',
    ])
  })

  it('is off once one Feature linted has a @story tag: then each scenario outside a Rule is reported', async () => {
    const { stdout } = await runLint([`${dir}/checkout.feature`, 'runner/lint/fixtures/rules/ui-words.feature'])
    const outside = 'is not under a Rule; put it under the "Rule:" (acceptance criterion) it tests'
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      `${dir}/checkout.feature:1:1 feature-without-story Feature "Checkout" has no @story:ID tag; tag it with the ` +
        'story it specifies, e.g. @story:SHOP-12',
      `${dir}/checkout.feature:3:3 scenario-outside-rule scenario "Alice pays for her order" ${outside}`,
      `${dir}/checkout.feature:8:3 scenario-outside-rule scenario "Bob pays with a voucher" ${outside}`,
      `${dir}/checkout.feature:13:3 scenario-outside-rule scenario "Carol cannot pay with an expired card" ${outside}`,
    ])
  })
})
