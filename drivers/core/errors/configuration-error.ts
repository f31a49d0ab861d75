import { ParlanceError } from './parlance-error.ts'

/**
 * The test setup is wrong: a bad DSL argument, an unknown channel, a missing
 * address. Fix the spec or the config, not the system.
 *
 * @example
 *   const error = new ConfigurationError('placeBet: missing required parameter "runner"')
 *   error.outcome // 'configuration-error'
 */
export class ConfigurationError extends ParlanceError {
  override readonly name = 'ConfigurationError'
  readonly outcome = 'configuration-error' as const
}
