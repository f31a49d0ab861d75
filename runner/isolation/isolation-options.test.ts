import { describe, expect, it } from 'vitest'
import { isolationHelp, parseIsolationArgs } from './isolation-options.ts'

describe('parseIsolationArgs', () => {
  it('defaults to three runs of the settlement suite, two workers per channel, 10 minutes a run', () => {
    expect(parseIsolationArgs([])).toEqual({
      config: 'parlance.config.ts',
      domains: ['settlement'],
      runs: 3,
      parallel: 2,
      timeoutMs: 600_000,
      reports: 'reports/isolation',
    })
  })

  it('takes every option', () => {
    const args = [
      '--domain',
      'parlance',
      '-c',
      'ci.config.ts',
      '--runs',
      '2',
      '-p',
      '4',
      '-t',
      '@smoke',
      '--timeout',
      '20m',
      '--reports',
      'out',
    ]
    expect(parseIsolationArgs(args)).toEqual({
      config: 'ci.config.ts',
      domains: ['parlance'],
      runs: 2,
      parallel: 4,
      tags: '@smoke',
      timeoutMs: 1_200_000,
      reports: 'out',
    })
    expect(parseIsolationArgs(['-h'])).toBe('help')
  })

  it('takes --domain once per domain, or all', () => {
    expect(
      parseIsolationArgs(['--domain', 'settlement', '--runs', '1', '--domain=load-balancer', '--domain', 'settlement']),
    ).toMatchObject({ domains: ['settlement', 'load-balancer'], runs: 1 })
    expect(parseIsolationArgs(['--domain', 'all'])).toMatchObject({ domains: ['all'] })
  })

  it('says what is wrong with a bad option', () => {
    expect(() => parseIsolationArgs(['--runs', '0'])).toThrow(
      '--runs is "0"; expected a whole number ≥ 1, e.g. --runs 3',
    )
    expect(() => parseIsolationArgs(['--domian', 'x'])).toThrow(
      'unknown option --domian — did you mean --domain? Run npm run acceptance:isolation -- --help for the options.',
    )
    expect(() => parseIsolationArgs(['--timeout', 'soon'])).toThrow(/^--timeout: /)
    expect(() => parseIsolationArgs(['--domain', ''])).toThrow('--domain is empty; give NAME, or leave the option out')
    expect(() => parseIsolationArgs(['--domain', 'settlement', '--domain', ''])).toThrow(
      '--domain is empty; give NAME, or leave the option out',
    )
  })
})

describe('isolationHelp', () => {
  it('lists --domain with its repeat and all forms', () => {
    expect(isolationHelp.split('\n').filter((line) => /--domain|--runs|settlement\)/.test(line))).toEqual([
      '  parlance run --domain <the domain> --parallel N --env remote',
      '--domain all (or --domain repeated) checks each domain that has systems in',
      '      --domain NAME     the domain to check, or all; repeatable',
      '                        (default: settlement)',
      '      --runs N          runs against the same systems (default: 3)',
    ])
  })
})
