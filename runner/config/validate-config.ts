import { toMilliseconds } from '../../drivers/core/duration-input.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'
import { isPlainObject, Problems, positiveInteger, string, strings, type Check } from './config-problems.ts'
import type { ChannelConfig, DomainConfig, ParlanceConfig } from './config.ts'
import { checkGateConfig } from '../gate/check-gate-config.ts'
import { checkLintConfig } from '../lint/rule-settings.ts'
import { checkSystems } from './validate-system.ts'
import { checkSecrets } from './check-secrets.ts'

/**
 * Checks a loaded config and returns it typed, or throws one ConfigurationError
 * listing every problem: the key, the value, what is allowed.
 *
 * @example
 *   declare const module: { default?: unknown } // await import() of the config file
 *   const config = validateConfig(module.default, 'parlance.config.ts')
 *   // ConfigurationError: parlance.config.ts is not valid:\n  • parallel is 0; expected a whole number ≥ 1, e.g. 4
 */
export function validateConfig(value: unknown, file: string): ParlanceConfig {
  const problems = new Problems()
  const systemNames = isPlainObject(value) && isPlainObject(value.systems) ? Object.keys(value.systems) : []
  const channelNames = isPlainObject(value) && isPlainObject(value.domains) ? declaredChannels(value.domains) : []
  problems.object(value, '', configShape(systemNames, channelNames), ['domains', 'support'])
  if (problems.list.length > 0) {
    throw new ConfigurationError(
      `${file} is not valid:\n${problems.list.map((problem) => `  • ${problem}`).join('\n')}`,
    )
  }
  return value as ParlanceConfig
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
      if (!Array.isArray(value))
        return problems.wrong(path, value, `a list of system names, e.g. ['${systemNames[0] ?? 'engine'}']`)
      value.forEach((name, i) => {
        if (typeof name === 'string' && systemNames.includes(name)) return
        const suggestion = typeof name === 'string' ? nearest(name, systemNames) : undefined
        const allowed = `one of the systems: ${systemNames.join(', ') || '(none declared)'}`
        problems.wrong(`${path}[${i}]`, name, allowed + (suggestion ? ` — did you mean "${suggestion}"?` : ''))
      })
    },
    support: strings(`['specs/settlement/steps/**/*.ts']`),
  }
}

function declaredChannels(domains: Record<string, unknown>): string[] {
  const lists = Object.values(domains).map((domain) =>
    isPlainObject(domain) && Array.isArray(domain.channels) ? domain.channels : [],
  )
  return [...new Set(lists.flat().filter((channel): channel is string => typeof channel === 'string'))]
}

const channelShape: Record<keyof ChannelConfig, Check> = {
  stepTimeout: (value, path, problems) => {
    const allowed = `a duration of at least 1 s: '45s', '2m' or milliseconds, e.g. 60000`
    if (typeof value !== 'number' && typeof value !== 'string') return problems.wrong(path, value, allowed)
    try {
      if (toMilliseconds(value as never, path) < 1_000) problems.wrong(path, value, allowed)
    } catch {
      problems.wrong(path, value, allowed)
    }
  },
  browser: (value, path, problems) => {
    if (typeof value !== 'boolean') problems.wrong(path, value, 'true or false')
  },
  workers: positiveInteger('2'),
}

function configShape(
  systemNames: readonly string[],
  channelNames: readonly string[],
): Record<keyof ParlanceConfig, Check> {
  const domain: Check = (value, path, problems) =>
    problems.object(value, path, domainShape(systemNames), ['features', 'channels'])
  return {
    systems: checkSystems,
    domains: (value, path, problems) => {
      if (isPlainObject(value) && Object.keys(value).length === 0) {
        return problems.wrong(path, value, 'at least one domain, e.g. { shop: { features: [...], channels: [...] } }')
      }
      problems.record(value, path, (entry, entryPath) => domain(entry, entryPath, problems))
    },
    support: strings(`['specs/support/**/*.ts']`),
    channels: (value, path, problems) =>
      problems.record(value, path, (entry, entryPath, name) => {
        if (!channelNames.includes(name)) {
          const suggestion = nearest(name, channelNames)
          problems.add(
            entryPath,
            `is not a channel of any domain${suggestion ? ` — did you mean "${suggestion}"?` : ''} Channels: ` +
              `${channelNames.join(', ') || '(none)'}`,
          )
        }
        problems.object(entry, entryPath, channelShape, [])
      }),
    parallel: positiveInteger('4'),
    reports: string,
    gate: checkGateConfig,
    lint: checkLintConfig,
    secrets: checkSecrets,
  }
}
