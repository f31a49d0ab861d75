import { findChromium, NoChromiumError } from '../chromium-path.ts'

/**
 * Vitest's global setup: finds Chromium once, as `parlance run` does
 * (extracting the bundled one if it must), and hands it to every test file in
 * PARLANCE_CHROMIUM — the browser-pool tests and the examples' own browser
 * tests alike. With no Chromium at all, the tests that need one say so.
 *
 * @example
 *   // vitest.config.ts
 *   test: { globalSetup: ['drivers/core/test-fixtures/find-chromium.global-setup.ts'] }
 */
export default async function findChromiumForTests(): Promise<void> {
  try {
    process.env.PARLANCE_CHROMIUM = (await findChromium()).path
  } catch (error) {
    if (!(error instanceof NoChromiumError)) throw error
  }
}
