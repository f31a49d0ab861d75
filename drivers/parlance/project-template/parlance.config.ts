// The config of a project that Parlance's own acceptance tests generate,
// copied as it is; ./project.json, written for each test, says what varies.
import { readFileSync } from 'node:fs'

const project = JSON.parse(readFileSync(new URL('./project.json', import.meta.url), 'utf8')) as {
  channels: string[]
  startupFailure?: string
  diesAfterAnswers?: number
}

const processEnv = {
  ...(project.startupFailure ? { LEDGER_FAILS_SAYING: project.startupFailure } : {}),
  ...(project.diesAfterAnswers ? { LEDGER_DIES_AFTER: String(project.diesAfterAnswers) } : {}),
}

export default {
  systems: {
    ledger: {
      command: process.execPath,
      args: ['system/ledger.mjs'],
      ...(Object.keys(processEnv).length > 0 ? { processEnv } : {}),
      ready: { log: /listening on (http:\/\/\S+)/ },
      readyTimeoutMs: 10_000,
      stopTimeoutMs: 2_000,
      env: { LEDGER_URL: '{address}' },
    },
  },
  domains: {
    ledger: { features: ['features/**/*.feature'], channels: project.channels, systems: ['ledger'] },
  },
  support: ['support/**/*.ts'],
}
