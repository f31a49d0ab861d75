import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { lintSources } from './lint-sources.ts'
import { repoRoot, runLint } from './lint-test-helpers.ts'
import { resolveRuleSettings } from './rule-settings.ts'

const ruleList =
  'ui-words, transport-words, selector, scenario-outside-rule, feature-without-story, long-scenario, ' +
  'literal-data, duplicate-scenario-name, parse-error'
const clicks = `    Scenario: Alice pays
      When Alice clicks Pay
`
const story = `@story:S-1
Feature: Paying
  Rule: Orders are paid
`

describe('parlance lint, disable comments', () => {
  it('turns rules off for the whole file', async () => {
    const { code, stdout } = await runLint(['runner/lint/fixtures/disable/whole-file.feature'])
    expect(stdout).toBe('0 errors, 0 warnings in 1 file\n')
    expect(code).toBe(0)
  })

  it('turns a rule off for the next line that is not blank or a comment, and only that line', async () => {
    const { code, stdout } = await runLint(['runner/lint/fixtures/disable/next-line.feature'])
    expect(stdout).toBe(
      'runner/lint/fixtures/disable/next-line.feature:10:38 ui-words "page" says how, through the UI; say what ' +
        'the user does or sees\nui-words 1\n1 error, 0 warnings in 1 file\n',
    )
    expect(code).toBe(1)
  })

  it('refuses an unknown rule id in a comment, naming the nearest and every rule', async () => {
    const { code, stdout, stderr } = await runLint(['runner/lint/fixtures/disable/unknown-rule.feature'])
    expect(stderr).toBe(
      `parlance lint: runner/lint/fixtures/disable/unknown-rule.feature:7:7: parlance-lint-disable-next-line: ` +
        `unknown rule "ui-word" — did you mean "ui-words"? Rules: ${ruleList}\n`,
    )
    expect(stdout).toBe('')
    expect(code).toBe(2)
  })
})

describe('parlance lint, configuration', () => {
  const source = { file: 'a.feature', text: `${story}${clicks}` }

  it('changes a severity, turns a rule off, and sets options', () => {
    const asWarning = lintSources(
      [source],
      resolveRuleSettings({ rules: { 'ui-words': 'warning' } }, 'parlance.config.ts'),
    )
    expect(asWarning.map((f) => `${f.rule}:${f.severity}`)).toEqual(['ui-words:warning'])
    expect(
      lintSources([source], resolveRuleSettings({ rules: { 'ui-words': { severity: 'off' } } }, 'parlance.config.ts')),
    ).toEqual([])
    const long = lintSources(
      [source],
      resolveRuleSettings(
        { rules: { 'ui-words': 'off', 'long-scenario': { severity: 'error', options: { maxSteps: 1 } } } },
        'x',
      ),
    )
    expect(long).toEqual([])
    const short = lintSources(
      [{ file: 'b.feature', text: `${story}${clicks}      Then Alice has paid\n` }],
      resolveRuleSettings(
        { rules: { 'ui-words': 'off', 'long-scenario': { severity: 'error', options: { maxSteps: 1 } } } },
        'x',
      ),
    )
    expect(short.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.severity} ${f.message}`)).toEqual([
      'b.feature:4:5 long-scenario error scenario "Alice pays" has 2 steps, more than 1; split it, or move the ' +
        'setup into fewer domain-level steps',
    ])
  })

  it('refuses a rule the config names that does not exist, and a bad option', () => {
    expect(() => resolveRuleSettings({ rules: { 'long-scenarios': 'off' } }, 'parlance.config.ts')).toThrow(
      `parlance.config.ts is not valid:\n  • lint.rules.long-scenarios is not a rule: unknown rule ` +
        `"long-scenarios" — did you mean "long-scenario"? Rules: ${ruleList}`,
    )
    expect(() =>
      resolveRuleSettings({ rules: { 'long-scenario': { options: { maxStep: 3 } } } }, 'parlance.config.ts'),
    ).toThrow(
      'lint.rules.long-scenario.options.maxStep is not a known key — did you mean "maxSteps"? Allowed: maxSteps',
    )
    expect(() =>
      resolveRuleSettings({ rules: { 'long-scenario': { options: { maxSteps: 0.5 } } } }, 'parlance.config.ts'),
    ).toThrow('lint.rules.long-scenario.options.maxSteps is 0.5; expected a whole number ≥ 1, e.g. 12')
  })

  it('lints the features of the domains of the config when given no paths', async () => {
    const { code, stdout } = await runLint(['--config', 'runner/lint/fixtures/config/parlance.config.ts'])
    expect(stdout).toBe(
      'runner/lint/fixtures/config/shop/paying.feature:8:39 ui-words "page" says how, through the UI; say what ' +
        'the user does or sees\nui-words 1\n1 error, 0 warnings in 1 file\n',
    )
    expect(code).toBe(1)
  })
})

describe('parlance lint, usage', () => {
  let dir: string | undefined
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }))

  it('lints specs/ when there is no config file, and prints JSON on request', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parlance-lint-'))
    mkdirSync(join(dir, 'specs'))
    writeFileSync(join(dir, 'specs', 'pay.feature'), `${story}${clicks}`)
    const { code, stdout } = await runLint(['--format', 'json'], dir)
    expect(JSON.parse(stdout)).toEqual({
      findings: [
        {
          file: 'specs/pay.feature',
          line: 5,
          column: 18,
          rule: 'ui-words',
          severity: 'error',
          message: '"clicks" says how, through the UI; say what the user does or sees',
        },
      ],
      errors: 1,
      warnings: 0,
      files: 1,
    })
    expect(code).toBe(1)
  })

  it('exits 2 on an unknown option, a bad format or a path that is not there', async () => {
    expect(await runLint(['--formt', 'json'])).toMatchObject({
      code: 2,
      stderr:
        'parlance lint: unknown option --formt — did you mean --format?. Run parlance lint --help for the options.\n',
    })
    expect(await runLint(['--format', 'xml', 'specs'])).toMatchObject({
      code: 2,
      stderr: 'parlance lint: --format is "xml"; expected text or json. Run parlance lint --help for the options.\n',
    })
    const missing = await runLint(['specs/nowhere'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^parlance lint: lint: no file or folder at specs\/nowhere; check the path/)
  })

  it('lists the rules with their default severity', async () => {
    const { code, stdout } = await runLint(['--list-rules'])
    expect(stdout.split('\n')[0]).toBe(
      'ui-words                 error    UI words (click, button, field, page, link, checkbox, dropdown, ' +
        'screen, tab, …) say how, not what',
    )
    expect(stdout).toContain('long-scenario            warning  a scenario has more steps than maxSteps (default 10)')
    expect(code).toBe(0)
  })
})

describe('parlance lint on real specs', () => {
  it("finds no error in the repository's example specs, and reads every feature file under specs/", async () => {
    const { code, stdout, stderr } = await runLint(['--format', 'json', 'specs'])
    const report = JSON.parse(stdout) as {
      files: number
      errors: number
      findings: { file: string; line: number; rule: string; severity: string; message: string }[]
    }
    // However many features specs/ holds today: adding one must not break this test, and lint must read each of them.
    const features = readdirSync(join(repoRoot, 'specs'), { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.feature'),
    )
    const errors = report.findings
      .filter((finding) => finding.severity === 'error')
      .map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`)
    expect({ errors, errorCount: report.errors, files: report.files, stderr, code }).toEqual({
      errors: [],
      errorCount: 0,
      files: features.length,
      stderr: '',
      code: 0,
    })
  })

  it('parses every feature of the cucumber compatibility kit without a crash or a parse error', async () => {
    const { code, stdout, stderr } = await runLint(['--format', 'json', 'runner/fixtures/cck'])
    const report = JSON.parse(stdout) as { files: number; findings: { rule: string }[] }
    expect(report.files).toBe(49)
    expect(report.findings.filter((finding) => finding.rule === 'parse-error')).toEqual([])
    expect(stderr).toBe('')
    expect(code).toBe(1) // the kit tests cucumber, not domain language: it has no @story tags or Rules
  })
})
