import { describe, expect, test } from 'vitest'
import { domainSections, featureMatcher, sectionsOfRuns } from './domain-sections.ts'

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
    const runs = [
      { domain: 'settlement', channel: 'ui' },
      { domain: 'load-balancer', channel: 'http' },
    ]
    const sections = domainSections(domains, runs)
    expect(sections.map(({ title, channels }) => ({ title, channels }))).toEqual([
      { title: 'settlement', channels: ['ui'] },
      { title: 'load-balancer', channels: ['http'] },
    ])
    expect(sections[1]!.owns('specs/load-balancer/draining.feature')).toBe(true)
  })

  test('two domains with a channel of the same name each show it only when their own ran', () => {
    const domains = {
      settlement: { features: ['specs/settlement'], channels: ['api', 'ui'] },
      bookshop: { features: ['specs/bookshop'], channels: ['api'] },
    }
    const sections = domainSections(domains, [{ domain: 'bookshop', channel: 'api' }])
    expect(sections.map(({ title, channels }) => ({ title, channels }))).toEqual([
      { title: 'bookshop', channels: ['api'] },
    ])
  })
})

describe('sectionsOfRuns', () => {
  test('a domain is in the results when a run holds its features, with the channels of those runs', () => {
    const domains = {
      settlement: { features: ['specs/settlement'], channels: ['api', 'ui'] },
      bookshop: { features: ['specs/bookshop/**/*.feature'], channels: ['api', 'ui'] },
      parlance: { features: ['specs/parlance'], channels: ['cli'] },
    }
    const feature = (uri: string) => ({ uri, name: uri, tags: [], rules: [] })
    const runs = [
      { channel: 'api', features: [feature('specs/settlement/a.feature')] },
      { channel: 'ui', features: [feature('specs/settlement/a.feature')] },
      { channel: 'api', features: [feature('specs/bookshop/b.feature')] },
    ]
    const sections = sectionsOfRuns(domains, runs)
    expect(sections.map(({ title, channels }) => ({ title, channels }))).toEqual([
      { title: 'settlement', channels: ['api', 'ui'] },
      { title: 'bookshop', channels: ['api'] },
    ])
  })
})
