/**
 * How much a finding matters: an error fails `parlance lint`, a warning does not.
 *
 * @example
 *   const severity: Severity = 'warning'
 */
export type Severity = 'error' | 'warning'

/**
 * One thing `parlance lint` found: where, which rule, what to do about it.
 *
 * @example
 *   const finding: Finding = {
 *     file: 'specs/shop/pay.feature',
 *     line: 9,
 *     column: 17,
 *     rule: 'ui-words',
 *     severity: 'error',
 *     message: '"clicks" says how, through the UI; say what the user does or sees',
 *   }
 */
export interface Finding {
  /** The feature file, relative to the directory lint ran in. */
  file: string
  /** 1-based. */
  line: number
  /** 1-based. */
  column: number
  rule: string
  severity: Severity
  message: string
}

/**
 * A finding as a rule reports it, before the file and the severity are known.
 *
 * @example
 *   const raw: RawFinding = { line: 3, column: 1, message: 'this scenario is not under a Rule' }
 */
export interface RawFinding {
  line: number
  column: number
  message: string
  /** At most this severity: the rule's setting wins when it is lower (a warning stays a warning). */
  severity?: Severity
}
