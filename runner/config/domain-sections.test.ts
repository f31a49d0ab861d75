import { describe, expect, test } from 'vitest'
import { domainSections, featureMatcher } from './domain-sections.ts'

describe('featureMatcher', () => {
  test('matches globs, files, and folders with everything below them', () => {
    const owns = featureMatcher(['specs/settlement/**/*.feature', './specs/parlance/', 'extra/one.feature'])
    expect(
      [
        'specs/settlement/a.feature',
        'specs/settlement/deep/b.feature',
        'specs/parlance/run.feature',
        'extra/one.feature',
      ].map(owns),
    ).toEqual([true, true, true, true])
    expect(
      [
        'specs/load-balancer/a.feature',
        'specs/settlementx/a.feature',
        'specs/parlancex/a.feature',
        'extra/two.feature',
      ].map(owns),
    ).toEqual([false, false, false, false])
  })
})

describe('domainSections', () => {
  test('a section per domain with the channels of it that run, in the config order', () => {
    const domains = {
      settlement: { features: ['specs/settlement'], channels: ['api', 'ui'] },
      parlance: { features: ['specs/parlance'], channels: ['cli'] },
      'load-balancer': { features: ['specs/load-balancer'], channels: ['http'] },
    }
    const sections = domainSections(domains, ['ui', 'http'])
    expect(sections.map(({ title, channels }) => ({ title, channels }))).toEqual([
      { title: 'settlement', channels: ['ui'] },
      { title: 'load-balancer', channels: ['http'] },
    ])
    expect(sections[1]!.owns('specs/load-balancer/draining.feature')).toBe(true)
  })
})
