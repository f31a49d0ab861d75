import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{dsl,drivers,runner,examples,specs}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/fixtures/**'],
    // Chromium found once (the bundled one extracted if need be) and handed to every test file in PARLANCE_CHROMIUM.
    globalSetup: ['drivers/core/test-fixtures/find-chromium.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
