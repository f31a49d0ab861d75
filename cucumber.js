// Plain cucumber-js (`npx cucumber-js`) and editor extensions read this file.
// `parlance run` builds the same settings per channel from parlance.config.ts
// and also starts the systems under test. Plain cucumber-js expects the
// systems' addresses in the environment (e.g. SETTLEMENT_URL, from
// `npm run settlement-engine -- --port 0`) and runs each domain on its first
// channel (a scenario tagged @channel:NAME on the first it names); choose one
// with PARLANCE_CHANNEL=ui or --world-parameters '{"channel":"ui"}'.
export default {
  import: ['runner/register.mjs', 'specs/support/**/*.ts', 'specs/**/steps/**/*.ts'],
  paths: ['specs/**/*.feature'],
  format: ['progress'],
}
