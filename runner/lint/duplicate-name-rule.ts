import type { Severity } from './finding.ts'
import type { LintRule, LocatedFinding } from './lint-rule.ts'
import { scenariosOf } from './text-segments.ts'

/**
 * duplicate-scenario-name: two scenarios of one run with the same name. Reports,
 * gate and "did it pass?" talk about scenarios by name, so each needs its own.
 * The first keeps its name; each later one is reported, pointing at the first.
 * Two in one feature are the rule's severity (an error by default); two in
 * different files are at most the option `acrossFiles` (default 'warning', or
 * 'error', or 'off'), since reports also name the feature.
 *
 * @example
 *   // specs/shop/refunds.feature:9:5 duplicate-scenario-name scenario "Alice pays" is also at
 *   //   specs/shop/pay.feature:6; … (a warning)
 */
export const duplicateScenarioNameRule: LintRule = {
  id: 'duplicate-scenario-name',
  severity: 'error',
  description: 'two scenarios have the same name in one feature (across files: a warning)',
  options: {
    acrossFiles: {
      defaultValue: 'warning',
      accepts: `'off', 'warning' or 'error' (the most a name repeated in another file can be)`,
      isValid: (value) => value === 'off' || value === 'warning' || value === 'error',
    },
  },
  check: (files, options) => {
    const acrossFiles = options.acrossFiles as Severity | 'off'
    const acrossSeverity: Severity = acrossFiles === 'off' ? 'warning' : acrossFiles
    const first = new Map<string, { file: string; line: number }>()
    const findings: LocatedFinding[] = []
    for (const parsed of files) {
      for (const { scenario } of scenariosOf(parsed)) {
        const name = scenario.name.trim().replace(/\s+/g, ' ')
        if (name === '') continue
        const line = scenario.location.line
        const earlier = first.get(name)
        if (!earlier) {
          first.set(name, { file: parsed.file, line })
          continue
        }
        const sameFile = earlier.file === parsed.file
        if (!sameFile && acrossFiles === 'off') continue
        const where = sameFile ? `line ${earlier.line} of this feature` : `${earlier.file}:${earlier.line}`
        findings.push({
          file: parsed.file,
          line,
          column: scenario.location.column ?? 1,
          message: `scenario "${name}" is also at ${where}; give each scenario a name of its own`,
          ...(sameFile ? {} : { severity: acrossSeverity }),
        })
      }
    }
    return findings
  },
}
