// Plain cucumber-js (`npx cucumber-js`) and editor extensions read this file.
// `parlance run` builds the same settings per channel from parlance.config.ts,
// and also starts the systems under test; plain cucumber-js expects their
// addresses in the environment (e.g. SETTLEMENT_URL) and runs the `api`
// channel unless PARLANCE_CHANNEL says otherwise.
export default {
  import: ['runner/register.mjs', 'specs/support/**/*.ts', 'specs/**/steps/**/*.ts'],
  paths: ['specs/**/*.feature'],
  format: ['progress'],
}
