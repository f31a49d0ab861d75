import { lintRuleIds } from './rules.ts'
import { unknownRule } from './rule-settings.ts'

/**
 * The rules a file's comments turn off: for the whole file, and line by line.
 *
 * @example
 *   const disabled: DisabledRules = {
 *     file: new Set(['literal-data']),
 *     lines: new Map([[12, new Set(['ui-words'])]]),
 *     problems: [],
 *   }
 */
export interface DisabledRules {
  file: Set<string>
  /** Line number → rules off on that line. */
  lines: Map<number, Set<string>>
  /** Comments naming no rule or an unknown one, with their line. */
  problems: { line: number; column: number; message: string }[]
}

const directive = /^(\s*)#\s*parlance-lint-disable(-next-line)?(?=\s|$)(.*)$/

/**
 * Reads `# parlance-lint-disable rule-id[, rule-id]` (the whole file) and
 * `# parlance-lint-disable-next-line rule-id[, rule-id]` (the next line that
 * is neither blank nor a comment). Works on the raw lines, so it also works
 * in a file Gherkin cannot parse.
 *
 * @example
 *   readDisableComments(['# parlance-lint-disable-next-line ui-words', '    When Alice clicks Pay']).lines.get(2)
 *   // → Set { 'ui-words' }
 */
export function readDisableComments(lines: readonly string[]): DisabledRules {
  const disabled: DisabledRules = { file: new Set(), lines: new Map(), problems: [] }
  lines.forEach((text, index) => {
    const match = directive.exec(text)
    if (!match) return
    const [, indent = '', nextLine, list = ''] = match
    const comment = `parlance-lint-disable${nextLine ?? ''}`
    const ids = list.split(/[\s,]+/).filter((id) => id !== '')
    const where = { line: index + 1, column: indent.length + 1 }
    if (ids.length === 0) {
      disabled.problems.push({
        ...where,
        message:
          `${comment} names no rule; name the rules to turn off, e.g. # ${comment} ui-words. Rules: ` +
          `${lintRuleIds.join(', ')}`,
      })
      return
    }
    for (const id of ids.filter((each) => !lintRuleIds.includes(each)))
      disabled.problems.push({ ...where, message: `${comment}: ${unknownRule(id)}` })
    const known = ids.filter((id) => lintRuleIds.includes(id))
    if (!nextLine) {
      for (const id of known) disabled.file.add(id)
      return
    }
    const target = lines.findIndex(
      (later, laterIndex) => laterIndex > index && later.trim() !== '' && !later.trimStart().startsWith('#'),
    )
    if (target < 0) return
    const off = disabled.lines.get(target + 1) ?? new Set<string>()
    for (const id of known) off.add(id)
    disabled.lines.set(target + 1, off)
  })
  return disabled
}
