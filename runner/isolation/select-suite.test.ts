import { describe, expect, it } from 'vitest'
import type { ParlanceConfig } from '../config.ts'
import type { LoadedConfig } from '../load-config.ts'
import { addressEnv, selectSuite } from './select-suite.ts'

const engine = { command: 'node', ready: { log: /listening on (http:\S+)/ }, env: { SETTLEMENT_URL: '{address}' } }

function loaded(config: Partial<ParlanceConfig>): LoadedConfig {
  return { config: { domains: {}, support: ['specs/support/**/*.ts'], ...config }, file: '/repo/parlance.config.ts', root: '/repo' }
}

const settlement = { features: ['specs/settlement/**/*.feature'], channels: ['api', 'ui', 'stream'], systems: ['settlement'] }
const parlance = { features: ['specs/parlance/**/*.feature'], channels: ['cli'] }

describe('selectSuite', () => {
  it("picks the domain by its channels, with its system's address variables", () => {
    expect(selectSuite(loaded({ systems: { settlement: engine }, domains: { parlance, settlement } }), 'settlement')).toEqual({
      domain: 'settlement',
      channels: ['api', 'ui', 'stream'],
      features: ['specs/settlement/**/*.feature'],
      system: 'settlement',
      addressVariables: { SETTLEMENT_URL: '{address}' },
    })
  })

  it('takes a domain without systems', () => {
    expect(selectSuite(loaded({ domains: { parlance } }), 'parlance')).toMatchObject({ channels: ['cli'], system: undefined, addressVariables: {} })
  })

  it('says which domains there are when the one asked for is missing', () => {
    expect(() => selectSuite(loaded({ domains: { parlance } }), 'settlement', 'parlance.config.ts')).toThrow(
      `parlance.config.ts has no "settlement" domain. Domains: parlance. The isolation check runs one domain's suite; name another with --domain NAME.`,
    )
    expect(() => selectSuite(loaded({ systems: { settlement: engine }, domains: { parlance, settlement } }), 'setlement')).toThrow(
      'the config has no "setlement" domain — did you mean "settlement"? Domains: parlance, settlement.',
    )
  })

  it('refuses channels that would bring in another domain too', () => {
    const config = loaded({ systems: { settlement: engine }, domains: { settlement, shop: { features: ['specs/shop'], channels: ['api'] } } })
    expect(() => selectSuite(config, 'settlement', 'parlance.config.ts')).toThrow(
      'the settlement domain\'s channels (api, ui, stream) also run the shop domain, so parlance run --channels api,ui,stream would not run the settlement suite alone. ' +
        'Give the domains distinct channel names in parlance.config.ts.',
    )
  })

  it('refuses a domain with more than one system', () => {
    const config = loaded({ systems: { settlement: engine, feed: engine }, domains: { settlement: { ...settlement, systems: ['settlement', 'feed'] } } })
    expect(() => selectSuite(config, 'settlement')).toThrow(
      'the settlement domain needs 2 systems (settlement, feed), but the isolation check starts one settlement engine; it checks a domain with at most one system.',
    )
  })
})

describe('addressEnv', () => {
  it('fills every address variable with the engine address, and SETTLEMENT_URL always', () => {
    expect(addressEnv({ ENGINE: '{address}/api' }, 'http://127.0.0.1:4100')).toEqual({ SETTLEMENT_URL: 'http://127.0.0.1:4100', ENGINE: 'http://127.0.0.1:4100/api' })
  })
})
