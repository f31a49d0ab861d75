import { afterEach, describe, expect, test } from 'vitest'
import { fixture, ParlanceCli } from './run-cli.ts'

let cli: ParlanceCli
afterEach(() => cli.cleanup())

describe('parlance run reads and checks parlance.config.ts', { timeout: 60_000 }, () => {
  test('an invalid config exits 2, naming each bad key, its value and what is allowed', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stderr } = await cli.run(['run', '--config', 'invalid.config.ts'])
    expect(stderr.trim().split('\n')).toEqual([
      'parlance run: invalid.config.ts is not valid:',
      '  • systems.shop.readyTimeoutMs is "5s"; expected a whole number ≥ 1, e.g. 30000',
      '  • systems.shop.env.SHOP_URL uses {adress}, which is neither {address}, {address:SYSTEM} nor a named ' +
        'group of ready.log (it has none) — did you mean {address}?',
      '  • domains.shop.channels is missing; it is required',
      '  • domains.shop.channel is not a known key — did you mean "channels"? Allowed: features, channels, systems, ' +
        'support',
      '  • domains.shop.systems[0] is "shpo"; expected one of the systems: shop — did you mean "shop"?',
      '  • paralel is not a known key — did you mean "parallel"? Allowed: systems, domains, support, channels, ' +
        'parallel, reports, gate, lint, secrets',
    ])
    expect(code).toBe(2)
    expect(cli.systemPids()).toEqual([])
  })

  test('a missing config file exits 2 and says where it looked', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stderr } = await cli.run(['run', '--config', 'nowhere.config.ts'])
    expect(stderr.trim()).toBe(
      `parlance run: --config: no config file at nowhere.config.ts; check the path (it is relative to ` +
        `${fixture('shop').replace(/\/$/, '')})`,
    )
    expect(code).toBe(2)
  })

  test('--env remote with an address variable unset exits 2 naming it, and starts nothing', async () => {
    cli = new ParlanceCli(fixture('shop'))
    const { code, stderr } = await cli.run(['run', '--env', 'remote'], { env: { SHOP_URL: undefined } })
    expect(stderr.trim()).toBe(
      'parlance run: --env remote starts no system, so their addresses must be set: SHOP_URL ' +
        '(systems.shop.env) is not set. ' +
        "Set it to the deployed system's address, e.g. export SHOP_URL=https://staging.example.com",
    )
    expect(code).toBe(2)
    expect(cli.systemPids()).toEqual([])
  })
})
