import type { Finding } from './finding.ts'
import { lintRuleIds } from './rules.ts'

/**
 * The text report: one `file:line:col rule-id message` line per finding, then
 * how many each rule found (`ui-words 2, selector 1`, when there is any), then
 * `N errors, M warnings in K files`.
 *
 * @example
 *   const finding: Finding = {
 *     file: 'specs/a.feature',
 *     line: 3,
 *     column: 5,
 *     rule: 'ui-words',
 *     severity: 'error',
 *     message: '"clicks" says how, through the UI; say what the user does or sees',
 *   }
 *   formatText([finding], 1)
 *   // 'specs/a.feature:3:5 ui-words "clicks" says how, …\n1 error, 0 warnings in 1 file'
 */
export function formatText(findings: readonly Finding[], fileCount: number): string {
  return [
    ...findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`),
    ...(findings.length > 0 ? [ruleCounts(findings)] : []),
    summaryLine(findings, fileCount),
  ].join('\n')
}

/**
 * The JSON report: the findings, and the counts of the summary line.
 *
 * @example
 *   JSON.parse(formatJson([], 27)).errors // 0
 */
export function formatJson(findings: readonly Finding[], fileCount: number): string {
  const { errors, warnings } = count(findings)
  return JSON.stringify({ findings, errors, warnings, files: fileCount }, null, 2)
}

/**
 * `N errors, M warnings in K files`, K being the files linted.
 *
 * @example
 *   summaryLine([], 27) // '0 errors, 0 warnings in 27 files'
 */
export function summaryLine(findings: readonly Finding[], fileCount: number): string {
  const { errors, warnings } = count(findings)
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')}`
}

/**
 * How many findings each rule has, in the order of `--list-rules`, rules
 * without a finding left out.
 *
 * @example
 *   declare const findings: Finding[]
 *   ruleCounts(findings) // 'ui-words 12, selector 3, long-scenario 1'
 */
export function ruleCounts(findings: readonly Finding[]): string {
  const counts = new Map<string, number>()
  for (const finding of findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1)
  const order = (rule: string) => (lintRuleIds.includes(rule) ? lintRuleIds.indexOf(rule) : lintRuleIds.length)
  return [...counts]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ')
}

function count(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((finding) => finding.severity === 'error').length
  return { errors, warnings: findings.length - errors }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
