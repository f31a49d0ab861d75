import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{dsl,drivers,runner,examples,specs}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/fixtures/**'],
    // Chromium found once (the bundled one extracted if need be) and handed to every test file in PARLANCE_CHROMIUM.
    globalSetup: ['drivers/core/test-fixtures/find-chromium.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine, which ran the
    // files one after another and used about one core. Most of the suite's time is waiting on child processes
    // (the parlance CLI, cucumber workers, the example systems), sockets and timers, so one worker more than the
    // cores keeps the cores busy: 2 cores, 3 workers. Each file still runs in a fresh process (isolate stays on):
    // several files rely on module state of their own, such as the browser pool's one lookup per worker.
    maxWorkers: availableParallelism() + 1,
  },
})
