import { eachFile, type LintRule } from './lint-rule.ts'
import { scenariosOf } from './text-segments.ts'

/**
 * scenario-outside-rule: every scenario tests one acceptance criterion, so
 * it sits under the `Rule:` that states it.
 *
 * @example
 *   // Feature: … \n  Scenario: Alice pays
 *   // specs/shop/pay.feature:4:3 scenario-outside-rule scenario "Alice pays" is not under a Rule; …
 */
export const scenarioOutsideRuleRule: LintRule = {
  id: 'scenario-outside-rule',
  severity: 'error',
  description: 'a scenario must sit under the Rule (acceptance criterion) it tests',
  check: eachFile((parsed) =>
    scenariosOf(parsed)
      .filter(({ inRule }) => !inRule)
      .map(({ scenario }) => ({
        line: scenario.location.line,
        column: scenario.location.column ?? 1,
        message:
          `scenario "${scenario.name}" is not under a Rule; put it under the "Rule:" (acceptance criterion) it ` +
          `tests`,
      })),
  ),
}

/**
 * feature-without-story: a Feature is a story, tagged `@story:ID` so that the
 * gate can find its acceptance criteria.
 *
 * @example
 *   // Feature: Paying (no tag)
 *   // specs/shop/pay.feature:1:1 feature-without-story Feature "Paying" has no @story:ID tag; …
 */
export const featureWithoutStoryRule: LintRule = {
  id: 'feature-without-story',
  severity: 'error',
  description: 'a Feature must name its story with a @story:ID tag',
  check: eachFile((parsed) => {
    const feature = parsed.document?.feature
    if (!feature || feature.tags.some((tag) => /^@story:\S+$/.test(tag.name))) return []
    return [
      {
        line: feature.location.line,
        column: feature.location.column ?? 1,
        message:
          `Feature "${feature.name}" has no @story:ID tag; tag it with the story it specifies, e.g. ` +
          `@story:SHOP-12`,
      },
    ]
  }),
}

/**
 * long-scenario: a scenario of more than `maxSteps` steps (default 10,
 * Background not counted) usually tests more than one thing.
 *
 * @example
 *   // lint: { rules: { 'long-scenario': { options: { maxSteps: 12 } } } }
 *   // specs/shop/pay.feature:8:5 long-scenario scenario "Alice pays" has 14 steps, more than 12; …
 */
export const longScenarioRule: LintRule = {
  id: 'long-scenario',
  severity: 'warning',
  description: 'a scenario has more steps than maxSteps (default 10)',
  options: {
    maxSteps: {
      defaultValue: 10,
      accepts: 'a whole number ≥ 1, e.g. 12',
      isValid: (value) => Number.isInteger(value) && (value as number) >= 1,
    },
  },
  check: eachFile((parsed, options) => {
    const maxSteps = options.maxSteps as number
    return scenariosOf(parsed)
      .filter(({ scenario }) => scenario.steps.length > maxSteps)
      .map(({ scenario }) => ({
        line: scenario.location.line,
        column: scenario.location.column ?? 1,
        message:
          `scenario "${scenario.name}" has ${scenario.steps.length} steps, more than ${maxSteps}; split it, or ` +
          `move the setup into fewer domain-level steps`,
      }))
  }),
}

/**
 * parse-error: a file Gherkin cannot parse, at the line it stopped at.
 *
 * @example
 *   // specs/shop/pay.feature:3:5 parse-error Gherkin cannot parse this: expected: #EOF, … got 'Given …'
 */
export const parseErrorRule: LintRule = {
  id: 'parse-error',
  severity: 'error',
  description: 'Gherkin cannot parse the file',
  check: eachFile((parsed) => parsed.parseErrors),
}
