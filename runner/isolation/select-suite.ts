import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'
import type { LoadedConfig } from '../config/load-config.ts'
import { planRun } from '../run/plan.ts'

/**
 * The suite the isolation check runs: one domain, picked out of the config by
 * its channels, and the systems it needs, which the check starts once.
 *
 * @example
 *   import { loadConfig } from '../config/load-config.ts'
 *   const loaded = await loadConfig('parlance.config.ts', process.cwd())
 *   const suite = selectSuite(loaded, 'load-balancer')
 *   suite.channels // ['http']; suite.systems // ['docker', 'load-balancer']
 */
export interface IsolationSuite {
  domain: string
  channels: string[]
  features: string[]
  /** The systems its channels need, with those they start after, in declared order: what `parlance run` would start. */
  systems: string[]
}

/**
 * The suites of the domains asked for, in the order asked; `all` stands for
 * every domain that has systems, in declared order.
 *
 * @example
 *   declare const loaded: LoadedConfig
 *   selectSuites(loaded, ['all']).map((suite) => suite.domain) // ['settlement', 'load-balancer']
 */
export function selectSuites(
  loaded: LoadedConfig,
  domains: readonly string[],
  shownFile = 'the config',
): IsolationSuite[] {
  const withSystems = domainsWithSystems(loaded)
  const names = [...new Set(domains.flatMap((domain) => (domain === 'all' ? withSystems : [domain])))]
  if (names.length === 0) {
    throw new ConfigurationError(
      `--domain all: ${shownFile} has no domain with systems, and the isolation check runs a suite against ` +
        `systems it starts once. Give a domain systems, or name one with --domain NAME.`,
    )
  }
  return names.map((domain) => selectSuite(loaded, domain, shownFile))
}

/**
 * Selects `domain` the way `parlance run --domain NAME` does — its channels,
 * its features, the systems it needs — so the runs are exactly what
 * `npm run acceptance` does for it.
 *
 * @example
 *   declare const loaded: LoadedConfig
 *   selectSuite(loaded, 'settlment')
 *   // ConfigurationError: parlance.config.ts has no "settlment" domain — did you mean "settlement"?
 *   //   Domains: parlance, settlement. …
 */
export function selectSuite(loaded: LoadedConfig, domain: string, shownFile = 'the config'): IsolationSuite {
  const { config } = loaded
  const declared = Object.hasOwn(config.domains, domain) ? config.domains[domain] : undefined
  if (!declared) {
    const names = Object.keys(config.domains)
    const suggestion = nearest(domain, names)
    throw new ConfigurationError(
      `${shownFile} has no "${domain}" domain${suggestion ? ` — did you mean "${suggestion}"?` : '.'} Domains: ` +
        `${names.join(', ')}. ` +
        `The isolation check runs one domain's suite; name another with --domain NAME, or check them all with ` +
        `--domain all.`,
    )
  }
  const plan = planRun(config, { domains: [domain] })
  if (plan.systems.length === 0) {
    const candidates = domainsWithSystems(loaded)
    const which =
      candidates.length > 0
        ? ` (${candidates.join(', ')}); name one with --domain NAME, or --domain all`
        : `, and ${shownFile} has none`
    throw new ConfigurationError(
      `the ${domain} domain needs no system, so the isolation check has nothing to start once and share ` +
        `between runs. It checks a domain with systems${which}.`,
    )
  }
  return { domain, channels: declared.channels, features: declared.features, systems: plan.systems }
}

function domainsWithSystems({ config }: LoadedConfig): string[] {
  return Object.entries(config.domains).flatMap(([name, domain]) => ((domain.systems ?? []).length > 0 ? [name] : []))
}
