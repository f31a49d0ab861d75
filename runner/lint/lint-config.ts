import type { Severity } from './finding.ts'

/**
 * A rule's setting in `parlance.config.ts`: off, a severity, or a severity
 * with the rule's options.
 *
 * @example
 *   const setting: LintRuleSetting = { severity: 'error', options: { maxSteps: 12 } }
 */
export type LintRuleSetting = 'off' | Severity | { severity?: 'off' | Severity; options?: Record<string, unknown> }

/**
 * The `lint` section of `parlance.config.ts`: rule id → setting. Rules not
 * named keep their default severity and options.
 *
 * @example
 *   const lint: LintConfig = { rules: { 'literal-data': 'error', 'long-scenario': { options: { maxSteps: 15 } } } }
 */
export interface LintConfig {
  rules?: Record<string, LintRuleSetting>
}
