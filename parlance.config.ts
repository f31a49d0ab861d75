import { defineConfig } from './runner/config.ts'

// `npm run acceptance`. The settlement engine starts once per run on a fresh
// data directory ({tempDir}: made for the run, removed after it), so every run
// starts from an empty log; the parlance domain is Parlance's acceptance tests
// of itself, with systems of its own projects.

export default defineConfig({
  systems: {
    settlement: {
      command: process.execPath,
      args: ['--import', 'tsx', 'examples/settlement-engine/main.ts', '--port', '0', '--data-dir', '{tempDir}'],
      ready: { log: /listening on (http:\/\/\S+)/ },
      env: { SETTLEMENT_URL: '{address}' },
    },
  },
  domains: {
    parlance: { features: ['specs/parlance/**/*.feature'], channels: ['cli'] },
    settlement: { features: ['specs/settlement/**/*.feature'], channels: ['api', 'ui', 'stream'], systems: ['settlement'] },
  },
  support: ['specs/support/**/*.ts', 'specs/**/steps/**/*.ts'],
  parallel: 2,
})
