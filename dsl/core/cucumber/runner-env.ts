/**
 * Set by `parlance run` for its support code and workers: scenarios are
 * already narrowed to the channel by tag, so the World need not check.
 *
 * @example
 *   const env = { ...process.env, [runnerEnvName]: '1' }
 */
export const runnerEnvName = 'PARLANCE_RUNNER'

/**
 * Set by `parlance run` for each channel: its step timeout in milliseconds
 * (`channels.NAME.stepTimeout` in the config). Plain cucumber-js may set it too.
 *
 * @example
 *   const env = { ...process.env, [stepTimeoutEnvName]: '60000' }
 */
export const stepTimeoutEnvName = 'PARLANCE_STEP_TIMEOUT_MS'

/**
 * A step's limit when the channel sets none: Playwright's test timeout, six
 * times cucumber's 5 s, which a busy 2-core machine overruns opening a page.
 *
 * @example
 *   Number(process.env[stepTimeoutEnvName] ?? defaultStepTimeoutMs) // 30000
 */
export const defaultStepTimeoutMs = 30_000
