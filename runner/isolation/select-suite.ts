import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'
import type { LoadedConfig } from '../load-config.ts'
import { planRun } from '../plan.ts'

/**
 * The suite the isolation check runs: one domain, picked out of the config by
 * its channels, and the address variables its systems read.
 *
 * @example
 *   const suite = selectSuite(loaded, 'settlement')
 *   suite.channels // ['api', 'ui', 'stream']; suite.addressVariables // { SETTLEMENT_URL: '{address}' }
 */
export interface IsolationSuite {
  domain: string
  channels: string[]
  features: string[]
  /** The domain's system, which the check starts once; none for a domain that needs none. */
  system: string | undefined
  /** Variable → template (`{address}` is the engine's address), as the system's config declares them. */
  addressVariables: Record<string, string>
}

/**
 * Selects `domain` the way `parlance run --channels …` does — by the channels
 * it declares — and checks that those channels bring in that domain alone, so
 * the runs are exactly what `npm run acceptance` does for it.
 *
 * @example
 *   selectSuite(loaded, 'settlment')
 *   // ConfigurationError: parlance.config.ts has no "settlment" domain — did you mean "settlement"? Domains: parlance, settlement
 */
export function selectSuite(loaded: LoadedConfig, domain: string, shownFile = 'the config'): IsolationSuite {
  const { config } = loaded
  const declared = Object.hasOwn(config.domains, domain) ? config.domains[domain] : undefined
  if (!declared) {
    const names = Object.keys(config.domains)
    const suggestion = nearest(domain, names)
    throw new ConfigurationError(
      `${shownFile} has no "${domain}" domain${suggestion ? ` — did you mean "${suggestion}"?` : '.'} Domains: ${names.join(', ')}. ` +
        `The isolation check runs one domain's suite; name another with --domain NAME.`,
    )
  }
  const plan = planRun(config, { channels: declared.channels })
  const others = [...new Set(plan.channels.flatMap((channel) => channel.domains))].filter((name) => name !== domain)
  if (others.length > 0) {
    throw new ConfigurationError(
      `the ${domain} domain's channels (${declared.channels.join(', ')}) also run the ${others.join(', ')} domain${others.length === 1 ? '' : 's'}, ` +
        `so parlance run --channels ${declared.channels.join(',')} would not run the ${domain} suite alone. Give the domains distinct channel names in ${shownFile}.`,
    )
  }
  if (plan.systems.length > 1) {
    throw new ConfigurationError(
      `the ${domain} domain needs ${plan.systems.length} systems (${plan.systems.join(', ')}), but the isolation check starts one settlement engine; it checks a domain with at most one system.`,
    )
  }
  const system = plan.systems[0]
  return {
    domain,
    channels: declared.channels,
    features: declared.features,
    system,
    addressVariables: system === undefined ? {} : { ...config.systems?.[system]?.env },
  }
}

/**
 * The environment that points a `--env remote` run at the engine: each address
 * variable filled in, and `SETTLEMENT_URL` always.
 *
 * @example
 *   addressEnv({ SETTLEMENT_URL: '{address}', SETTLEMENT_FEED: '{address}/settlements' }, 'http://127.0.0.1:40123')
 *   // { SETTLEMENT_URL: 'http://127.0.0.1:40123', SETTLEMENT_FEED: 'http://127.0.0.1:40123/settlements' }
 */
export function addressEnv(addressVariables: Readonly<Record<string, string>>, address: string): Record<string, string> {
  const filled = Object.entries(addressVariables).map(([name, template]) => [name, template.replaceAll('{address}', address)])
  return { SETTLEMENT_URL: address, ...Object.fromEntries(filled) }
}
