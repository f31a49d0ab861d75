import { defineConfig } from './runner/config.ts'

// `npm run acceptance`. Until the example systems arrive, the acceptance suite
// is Parlance's acceptance tests of itself: its system under test is the
// `parlance` command, which each scenario runs on a small project it writes,
// with a system of the project's own, so this config starts no system.
export default defineConfig({
  domains: {
    parlance: { features: ['specs/parlance/**/*.feature'], channels: ['cli'] },
  },
  support: ['specs/support/**/*.ts', 'specs/**/steps/**/*.ts'],
  parallel: 2,
})
