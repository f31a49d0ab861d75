/**
 * Set by `parlance run` for its support code and workers: scenarios are
 * already narrowed to the channel by tag, so the World need not check.
 *
 * @example
 *   const env = { ...process.env, [runnerEnvName]: '1' }
 */
export const runnerEnvName = 'PARLANCE_RUNNER'
