/**
 * How a scenario ends when a step throws one of Parlance's errors.
 *
 * @example
 *   if (error instanceof ParlanceError && error.outcome === 'not-applicable') return 'skipped'
 *   const label = outcomeLabels[error.outcome] // 'not applicable'
 */
export type Outcome = 'assertion-failed' | 'system-compromised' | 'configuration-error' | 'timed-out' | 'not-applicable' | 'not-run'

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
