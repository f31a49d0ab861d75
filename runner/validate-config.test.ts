import { describe, expect, test } from 'vitest'
import { defineConfig } from './config.ts'
import { validateConfig } from './validate-config.ts'

const valid = {
  systems: { engine: { command: 'node', args: ['engine.mjs', '--port', '0'], ready: { log: /listening on (\S+)/ }, env: { ENGINE_URL: '{address}' } } },
  domains: { settlement: { features: ['specs/settlement'], channels: ['api'], systems: ['engine'] } },
  support: ['specs/support/**/*.ts'],
}

describe('validateConfig', () => {
  test('returns a valid config as it is', () => {
    expect(validateConfig(valid, 'parlance.config.ts')).toBe(valid)
  })

  test('{address} needs a ready.log with a capture group', () => {
    const config = { ...valid, systems: { engine: { ...valid.systems.engine, ready: { log: /listening/ } } } }
    expect(() => validateConfig(config, 'parlance.config.ts')).toThrow(
      'parlance.config.ts is not valid:\n  • systems.engine uses {address}, but ready.log (/listening/) has no capture group; capture the address, e.g. /listening on (http:\\/\\/\\S+)/',
    )
  })

  test('a config that is not an object, or lacks domains and support, says what is expected', () => {
    expect(() => validateConfig(undefined, 'parlance.config.ts')).toThrow(
      'parlance.config.ts is not valid:\n  • the default export is undefined; expected an object with systems, domains, support, parallel, reports',
    )
    expect(() => validateConfig({ parallel: 0 }, 'p.ts')).toThrow(
      'p.ts is not valid:\n  • domains is missing; it is required\n  • support is missing; it is required\n  • parallel is 0; expected a whole number ≥ 1, e.g. 4',
    )
  })

  test('a system needs a command and a way to tell it is ready', () => {
    const config = { ...valid, systems: { engine: { args: '--port 0', ready: {} } } }
    expect(() => validateConfig(config, 'p.ts')).toThrow(
      "p.ts is not valid:\n  • systems.engine.command is missing; it is required\n  • systems.engine.args is \"--port 0\"; expected a list of strings, e.g. ['--port', '0']\n  • systems.engine.ready has neither log nor url; give a log line to wait for and/or a URL to poll",
    )
  })

  test('defineConfig lets a domain name only declared systems', () => {
    defineConfig({ ...valid, domains: { settlement: { features: ['specs'], channels: ['api'], systems: ['engine'] } } })
    // @ts-expect-error 'engin' is not a system of this config
    defineConfig({ ...valid, domains: { settlement: { features: ['specs'], channels: ['api'], systems: ['engin'] } } })
  })
})
