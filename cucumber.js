// Plain cucumber-js (`npx cucumber-js`) and editor extensions read this file.
// `parlance run` builds the same settings per channel from parlance.config.ts
// and also starts the systems under test. Plain cucumber-js expects the
// systems' addresses in the environment (e.g. SETTLEMENT_URL, from
// `npm run settlement-engine -- --port 0`) and runs each domain on its first
// channel (a scenario tagged @channel:NAME on the first it names); choose one
// with PARLANCE_CHANNEL=ui or --world-parameters '{"channel":"ui"}'.
import { cucumberConfig } from './runner/scaffold/cucumber-config.mjs'

// Each domain's steps and parameter types are its own (parlance.config.ts says which are whose): naming a domain's
// folder loads the shared support and that domain's only, so cucumber's snippets offer only its types; naming none
// runs every domain (their step texts never clash here). cucumber-js adds the paths on its command line to the
// config's, so the config names the features only when the command line names none.
export default await cucumberConfig(new URL('./parlance.config.ts', import.meta.url), process.argv.slice(2), {
  allDomains: true,
})
