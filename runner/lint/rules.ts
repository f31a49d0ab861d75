import { duplicateScenarioNameRule } from './duplicate-name-rule.ts'
import type { LintRule } from './lint-rule.ts'
import { literalDataRule } from './literal-data-rule.ts'
import { selectorRule } from './selector-rule.ts'
import {
  featureWithoutStoryRule,
  longScenarioRule,
  parseErrorRule,
  scenarioOutsideRuleRule,
} from './structure-rules.ts'
import { transportWordsRule, uiWordsRule } from './word-rules.ts'

/**
 * Every rule of `parlance lint`, in the order `--list-rules` shows them.
 *
 * @example
 *   lintRules.map((rule) => rule.id) // ['ui-words', 'transport-words', 'selector', …]
 */
export const lintRules: readonly LintRule[] = [
  uiWordsRule,
  transportWordsRule,
  selectorRule,
  scenarioOutsideRuleRule,
  featureWithoutStoryRule,
  longScenarioRule,
  literalDataRule,
  duplicateScenarioNameRule,
  parseErrorRule,
]

/**
 * The ids of every rule.
 *
 * @example
 *   lintRuleIds.includes('ui-words') // true
 */
export const lintRuleIds: readonly string[] = lintRules.map((rule) => rule.id)

/**
 * `--list-rules`: one line per rule — id, default severity, what it flags.
 *
 * @example
 *   formatRuleList().split('\n')[0]
 *   // → 'ui-words                 error    UI words (click, button, …) say how, not what'
 */
export function formatRuleList(): string {
  const width = Math.max(...lintRuleIds.map((id) => id.length)) + 2
  return lintRules.map((rule) => `${rule.id.padEnd(width)}${rule.severity.padEnd(9)}${rule.description}`).join('\n')
}
