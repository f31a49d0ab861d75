import { stripVTControlCharacters } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { validateConfig } from '../config/validate-config.ts'
import { gateCommand, gateHelp } from './gate-command.ts'

function captureStdout(): string[] {
  const lines: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(...stripVTControlCharacters(String(chunk)).replace(/\n$/, '').split('\n'))
    return true
  })
  return lines
}
afterEach(() => vi.restoreAllMocks())

describe('parlance gate, the command', () => {
  it('prints its help', async () => {
    const lines = captureStdout()
    expect(await gateCommand(['--help'])).toBe(0)
    expect(lines.join('\n')).toBe(gateHelp)
    expect(gateHelp).toContain('--allow-flaky')
  })

  it('exits 2 on an unknown option', async () => {
    const lines = captureStdout()
    expect(await gateCommand(['--allow-flakey'])).toBe(2)
    expect(lines[0]).toMatch(
      /^parlance gate: Unknown option '--allow-flakey'.* Run parlance gate --help for the options\.$/,
    )
  })

  it('judges the files it is given', async () => {
    const lines = captureStdout()
    expect(await gateCommand(['runner/gate/fixtures/flaky', '--allow-flaky', '--config', 'parlance.config.ts'])).toBe(0)
    expect(lines.at(-1)).toBe('Gate: GREEN')
  })
})

describe('gate in parlance.config.ts', () => {
  const base = { domains: { shop: { features: ['specs'], channels: ['api'] } }, support: ['specs/**/*.ts'] }

  it('accepts tags mapped to channels', () => {
    expect(
      validateConfig({ ...base, gate: { required: { '@story:SET-4': ['api', 'ui'] } } }, 'parlance.config.ts').gate,
    ).toEqual({ required: { '@story:SET-4': ['api', 'ui'] } })
  })

  it('names a key that is not a tag, channels that are not a list, and an unknown key', () => {
    expect(() =>
      validateConfig({ ...base, gate: { required: { 'story:SET-4': 'api' }, requred: {} } }, 'parlance.config.ts'),
    ).toThrow(
      [
        'parlance.config.ts is not valid:',
        '  • gate.required.story:SET-4 is not a tag; write it as "@story:SET-4", e.g. "@story:SET-4" or "@smoke"',
        `  • gate.required.story:SET-4 is "api"; expected a non-empty list of channel names, e.g. ['api', 'ui']`,
        '  • gate.requred is not a known key — did you mean "required"? Allowed: required',
      ].join('\n'),
    )
  })
})
