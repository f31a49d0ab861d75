import type { LintRule, LocatedFinding } from './lint-rule.ts'
import { scenariosOf } from './text-segments.ts'

/**
 * duplicate-scenario-name: two scenarios of one run with the same name, in
 * one feature or in two files. Reports, gate and "did it pass?" talk about
 * scenarios by name, so each needs its own. The first keeps its name; each
 * later one is reported, pointing at the first.
 *
 * @example
 *   // specs/shop/refunds.feature:9:5 duplicate-scenario-name scenario "Alice pays" is also at
 *   //   specs/shop/pay.feature:6; …
 */
export const duplicateScenarioNameRule: LintRule = {
  id: 'duplicate-scenario-name',
  severity: 'error',
  description: 'two scenarios have the same name, in one feature or across the files linted',
  check: (files) => {
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
        const where =
          earlier.file === parsed.file ? `line ${earlier.line} of this feature` : `${earlier.file}:${earlier.line}`
        findings.push({
          file: parsed.file,
          line,
          column: scenario.location.column ?? 1,
          message: `scenario "${name}" is also at ${where}; give each scenario a name of its own`,
        })
      }
    }
    return findings
  },
}
