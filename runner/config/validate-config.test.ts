import { describe, expect, test } from 'vitest'
import { defineConfig } from './config.ts'
import { validateConfig } from './validate-config.ts'

const valid = {
  systems: {
    engine: {
      command: 'node',
      args: ['engine.mjs', '--port', '0'],
      ready: { log: /listening on (\S+)/ },
      env: { ENGINE_URL: '{address}' },
    },
  },
  domains: { settlement: { features: ['specs/settlement'], channels: ['api'], systems: ['engine'] } },
  support: ['specs/support/**/*.ts'],
}

const docker = {
  command: 'node',
  args: ['docker.mjs'],
  ready: { log: /listening on (tcp:\S+)/ },
  env: { DOCKER_HOST: '{address}' },
}
const lb = {
  command: 'node',
  args: ['lb.mjs', '--port', '0', '--docker-host={address:docker}'],
  after: ['docker'],
  ready: { log: [/balancer listening on (?<public>http:\S+)/, /admin on (?<admin>http:\S+)/] },
  env: { LB_URL: '{public}', LB_ADMIN_URL: '{admin}' },
}

describe('validateConfig', () => {
  test('returns a valid config as it is', () => {
    expect(validateConfig(valid, 'parlance.config.ts')).toBe(valid)
  })

  test('{address} needs a ready.log with a capture group', () => {
    const config = { ...valid, systems: { engine: { ...valid.systems.engine, ready: { log: /listening/ } } } }
    expect(() => validateConfig(config, 'parlance.config.ts')).toThrow(
      'parlance.config.ts is not valid:\n  • systems.engine uses {address}, but ready.log (/listening/) has no ' +
        'capture group; capture the address, e.g. /listening on (http:\\/\\/\\S+)/',
    )
  })

  test('a config that is not an object, or lacks domains and support, says what is expected', () => {
    expect(() => validateConfig(undefined, 'parlance.config.ts')).toThrow(
      'parlance.config.ts is not valid:\n  • the default export is undefined; expected an object with systems, ' +
        'domains, support, channels, parallel, reports, gate, lint, secrets',
    )
    expect(() => validateConfig({ parallel: 0 }, 'p.ts')).toThrow(
      'p.ts is not valid:\n  • domains is missing; it is required\n  • support is missing; it is required\n  • ' +
        'parallel is 0; expected a whole number ≥ 1, e.g. 4',
    )
  })

  test('a system needs a command and a way to tell it is ready', () => {
    const config = { ...valid, systems: { engine: { args: '--port 0', ready: {} } } }
    expect(() => validateConfig(config, 'p.ts')).toThrow(
      'p.ts is not valid:\n  • systems.engine.command is missing; it is required\n  • systems.engine.args is ' +
        "\"--port 0\"; expected a list of strings, e.g. ['--port', '0']\n  • systems.engine.ready has neither " +
        'log nor url; give a log line to wait for and/or a URL to poll',
    )
  })

  test('after names known systems other than itself, with the nearest name', () => {
    const config = { ...valid, systems: { ...valid.systems, docker, lb: { ...lb, after: ['dockr', 'lb', 3] } } }
    expect(() => validateConfig(config, 'p.ts')).toThrow(
      'p.ts is not valid:\n' +
        '  • systems.lb.after[0] is "dockr"; expected one of the systems: engine, docker — did you mean "docker"?\n' +
        '  • systems.lb.after[1] is "lb" itself; a system cannot start after itself, so remove it\n' +
        '  • systems.lb.after[2] is 3; expected one of the systems: engine, docker\n' +
        '  • systems.lb.args[3] uses {address:docker}, but "docker" is not in systems.lb.after; add "docker" ' +
        'to systems.lb.after',
    )
  })

  test('after lists that make a cycle are refused, naming the cycle', () => {
    const config = { ...valid, systems: { ...valid.systems, docker: { ...docker, after: ['lb'] }, lb } }
    expect(() => validateConfig(config, 'p.ts')).toThrow(
      'p.ts is not valid:\n  • systems.docker.after makes a cycle: docker → lb → docker; each would wait for ' +
        'the other to be ready, so remove one of these links',
    )
  })

  test('{address:NAME} must name a system in after, wherever it is used', () => {
    const config = {
      ...valid,
      systems: {
        ...valid.systems,
        docker,
        lb: {
          ...lb,
          after: [],
          processEnv: { DOCKER_HOST: '{address:docker}' },
          env: { ...lb.env, SELF: '{address:lb}', OTHER: '{address:dokcer}' },
        },
      },
    }
    expect(() => validateConfig(config, 'p.ts')).toThrow(
      'p.ts is not valid:\n' +
        '  • systems.lb.args[3] uses {address:docker}, but "docker" is not in systems.lb.after; add "docker" ' +
        'to systems.lb.after\n' +
        '  • systems.lb.processEnv.DOCKER_HOST uses {address:docker}, but "docker" is not in systems.lb.after; ' +
        'add "docker" to systems.lb.after\n' +
        "  • systems.lb.env.SELF uses {address:lb}, but that is lb's own address; in its env use {address}, " +
        'elsewhere it is not known yet\n' +
        '  • systems.lb.env.OTHER uses {address:dokcer}, but there is no system "dokcer" — did you mean ' +
        '"docker"? Systems: engine, docker, lb',
    )
  })

  test('an env template may use the named groups of each ready.log pattern; any other is refused, listing them', () => {
    const systems = { ...valid.systems, docker, lb }
    expect(validateConfig({ ...valid, systems }, 'p.ts').systems).toBe(systems)
    const config = {
      ...valid,
      systems: { ...valid.systems, docker, lb: { ...lb, env: { LB_ADMIN_URL: '{admn}/stats' } } },
    }
    expect(() => validateConfig(config, 'p.ts')).toThrow(
      'p.ts is not valid:\n  • systems.lb.env.LB_ADMIN_URL uses {admn}, which is neither {address}, ' +
        '{address:SYSTEM} nor a named group of ready.log (its groups: public, admin) — did you mean {admin}?',
    )
  })

  test('ready.log is a pattern or a non-empty list of them; {address} needs a capture group in the first', () => {
    const config = {
      ...valid,
      systems: {
        engine: { ...valid.systems.engine, ready: { log: [] } },
        docker,
        lb: { ...lb, ready: { log: [/admin on (?<admin>\S+)/] } },
      },
    }
    expect(() => validateConfig(config, 'p.ts')).toThrow(
      'p.ts is not valid:\n' +
        '  • systems.engine.ready.log is []; expected a regular expression whose first capture group is the ' +
        'address, e.g. /listening on (http:\\/\\/\\S+)/, or a non-empty list of them\n' +
        '  • systems.engine uses {address}, but there is no ready.log; capture the address, e.g. /listening on ' +
        '(http:\\/\\/\\S+)/\n' +
        '  • systems.lb.env.LB_URL uses {public}, which is neither {address}, {address:SYSTEM} nor a named ' +
        'group of ready.log (its groups: admin)',
    )
  })

  test('channels: each a channel of a domain, a step timeout ≥ 1 s, browser true or false, whole workers', () => {
    const channels = { api: { stepTimeout: '45s', workers: 2 }, ui: { browser: true, stepTimeout: 90_000 } }
    const domains = { settlement: { ...valid.domains.settlement, channels: ['api', 'ui'] } }
    expect(validateConfig({ ...valid, domains, channels }, 'p.ts').channels).toBe(channels)
    const wrong = {
      api: { stepTimeout: '45 parsecs', workers: 0 },
      uii: { browser: 'yes' },
      ui: { stepTimeout: 500, retries: 2 },
    }
    expect(() => validateConfig({ ...valid, domains, channels: wrong }, 'p.ts')).toThrow(
      'p.ts is not valid:\n' +
        `  • channels.api.stepTimeout is "45 parsecs"; expected a duration of at least 1 s: '45s', '2m' or ` +
        `milliseconds, e.g. 60000\n` +
        '  • channels.api.workers is 0; expected a whole number ≥ 1, e.g. 2\n' +
        '  • channels.uii is not a channel of any domain — did you mean "ui"? Channels: api, ui\n' +
        '  • channels.uii.browser is "yes"; expected true or false\n' +
        `  • channels.ui.stepTimeout is 500; expected a duration of at least 1 s: '45s', '2m' or milliseconds, ` +
        `e.g. 60000\n` +
        '  • channels.ui.retries is not a known key Allowed: stepTimeout, browser, workers',
    )
  })

  test('defineConfig lets a domain name only declared systems', () => {
    defineConfig({ ...valid, domains: { settlement: { features: ['specs'], channels: ['api'], systems: ['engine'] } } })
    // @ts-expect-error 'engin' is not a system of this config
    defineConfig({ ...valid, domains: { settlement: { features: ['specs'], channels: ['api'], systems: ['engin'] } } })
  })
})

describe('validateConfig: secrets', () => {
  test('takes extra header and query parameter names to mask', () => {
    const config = { ...valid, secrets: { headers: ['X-Session'], queryParameters: ['session_id', 'otp'] } }
    expect(validateConfig(config, 'parlance.config.ts')).toBe(config)
    expect(validateConfig({ ...valid, secrets: {} }, 'parlance.config.ts').secrets).toEqual({})
  })

  test('names an unknown key, a list that is not one and a name that cannot be one', () => {
    const config = {
      ...valid,
      secrets: { header: ['x-session'], queryParameters: 'otp', headers: ['x session', 42] },
    }
    expect(() => validateConfig(config, 'parlance.config.ts')).toThrow(
      'parlance.config.ts is not valid:\n' +
        '  • secrets.header is not a known key — did you mean "headers"? Allowed: headers, queryParameters\n' +
        `  • secrets.queryParameters is "otp"; expected a list of query parameter names, e.g. ['session_id']\n` +
        `  • secrets.headers[0] is "x session"; expected a header name ` +
        `(letters, digits and - _ . ! # $ % & ' * + ^ \` | ~), e.g. 'x-session'\n` +
        `  • secrets.headers[1] is 42; expected a header name (letters, digits and - _ . ! # $ % & ' * + ^ \` | ~), ` +
        `e.g. 'x-session'`,
    )
    expect(() => validateConfig({ ...valid, secrets: ['token'] }, 'parlance.config.ts')).toThrow(
      'parlance.config.ts is not valid:\n  • secrets is ["token"]; expected an object with headers, queryParameters',
    )
    expect(() => validateConfig({ ...valid, secrets: { queryParameters: ['a,b'] } }, 'parlance.config.ts')).toThrow(
      `secrets.queryParameters[0] is "a,b"; expected a query parameter name (no spaces and none of = & , # ?), ` +
        `e.g. 'session_id'`,
    )
  })
})
