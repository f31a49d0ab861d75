/**
 * How a scenario ends when a step throws one of Parlance's errors.
 *
 * @example
 *   import { NotApplicableError } from './not-applicable-error.ts'
 *   const error = new NotApplicableError('ui', 'amendResult', 'the trader pages have no way to amend a result')
 *   const outcome: Outcome = error.outcome // 'not-applicable'
 *   outcomeLabels[outcome] // 'not applicable'
 */
export type Outcome =
  | 'assertion-failed'
  | 'system-compromised'
  | 'configuration-error'
  | 'timed-out'
  | 'not-applicable'
  | 'not-run'

/**
 * The words a report uses for each outcome.
 *
 * @example
 *   outcomeLabels['system-compromised'] // 'system compromised'
 */
export const outcomeLabels: Readonly<Record<Outcome, string>> = {
  'assertion-failed': 'assertion failed',
  'system-compromised': 'system compromised',
  'configuration-error': 'configuration error',
  'timed-out': 'timed out',
  'not-applicable': 'not applicable',
  'not-run': 'not run',
}
