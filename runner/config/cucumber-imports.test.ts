import { describe, expect, test } from 'vitest'
import { defineConfig } from './config.ts'
import { cucumberImports } from './cucumber-imports.ts'

const config = defineConfig({
  domains: {
    settlement: {
      features: ['specs/settlement/**/*.feature'],
      channels: ['api'],
      support: ['specs/settlement/steps/**/*.ts'],
    },
    shop: { features: ['specs/shop', 'extra/checkout.feature'], channels: ['api'], support: ['specs/shop/steps'] },
    parlance: { features: ['specs/parlance/**/*.feature'], channels: ['cli'] },
  },
  support: ['specs/support/**/*.ts'],
})

describe('cucumberImports', () => {
  test('with no path named: the shared support and every domain’s own', () => {
    expect(cucumberImports(config, [])).toEqual([
      'specs/support/**/*.ts',
      'specs/settlement/steps/**/*.ts',
      'specs/shop/steps',
    ])
  })

  test('a domain’s folder, one of its feature files (with lines) or a folder inside it: that domain’s only', () => {
    const settlementOnly = ['specs/support/**/*.ts', 'specs/settlement/steps/**/*.ts']
    expect(cucumberImports(config, ['specs/settlement'])).toEqual(settlementOnly)
    expect(cucumberImports(config, ['./specs/settlement/'])).toEqual(settlementOnly)
    expect(cucumberImports(config, ['specs/settlement/bets/each-way.feature:12:30'])).toEqual(settlementOnly)
    expect(cucumberImports(config, ['extra/checkout.feature'])).toEqual(['specs/support/**/*.ts', 'specs/shop/steps'])
  })

  test('a folder above several domains, or two domains’ paths: each of them', () => {
    expect(cucumberImports(config, ['specs'])).toEqual(cucumberImports(config, []))
    expect(cucumberImports(config, ['specs/shop/a.feature', 'specs/settlement'])).toEqual([
      'specs/support/**/*.ts',
      'specs/settlement/steps/**/*.ts',
      'specs/shop/steps',
    ])
  })

  test('a path no domain holds: the shared support only', () => {
    expect(cucumberImports(config, ['elsewhere/a.feature'])).toEqual(['specs/support/**/*.ts'])
  })
})
