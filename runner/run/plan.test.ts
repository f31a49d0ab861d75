import { describe, expect, test } from 'vitest'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { defineConfig } from '../config/config.ts'
import { planRun } from './plan.ts'

const engine = { command: 'node', ready: { log: /listening on (\S+)/ }, env: { SETTLEMENT_URL: '{address}' } }
const config = defineConfig({
  systems: { engine, docker: { command: 'node', ready: { url: 'http://127.0.0.1:2375/_ping' } } },
  domains: {
    settlement: { features: ['specs/settlement'], channels: ['api', 'ui', 'stream'], systems: ['engine'] },
    'load-balancer': { features: ['specs/load-balancer'], channels: ['api'], systems: ['docker'] },
  },
  support: ['specs/support/**/*.ts'],
})

describe('planRun', () => {
  test("runs every channel of every domain by default: a domain's channels are its own runs, on its features", () => {
    const plan = planRun(config, {})
    expect(plan.channels.map(({ id, channel, features }) => [id, channel, features])).toEqual([
      ['settlement/api', 'api', ['specs/settlement']],
      ['settlement/ui', 'ui', ['specs/settlement']],
      ['settlement/stream', 'stream', ['specs/settlement']],
      ['load-balancer/api', 'api', ['specs/load-balancer']],
    ])
    expect(plan.domains).toEqual(['settlement', 'load-balancer'])
    expect(plan.systems).toEqual(['engine', 'docker'])
  })

  test("a channel's @channel tag expression names only its own domain's other channels", () => {
    const [settlementApi, , , balancerApi] = planRun(config, {}).channels
    expect(settlementApi!.tags).toBe('not (@channel:ui or @channel:stream) or @channel:api')
    expect(balancerApi!.tags).toBe('')
    expect(balancerApi!.domainChannels).toEqual(['api'])
  })

  test('--channels picks channels and starts only the systems their domains need', () => {
    const plan = planRun(config, { channels: ['ui'], tags: '@smoke' })
    expect(plan.channels).toEqual([
      {
        id: 'settlement/ui',
        domain: 'settlement',
        channel: 'ui',
        domainChannels: ['api', 'ui', 'stream'],
        features: ['specs/settlement'],
        tags: '(@smoke) and (not (@channel:api or @channel:stream) or @channel:ui)',
      },
    ])
    expect(plan.domains).toEqual(['settlement'])
    expect(plan.systems).toEqual(['engine'])
  })

  test('--channels api means the api channel of each selected domain that has one', () => {
    expect(planRun(config, { channels: ['api'] }).channels.map((c) => c.id)).toEqual([
      'settlement/api',
      'load-balancer/api',
    ])
    expect(planRun(config, { channels: ['api'], domains: ['load-balancer'] }).channels.map((c) => c.id)).toEqual([
      'load-balancer/api',
    ])
  })

  test('--domain runs only those domains: their channels on their features, and only their systems', () => {
    const plan = planRun(config, { domains: ['load-balancer'] })
    expect(plan.channels.map(({ id, domain, features }) => [id, domain, features])).toEqual([
      ['load-balancer/api', 'load-balancer', ['specs/load-balancer']],
    ])
    expect(plan.systems).toEqual(['docker'])
    expect(planRun(config, { domains: ['settlement'], channels: ['ui'] }).channels.map((c) => c.id)).toEqual([
      'settlement/ui',
    ])
  })

  test('--domain refuses a name no domain has, and a channel outside the chosen domains', () => {
    expect(() => planRun(config, { domains: ['setlement'] })).toThrow(
      new ConfigurationError(
        '--domain: "setlement" is not a domain of the config — did you mean "settlement"? ' +
          'Domains: settlement, load-balancer',
      ),
    )
    expect(() => planRun(config, { domains: ['load-balancer'], channels: ['ui'] })).toThrow(
      new ConfigurationError('--channels: "ui" is not a channel of the domains --domain chose (load-balancer: api)'),
    )
  })

  test('a domain gets the systems its systems start after started too, transitively', () => {
    const withLb = defineConfig({
      systems: {
        engine,
        docker: { command: 'node', ready: { log: /on (\S+)/ } },
        lb: { command: 'node', after: ['docker'], ready: { log: /on (\S+)/ } },
        proxy: { command: 'node', after: ['lb'], ready: { log: /on (\S+)/ } },
      },
      domains: { edge: { features: ['specs/edge'], channels: ['api'], systems: ['proxy'] } },
      support: ['specs/support/**/*.ts'],
    })
    expect(planRun(withLb, {}).systems).toEqual(['docker', 'lb', 'proxy'])
  })

  test('an unknown channel is a configuration error with the nearest channel', () => {
    expect(() => planRun(config, { channels: ['strem'] })).toThrow(
      '--channels: "strem" is not a channel of any domain — did you mean "stream"? Channels: api, ui, stream',
    )
  })
})
