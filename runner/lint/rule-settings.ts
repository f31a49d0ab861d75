import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'
import { isPlainObject, join, Problems, type Check } from '../config/config-problems.ts'
import type { Severity } from './finding.ts'
import type { LintConfig } from './lint-config.ts'
import { lintRuleIds, lintRules } from './rules.ts'

/**
 * How one rule runs in this lint: its severity (or off) and its options, defaults filled in.
 *
 * @example
 *   const setting: RuleSetting = { severity: 'warning', options: { maxSteps: 10 } }
 */
export interface RuleSetting {
  severity: Severity | 'off'
  options: Readonly<Record<string, unknown>>
}

/**
 * What an unknown rule id is: the id quoted, the nearest rule, and every rule.
 *
 * @example
 *   unknownRule('ui-word') // 'unknown rule "ui-word" — did you mean "ui-words"? Rules: ui-words, transport-words, …'
 */
export function unknownRule(id: string): string {
  const suggestion = nearest(id, lintRuleIds)
  return `unknown rule "${id}"${suggestion ? ` — did you mean "${suggestion}"?` : ''} Rules: ${lintRuleIds.join(', ')}`
}

/**
 * Checks the `lint` section of `parlance.config.ts`: known rule ids, a
 * severity of off, warning or error, the options each rule takes, and a
 * glossary that is a list of words and phrases.
 *
 * @example
 *   const shape: Record<string, Check> = { lint: checkLintConfig } // beside the config's other checks
 *   // lint.rules.ui-word is not a rule: unknown rule "ui-word" — did you mean "ui-words"? …
 */
export const checkLintConfig: Check = (value, path, problems) => {
  if (!problems.object(value, path, { rules: () => {}, glossary: checkGlossary }, [])) return
  const rules = value.rules
  if (rules === undefined) return
  const rulesPath = join(path, 'rules')
  if (!isPlainObject(rules))
    return problems.wrong(rulesPath, rules, `an object of rule id → setting, e.g. { 'long-scenario': 'off' }`)
  for (const [id, setting] of Object.entries(rules)) {
    const settingPath = join(rulesPath, id)
    const rule = lintRules.find((each) => each.id === id)
    if (!rule) {
      problems.add(settingPath, `is not a rule: ${unknownRule(id)}`)
      continue
    }
    if (typeof setting === 'string') {
      if (!isSeverity(setting))
        problems.wrong(settingPath, setting, `'off', 'warning' or 'error', or { severity, options }`)
      continue
    }
    if (!problems.object(setting, settingPath, { severity: () => {}, options: () => {} }, [])) continue
    if (setting.severity !== undefined && !isSeverity(setting.severity)) {
      problems.wrong(join(settingPath, 'severity'), setting.severity, `'off', 'warning' or 'error'`)
    }
    if (setting.options === undefined) continue
    const optionsPath = join(settingPath, 'options')
    const known = rule.options ?? {}
    if (Object.keys(known).length === 0) {
      problems.add(optionsPath, `is given, but rule "${id}" takes no options`)
      continue
    }
    const checks = Object.fromEntries(
      Object.entries(known).map(([name, option]): [string, Check] => [
        name,
        (optionValue, optionPath) => {
          if (!option.isValid(optionValue)) problems.wrong(optionPath, optionValue, option.accepts)
        },
      ]),
    )
    problems.object(setting.options, optionsPath, checks, [])
  }
}

const checkGlossary: Check = (value, path, problems) => {
  const example = `e.g. ['menu taxon', 'header image']`
  if (!Array.isArray(value)) {
    problems.wrong(
      path,
      value,
      `a list of the domain's words and phrases that the word rules must not flag, ${example}`,
    )
    return
  }
  value.forEach((entry, index) => {
    if (typeof entry !== 'string' || entry.trim() === '')
      problems.wrong(`${path}[${index}]`, entry, `a word or phrase of the domain, ${example}`)
  })
}

/**
 * Every rule's setting: its default, overridden by the config's `lint.rules`;
 * rules that read the glossary get `lint.glossary` as their option `glossary`.
 * Throws a ConfigurationError listing every problem of the config.
 *
 * @example
 *   resolveRuleSettings({ rules: { 'long-scenario': { options: { maxSteps: 12 } } } }, 'parlance.config.ts').get(
 *     'long-scenario',
 *   )
 *   // { severity: 'warning', options: { maxSteps: 12 } }
 */
export function resolveRuleSettings(config: LintConfig | undefined, file: string): Map<string, RuleSetting> {
  const problems = new Problems()
  if (config !== undefined) checkLintConfig(config, 'lint', problems)
  if (problems.list.length > 0) {
    throw new ConfigurationError(
      `${file} is not valid:\n${problems.list.map((problem) => `  • ${problem}`).join('\n')}`,
    )
  }
  return new Map(
    lintRules.map((rule) => {
      const setting = config?.rules?.[rule.id]
      const defaults = Object.fromEntries([
        ...Object.entries(rule.options ?? {}).map(([name, option]) => [name, option.defaultValue]),
        ...(rule.readsGlossary ? [['glossary', config?.glossary ?? []]] : []),
      ])
      if (setting === undefined) return [rule.id, { severity: rule.severity, options: defaults }]
      if (typeof setting === 'string') return [rule.id, { severity: setting, options: defaults }]
      return [rule.id, { severity: setting.severity ?? rule.severity, options: { ...defaults, ...setting.options } }]
    }),
  )
}

function isSeverity(value: unknown): value is Severity | 'off' {
  return value === 'off' || value === 'warning' || value === 'error'
}
