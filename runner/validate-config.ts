import { ConfigurationError } from '../drivers/core/errors/configuration-error.ts'
import { nearest } from '../drivers/core/nearest.ts'
import type { DomainConfig, ParlanceConfig, SystemConfig } from './config.ts'

/** Checks one value found at `path`, adding what is wrong with it to `problems`. */
type Check = (value: unknown, path: string, problems: Problems) => void

/**
 * Checks a loaded config and returns it typed, or throws one ConfigurationError
 * listing every problem: the key, the value, what is allowed.
 *
 * @example
 *   const config = validateConfig(module.default, 'parlance.config.ts')
 *   // ConfigurationError: parlance.config.ts is not valid:\n  • parallel is 0; expected a whole number ≥ 1, e.g. 4
 */
export function validateConfig(value: unknown, file: string): ParlanceConfig {
  const problems = new Problems()
  const systemNames = isPlainObject(value) && isPlainObject(value.systems) ? Object.keys(value.systems) : []
  problems.object(value, '', configShape(systemNames), ['domains', 'support'])
  if (problems.list.length > 0) {
    throw new ConfigurationError(`${file} is not valid:\n${problems.list.map((problem) => `  • ${problem}`).join('\n')}`)
  }
  return value as ParlanceConfig
}

/** What is wrong with a config so far, each problem naming its key. */
class Problems {
  readonly list: string[] = []

  add(path: string, problem: string): void {
    this.list.push(`${path || 'the default export'} ${problem}`)
  }

  wrong(path: string, value: unknown, expected: string): void {
    this.add(path, `is ${quote(value)}; expected ${expected}`)
  }

  /** Checks an object's keys against `shape`: required ones present, unknown ones named with the nearest known key. */
  object(value: unknown, path: string, shape: Readonly<Record<string, Check>>, required: string[]): value is Record<string, unknown> {
    const keys = Object.keys(shape)
    if (!isPlainObject(value)) {
      this.wrong(path, value, `an object with ${keys.join(', ')}`)
      return false
    }
    for (const key of required) if (value[key] === undefined) this.add(join(path, key), 'is missing; it is required')
    for (const [key, child] of Object.entries(value)) {
      const check = Object.hasOwn(shape, key) ? shape[key] : undefined
      if (check && child !== undefined) check(child, join(path, key), this)
      if (check) continue
      const suggestion = nearest(key, keys)
      this.add(join(path, key), `is not a known key${suggestion ? ` — did you mean "${suggestion}"?` : ''} Allowed: ${keys.join(', ')}`)
    }
    return true
  }

  /** Checks an object whose keys are names the user chose, each entry with `check`. */
  record(value: unknown, path: string, check: (entry: unknown, path: string, key: string) => void): void {
    if (!isPlainObject(value)) return this.wrong(path, value, 'an object keyed by name')
    for (const [key, entry] of Object.entries(value)) check(entry, join(path, key), key)
  }
}

const string: Check = (value, path, problems) => {
  if (typeof value !== 'string' || value === '') problems.wrong(path, value, 'a non-empty string')
}

const strings =
  (example: string, { empty = false } = {}): Check =>
  (value, path, problems) => {
    const ok = Array.isArray(value) && (empty || value.length > 0) && value.every((item) => typeof item === 'string' && (empty || item !== ''))
    if (!ok) problems.wrong(path, value, `a ${empty ? '' : 'non-empty '}list of strings, e.g. ${example}`)
  }

const positiveInteger =
  (example: string): Check =>
  (value, path, problems) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) problems.wrong(path, value, `a whole number ≥ 1, e.g. ${example}`)
  }

const addressVariables: Check = (value, path, problems) =>
  problems.record(value, path, (template, variablePath, name) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) problems.add(variablePath, 'is not a valid environment variable name; use letters, digits and _')
    if (typeof template !== 'string') return problems.wrong(variablePath, template, 'a string, e.g. "{address}"')
    for (const [placeholder] of template.matchAll(/\{[^}]*\}/g)) {
      if (placeholder !== '{address}') problems.wrong(variablePath, template, `only the placeholder {address} (found ${placeholder})`)
    }
  })

const ready: Check = (value, path, problems) => {
  const shape = {
    log: (log, logPath) => {
      if (!(log instanceof RegExp)) problems.wrong(logPath, log, 'a regular expression whose first capture group is the address, e.g. /listening on (http:\\/\\/\\S+)/')
    },
    url: string,
  } satisfies Record<keyof SystemConfig['ready'], Check>
  if (problems.object(value, path, shape, []) && value.log === undefined && value.url === undefined) {
    problems.add(path, 'has neither log nor url; give a log line to wait for and/or a URL to poll')
  }
}

const system: Check = (value, path, problems) => {
  const shape = {
    command: string,
    args: strings(`['--port', '0']`, { empty: true }),
    cwd: string,
    processEnv: (env, envPath) =>
      problems.record(env, envPath, (entry, entryPath) => {
        if (typeof entry !== 'string') problems.wrong(entryPath, entry, 'a string')
      }),
    ready,
    readyTimeoutMs: positiveInteger('30000'),
    stopTimeoutMs: positiveInteger('5000'),
    env: addressVariables,
  } satisfies Record<keyof SystemConfig, Check>
  if (!problems.object(value, path, shape, ['command', 'ready'])) return
  const { env, ready: readiness } = value as Partial<SystemConfig>
  const log = readiness?.log instanceof RegExp ? readiness.log : undefined
  const usesAddress = [...Object.values(env ?? {}), readiness?.url].some((template) => typeof template === 'string' && template.includes('{address}'))
  if (usesAddress && (!log || captureGroups(log) === 0)) {
    const why = log ? `ready.log (${log}) has no capture group` : 'there is no ready.log'
    problems.add(path, `uses {address}, but ${why}; capture the address, e.g. /listening on (http:\\/\\/\\S+)/`)
  }
}

function domainShape(systemNames: readonly string[]): Record<keyof DomainConfig, Check> {
  return {
    features: strings(`['specs/settlement/**/*.feature']`),
    channels: (value, path, problems) => {
      strings(`['api', 'ui']`)(value, path, problems)
      if (!Array.isArray(value)) return
      value.forEach((channel, i) => {
        if (typeof channel === 'string' && !/^[a-z][a-z0-9-]*$/.test(channel)) {
          problems.wrong(`${path}[${i}]`, channel, 'a lower-case name (letters, digits, -), usable as @channel:NAME')
        }
      })
    },
    systems: (value, path, problems) => {
      if (!Array.isArray(value)) return problems.wrong(path, value, `a list of system names, e.g. ['${systemNames[0] ?? 'engine'}']`)
      value.forEach((name, i) => {
        if (typeof name === 'string' && systemNames.includes(name)) return
        const suggestion = typeof name === 'string' ? nearest(name, systemNames) : undefined
        const allowed = `one of the systems: ${systemNames.join(', ') || '(none declared)'}`
        problems.wrong(`${path}[${i}]`, name, allowed + (suggestion ? ` — did you mean "${suggestion}"?` : ''))
      })
    },
  }
}

function configShape(systemNames: readonly string[]): Record<keyof ParlanceConfig, Check> {
  const domain: Check = (value, path, problems) => problems.object(value, path, domainShape(systemNames), ['features', 'channels'])
  return {
    systems: (value, path, problems) => problems.record(value, path, (entry, entryPath) => system(entry, entryPath, problems)),
    domains: (value, path, problems) => {
      if (isPlainObject(value) && Object.keys(value).length === 0) {
        return problems.wrong(path, value, 'at least one domain, e.g. { shop: { features: [...], channels: [...] } }')
      }
      problems.record(value, path, (entry, entryPath) => domain(entry, entryPath, problems))
    },
    support: strings(`['specs/support/**/*.ts', 'specs/**/steps/*.ts']`),
    parallel: positiveInteger('4'),
    reports: string,
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp)
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}

function quote(value: unknown): string {
  if (value instanceof RegExp || value === undefined || typeof value === 'function') return String(value)
  return JSON.stringify(value) ?? String(value)
}

function captureGroups(pattern: RegExp): number {
  // An empty alternative makes any pattern match '', so exec() reports every group.
  return (new RegExp(`${pattern.source}|`).exec('')?.length ?? 1) - 1
}
