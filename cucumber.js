// Plain cucumber-js (`npx cucumber-js`) and editor extensions read this file.
// `parlance run` builds the same settings per channel from parlance.config.ts
// and also starts the systems under test. Plain cucumber-js expects the
// systems' addresses in the environment (e.g. SETTLEMENT_URL, from
// `npm run settlement-engine -- --port 0`) and runs each domain on its first
// channel (a scenario tagged @channel:NAME on the first it names); choose one
// with PARLANCE_CHANNEL=ui or --world-parameters '{"channel":"ui"}'.
import { existsSync } from 'node:fs'
import { tsImport } from 'tsx/esm/api'

// cucumber-js adds the paths given on its command line to the config's (it does
// not replace them), so `npx cucumber-js specs/settlement` would run every
// domain: the config names all the specs only when the command line names none.
const flags = new Set([
  '--dry-run',
  '-d',
  '--fail-fast',
  '--strict',
  '--no-strict',
  '--backtrace',
  '-b',
  '--force-exit',
])
const args = process.argv.slice(2)
const isValue = (index) => {
  const previous = args[index - 1]
  return previous?.startsWith('-') === true && !previous.includes('=') && !flags.has(previous)
}
const paths = args
  .filter((arg, index) => !arg.startsWith('-') && !isValue(index))
  .filter((arg) => existsSync(arg.replace(/(:\d+)+$/, '')))

// Each domain's steps and parameter types are its own (parlance.config.ts says which are whose): naming a
// domain's folder loads the shared support and that domain's, so cucumber's snippets offer only its types.
const { default: config } = await tsImport('./parlance.config.ts', import.meta.url)
const { cucumberImports } = await tsImport('./runner/config/cucumber-imports.ts', import.meta.url)

export default {
  import: ['runner/register.mjs', ...cucumberImports(config, paths)],
  paths: paths.length > 0 ? [] : ['specs/**/*.feature'],
  format: ['progress'],
}
