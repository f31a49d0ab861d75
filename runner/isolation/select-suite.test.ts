import { describe, expect, it } from 'vitest'
import type { ParlanceConfig } from '../config/config.ts'
import type { LoadedConfig } from '../config/load-config.ts'
import { selectSuite, selectSuites } from './select-suite.ts'

const engine = { command: 'node', ready: { log: /listening on (http:\S+)/ }, env: { SETTLEMENT_URL: '{address}' } }
const docker = { command: 'node', ready: { log: /docker on (tcp:\S+)/ }, env: { DOCKER_URL: '{address}' } }
const balancer = {
  command: 'node',
  after: ['docker'],
  ready: { log: /balancer on (http:\S+)/ },
  env: { LB_URL: '{address}' },
}
const systems = { settlement: engine, docker, 'load-balancer': balancer }

function loaded(config: Partial<ParlanceConfig>): LoadedConfig {
  return {
    config: { domains: {}, support: ['specs/support/**/*.ts'], ...config },
    file: '/repo/parlance.config.ts',
    root: '/repo',
  }
}

const settlement = {
  features: ['specs/settlement/**/*.feature'],
  channels: ['api', 'ui', 'stream'],
  systems: ['settlement'],
}
const lb = { features: ['specs/load-balancer/**/*.feature'], channels: ['http'], systems: ['load-balancer'] }
const parlance = { features: ['specs/parlance/**/*.feature'], channels: ['cli'] }
const project = loaded({ systems, domains: { parlance, settlement, 'load-balancer': lb } })

describe('selectSuite', () => {
  it('picks the domain by its channels, with its system', () => {
    expect(selectSuite(project, 'settlement')).toEqual({
      domain: 'settlement',
      channels: ['api', 'ui', 'stream'],
      features: ['specs/settlement/**/*.feature'],
      systems: ['settlement'],
    })
  })

  it('brings in the systems its systems start after, in declared order', () => {
    expect(selectSuite(project, 'load-balancer')).toEqual({
      domain: 'load-balancer',
      channels: ['http'],
      features: ['specs/load-balancer/**/*.feature'],
      systems: ['docker', 'load-balancer'],
    })
  })

  it('says which domains there are when the one asked for is missing', () => {
    expect(() => selectSuite(loaded({ domains: { parlance } }), 'settlement', 'parlance.config.ts')).toThrow(
      `parlance.config.ts has no "settlement" domain. Domains: parlance. The isolation check runs one domain's ` +
        `suite; name another with --domain NAME, or check them all with --domain all.`,
    )
    expect(() => selectSuite(project, 'setlement')).toThrow(
      'the config has no "setlement" domain — did you mean "settlement"? Domains: parlance, settlement, load-balancer.',
    )
  })

  it('refuses a domain without systems: there is nothing to share between runs', () => {
    expect(() => selectSuite(project, 'parlance')).toThrow(
      'the parlance domain needs no system, so the isolation check has nothing to start once and share between runs. ' +
        'It checks a domain with systems (settlement, load-balancer); name one with --domain NAME, or --domain all.',
    )
    expect(() => selectSuite(loaded({ domains: { parlance } }), 'parlance', 'parlance.config.ts')).toThrow(
      'the parlance domain needs no system, so the isolation check has nothing to start once and share between ' +
        'runs. It checks a domain with systems, and parlance.config.ts has none.',
    )
  })

  it('selects the domain alone, though another domain has a channel of the same name', () => {
    const config = loaded({ systems, domains: { settlement, shop: { features: ['specs/shop'], channels: ['api'] } } })
    expect(selectSuite(config, 'settlement', 'parlance.config.ts')).toEqual({
      domain: 'settlement',
      channels: ['api', 'ui', 'stream'],
      features: settlement.features,
      systems: ['settlement'],
    })
  })
})

describe('selectSuites', () => {
  it('takes the domains in the order asked, once each; all is every domain with systems', () => {
    expect(selectSuites(project, ['load-balancer', 'settlement']).map((suite) => suite.domain)).toEqual([
      'load-balancer',
      'settlement',
    ])
    expect(selectSuites(project, ['all']).map((suite) => suite.domain)).toEqual(['settlement', 'load-balancer'])
    expect(selectSuites(project, ['load-balancer', 'all']).map((suite) => suite.domain)).toEqual([
      'load-balancer',
      'settlement',
    ])
  })

  it('checks every domain asked for before any is run', () => {
    expect(() => selectSuites(project, ['settlement', 'load-balancr'])).toThrow(
      'the config has no "load-balancr" domain — did you mean "load-balancer"?',
    )
    expect(() => selectSuites(loaded({ domains: { parlance } }), ['all'], 'parlance.config.ts')).toThrow(
      '--domain all: parlance.config.ts has no domain with systems, and the isolation check runs a suite ' +
        'against systems it starts once. Give a domain systems, or name one with --domain NAME.',
    )
  })
})
