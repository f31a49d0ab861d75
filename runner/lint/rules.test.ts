import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lintSources } from './lint-sources.ts'
import { repoRoot, runLint } from './lint-test-helpers.ts'
import { resolveRuleSettings } from './rule-settings.ts'

const fixture = (name: string) => `runner/lint/fixtures/rules/${name}.feature`
const aliasing =
  "real data that bypasses aliasing; name it in the spec's words and let the aliasing layer make the real value"
const selector = 'name the thing the user sees, and leave finding it to the UI driver'

describe('parlance lint rules, one fixture each', () => {
  it.each([
    [
      'ui-words',
      1,
      [
        `${fixture('ui-words')}:7:18 ui-words "clicks" says how, through the UI; say what the user does or sees`,
        `${fixture('ui-words')}:7:41 ui-words "button" says how, through the UI; say what the user does or sees`,
        '2 errors, 0 warnings in 1 file',
      ],
    ],
    [
      'transport-words',
      1,
      [
        `${fixture('transport-words')}:7:26 transport-words "POST /bets" says how, over the wire; say what the ` +
          `system does, not the HTTP call`,
        `${fixture('transport-words')}:8:16 transport-words "endpoint" says how, over the wire; say what the ` +
          `system does or answers`,
        `${fixture('transport-words')}:8:38 transport-words "status code 422" says how, over the wire; say what ` +
          `the system does or answers`,
        '3 errors, 0 warnings in 1 file',
      ],
    ],
    [
      'selector',
      1,
      [
        `${fixture('selector')}:8:35 selector "#open-bets" is a CSS id selector; ${selector}`,
        `${fixture('selector')}:8:46 selector ".bet-row" is a CSS class selector; ${selector}`,
        `${fixture('selector')}:9:26 selector "//table[@id='bets']" is an XPath; ${selector}`,
        '3 errors, 0 warnings in 1 file',
      ],
    ],
    [
      'scenario-outside-rule',
      1,
      [
        `${fixture('scenario-outside-rule')}:4:3 scenario-outside-rule scenario "Alice is paid" is not under a ` +
          `Rule; put it under the "Rule:" (acceptance criterion) it tests`,
        '1 error, 0 warnings in 1 file',
      ],
    ],
    [
      'feature-without-story',
      1,
      [
        `${fixture('feature-without-story')}:2:1 feature-without-story Feature "Paying out" has no @story:ID ` +
          `tag; tag it with the story it specifies, e.g. @story:SHOP-12`,
        '1 error, 0 warnings in 1 file',
      ],
    ],
    [
      'long-scenario',
      0,
      [
        `${fixture('long-scenario')}:6:5 long-scenario scenario "Eleven things happen" has 11 steps, more than ` +
          `10; split it, or move the setup into fewer domain-level steps`,
        '0 errors, 1 warning in 1 file',
      ],
    ],
    [
      'literal-data',
      0,
      [
        `${fixture('literal-data')}:7:13 literal-data "alice@example.com" looks like an e-mail address, ${aliasing}`,
        `${fixture('literal-data')}:7:57 literal-data "12345678" looks like an id (a long number), ${aliasing}`,
        `${fixture('literal-data')}:8:24 literal-data "3f2b8c1e-9d4a-4b6e-8f0a-1c2d3e4f5a6b" looks like a ` +
          `UUID, ${aliasing}`,
        `${fixture('literal-data')}:9:31 literal-data "https://shop.example.com/accounts" looks like a URL, ` +
          `${aliasing}`,
        `${fixture('literal-data')}:10:21 literal-data "OUE-RP-2022-000034" looks like an id, ${aliasing}`,
        '0 errors, 5 warnings in 1 file',
      ],
    ],
    [
      'duplicate-scenario-name',
      1,
      [
        `${fixture('duplicate-scenario-name')}:13:5 duplicate-scenario-name scenario "Alice is paid" is also ` +
          `at line 6 of this feature; give each scenario a name of its own`,
        '1 error, 0 warnings in 1 file',
      ],
    ],
    [
      'parse-error',
      1,
      [
        `${fixture('parse-error')}:10:7 parse-error Gherkin cannot parse this: expected: #TagLine, #RuleLine, ` +
          `#Comment, #Empty, got 'Then a step after a tag'`,
        `${fixture('parse-error')}:11:1 parse-error Gherkin cannot parse this: unexpected end of file, ` +
          `expected: #TagLine, #RuleLine, #Comment, #Empty`,
        '2 errors, 0 warnings in 1 file',
      ],
    ],
  ])('%s: prints its findings and exits %i', async (rule, exitCode, lines) => {
    const { code, stdout, stderr } = await runLint([fixture(rule)])
    // Each fixture has findings of its own rule only: before the total, the count line names that rule alone.
    const findings = lines.slice(0, -1)
    expect(stdout).toBe(`${[...findings, `${rule} ${findings.length}`, lines.at(-1)].join('\n')}\n`)
    expect(stderr).toBe('')
    expect(code).toBe(exitCode)
  })

  it('reports the same scenario name in two files at the later one, pointing at the first, as a warning', async () => {
    const { code, stdout } = await runLint(['runner/lint/fixtures/duplicates'])
    expect(stdout).toBe(
      'runner/lint/fixtures/duplicates/second.feature:6:5 duplicate-scenario-name scenario "Alice is paid" is ' +
        'also at runner/lint/fixtures/duplicates/first.feature:6; give each scenario a name of its own\n' +
        'duplicate-scenario-name 1\n0 errors, 1 warning in 2 files\n',
    )
    expect(code).toBe(0)
  })

  it('makes a name repeated across files an error, or nothing, with the option acrossFiles', () => {
    const sources = ['first', 'second'].map((name) => {
      const file = `runner/lint/fixtures/duplicates/${name}.feature`
      return { file, text: readFileSync(join(repoRoot, file), 'utf8') }
    })
    const severities = (acrossFiles: string, severity: 'error' | 'warning' = 'error') =>
      lintSources(
        sources,
        resolveRuleSettings({ rules: { 'duplicate-scenario-name': { severity, options: { acrossFiles } } } }, 'x'),
      ).map((finding) => `${finding.file}:${finding.line} ${finding.severity}`)
    expect(severities('error')).toEqual(['runner/lint/fixtures/duplicates/second.feature:6 error'])
    expect(severities('off')).toEqual([])
    expect(severities('error', 'warning')).toEqual(['runner/lint/fixtures/duplicates/second.feature:6 warning'])
    expect(() => severities('never')).toThrow(
      `lint.rules.duplicate-scenario-name.options.acrossFiles is "never"; expected 'off', 'warning' or 'error' ` +
        '(the most a name repeated in another file can be)',
    )
  })
})
