import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { isAdoptionMode, summariseStructure } from './adoption-mode.ts'
import { readDisableComments } from './disable-comments.ts'
import type { Finding } from './finding.ts'
import { parseFeature } from './parse-feature.ts'
import type { RuleSetting } from './rule-settings.ts'
import { lintRules } from './rules.ts'

/**
 * One feature file to lint: its name as findings show it, and its text.
 *
 * @example
 *   import { readFileSync } from 'node:fs'
 *   const source: FeatureSource = {
 *     file: 'specs/shop/pay.feature',
 *     text: readFileSync('specs/shop/pay.feature', 'utf8'),
 *   }
 */
export interface FeatureSource {
  file: string
  text: string
}

/**
 * Runs every rule that is not off on `sources`, drops what the files'
 * disable comments turn off, and returns the findings sorted by file, line
 * and column. In adoption mode (no Feature linted has a `@story` tag; see
 * isAdoptionMode) feature-without-story and scenario-outside-rule give one
 * line per file. A disable comment naming an unknown rule is a ConfigurationError.
 *
 * @example
 *   import { resolveRuleSettings } from './rule-settings.ts'
 *   lintSources([{ file: 'a.feature', text: 'Feature: A\n  Scenario: B\n' }], resolveRuleSettings(undefined, ''))
 *   // [{ file: 'a.feature', line: 1, column: 1, rule: 'feature-without-story', … }, …]
 */
export function lintSources(sources: readonly FeatureSource[], settings: ReadonlyMap<string, RuleSetting>): Finding[] {
  const parsed = sources.map((source) => parseFeature(source.file, source.text))
  const disabled = new Map(parsed.map((each) => [each.file, readDisableComments(each.lines)]))
  const problems = parsed.flatMap((each) =>
    disabled
      .get(each.file)!
      .problems.map((problem) => `${each.file}:${problem.line}:${problem.column}: ${problem.message}`),
  )
  if (problems.length > 0) throw new ConfigurationError(problems.join('\n'))
  const findings: Finding[] = []
  for (const rule of lintRules) {
    const setting = settings.get(rule.id)
    if (!setting || setting.severity === 'off') continue
    for (const found of rule.check(parsed, setting.options)) {
      const off = disabled.get(found.file)
      if (off?.file.has(rule.id) || off?.lines.get(found.line)?.has(rule.id)) continue
      const severity = found.severity === 'warning' ? 'warning' : setting.severity
      findings.push({ ...found, rule: rule.id, severity })
    }
  }
  const reported = isAdoptionMode(parsed) ? summariseStructure(findings, parsed) : findings
  return reported.sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.rule, b.rule),
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
