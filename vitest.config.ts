import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{dsl,drivers,runner,examples,specs}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/fixtures/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
