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
 * The `lint` section of `parlance.config.ts`: rule id → setting (rules not
 * named keep their default severity and options), and the project's glossary.
 *
 * @example
 *   const lint: LintConfig = {
 *     rules: { 'literal-data': 'error', 'long-scenario': { options: { maxSteps: 15 } } },
 *     glossary: ['textarea product attribute', 'menu taxon'],
 *   }
 */
export interface LintConfig {
  rules?: Record<string, LintRuleSetting>
  /**
   * Words and phrases of the domain that look like UI or transport words
   * ("menu taxon", "header image"): ui-words and transport-words do not flag
   * them. Each is matched as whole words, in any case, with an optional plural s.
   */
  glossary?: string[]
}
