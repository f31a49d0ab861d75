import type { RawFinding, Severity } from './finding.ts'
import type { ParsedFeature } from './parse-feature.ts'
import type { TextSegment } from './text-segments.ts'

/**
 * An option a rule takes: its default, what it accepts (for the error
 * message), and a check of a value from the config.
 *
 * @example
 *   const maxSteps: RuleOption = {
 *     defaultValue: 10,
 *     accepts: 'a whole number ≥ 1, e.g. 12',
 *     isValid: (v) => Number.isInteger(v) && (v as number) >= 1,
 *   }
 */
export interface RuleOption {
  defaultValue: unknown
  accepts: string
  isValid: (value: unknown) => boolean
}

/**
 * One lint rule. It sees every file of the run at once, so that a rule such
 * as duplicate-scenario-name can compare files.
 *
 * @example
 *   const rule: LintRule = {
 *     id: 'parse-error',
 *     severity: 'error',
 *     description: 'the file is not valid Gherkin',
 *     check: eachFile((parsed) => parsed.parseErrors),
 *   }
 */
export interface LintRule {
  id: string
  severity: Severity
  description: string
  options?: Readonly<Record<string, RuleOption>>
  /** The rule reads the project's glossary (`lint.glossary`) as the option `glossary`: words not to flag. */
  readsGlossary?: boolean
  check: (files: readonly ParsedFeature[], options: Readonly<Record<string, unknown>>) => LocatedFinding[]
}

/**
 * A rule's finding with the file it is in.
 *
 * @example
 *   const found: LocatedFinding = { file: 'specs/a.feature', line: 4, column: 5, message: '…' }
 */
export type LocatedFinding = RawFinding & { file: string }

/**
 * A rule's check that looks at one file at a time.
 *
 * @example
 *   check: eachFile((parsed) => parsed.parseErrors)
 */
export function eachFile(
  check: (parsed: ParsedFeature, options: Readonly<Record<string, unknown>>) => RawFinding[],
): LintRule['check'] {
  return (files, options) =>
    files.flatMap((parsed) => check(parsed, options).map((finding) => ({ file: parsed.file, ...finding })))
}

/**
 * One thing a text rule looks for: a pattern (global flag required) and the
 * message for a match.
 *
 * @example
 *   const email: TextPattern = {
 *     pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
 *     message: (m) => `"${m}" is an e-mail address`,
 *   }
 */
export interface TextPattern {
  pattern: RegExp
  message: (match: string) => string
}

/**
 * The findings of `patterns` in `segments`: one per match, at its column;
 * where two patterns match at one place, the first one wins.
 *
 * @example
 *   declare const segments: TextSegment[]
 *   findPatterns(segments, [{ pattern: /\bclicks?\b/gi, message: (m) => `"${m}" is a UI word` }])
 */
export function findPatterns(
  segments: readonly TextSegment[],
  patterns: readonly TextPattern[],
  prepare = (text: string) => text,
): RawFinding[] {
  const findings: RawFinding[] = []
  for (const segment of segments) {
    const text = prepare(segment.text)
    const taken: [number, number][] = []
    for (const { pattern, message } of patterns) {
      for (const match of text.matchAll(pattern)) {
        const start = match.index
        const end = start + match[0].length
        if (taken.some(([from, to]) => start < to && end > from)) continue
        taken.push([start, end])
        findings.push({ line: segment.line, column: segment.column + start, message: message(match[0]) })
      }
    }
  }
  return findings
}
