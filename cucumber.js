// Plain cucumber-js (`npx cucumber-js`) and editor extensions read this file.
// `parlance run` builds the same settings per channel from parlance.config.ts
// and also starts the systems under test. Plain cucumber-js expects the
// systems' addresses in the environment (e.g. SETTLEMENT_URL) and runs the
// channel named here; pick another with
//   npx cucumber-js --world-parameters '{"channel":"ui"}'
// or PARLANCE_CHANNEL=ui (which wins, as it does under parlance run).
export default {
  import: ['runner/register.mjs', 'specs/support/**/*.ts', 'specs/**/steps/**/*.ts'],
  paths: ['specs/**/*.feature'],
  format: ['progress'],
  worldParameters: { channel: 'cli' },
}
