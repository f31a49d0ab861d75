import { describe, expect, test } from 'vitest'
import { parseRunArgs } from './run-command.ts'

describe('parseRunArgs', () => {
  test('reads every option, long and short', () => {
    expect(
      parseRunArgs(
        [
          '-c',
          'ci.config.ts',
          '--domain',
          'settlement, load-balancer',
          '--channels',
          'api, ui',
          '-t',
          '@smoke',
          '-p',
          '2',
          '--env',
          'remote',
          '--reports',
          'out',
        ],
        '/work/shop',
      ),
    ).toEqual({
      cwd: '/work/shop',
      config: 'ci.config.ts',
      domains: ['settlement', 'load-balancer'],
      channels: ['api', 'ui'],
      tags: '@smoke',
      parallel: 2,
      env: 'remote',
      reports: 'out',
    })
  })

  test('defaults to a local run of everything', () => {
    expect(parseRunArgs([], '/work/shop')).toEqual({ cwd: '/work/shop', env: 'local' })
    expect(parseRunArgs(['--channels=api', '--help'], '/work/shop')).toBe('help')
  })

  test('an empty value is refused with what to give instead', () => {
    expect(() => parseRunArgs(['--channels', ''], '/')).toThrow(
      '--channels is empty; give LIST, or leave the option out',
    )
    expect(() => parseRunArgs(['--channels', 'api,'], '/')).toThrow(
      '--channels is "api,"; expected channel names separated by commas, e.g. api,ui',
    )
    expect(() => parseRunArgs(['--domain', ',settlement'], '/')).toThrow(
      '--domain is ",settlement"; expected domain names separated by commas, e.g. settlement,load-balancer',
    )
  })
})
