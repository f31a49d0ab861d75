import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'
import { andTagExpressions, channelTagExpression } from './channel-tags.ts'
import type { DomainConfig, ParlanceConfig } from '../config/config.ts'
import { withPrerequisites } from '../systems/system-order.ts'

/**
 * One cucumber run: one domain's channel, on the domain's features, with the
 * tag expression that narrows them. Channels belong to a domain: two domains'
 * `api` channels are two runs, each with its own domain's steps.
 *
 * @example
 *   const ui: ChannelPlan = {
 *     id: 'settlement/ui',
 *     domain: 'settlement',
 *     channel: 'ui',
 *     domainChannels: ['api', 'ui'],
 *     features: ['specs/settlement'],
 *     tags: 'not (@channel:api) or @channel:ui',
 *   }
 */
export interface ChannelPlan {
  /** `domain/channel`: names the run in the output and its reports' folder under the reports directory. */
  id: string
  domain: string
  channel: string
  /** Every channel of the domain: a scenario tagged `@channel:NAME` runs on the channels it names only. */
  domainChannels: string[]
  features: string[]
  tags: string
}

/**
 * What a `parlance run` will do, before it does anything.
 *
 * @example
 *   declare const config: ParlanceConfig
 *   const plan = planRun(config, { channels: ['api'] })
 *   plan.systems // ['engine']: started once, shared by every channel
 */
export interface RunPlan {
  /** Per domain in the config's order, its channels in declared order. */
  channels: ChannelPlan[]
  /** The domains with a channel to run (of those `--domain` selected, else all), in the config's order. */
  domains: string[]
  /** The systems the planned domains need and, transitively, the systems those start after, in declared order. */
  systems: string[]
}

/**
 * Plans the runs: each selected domain's channels (`chosen`, or all of them),
 * and the systems they need. `--channels api` means the `api` channel of each
 * selected domain that has one.
 *
 * @example
 *   declare const config: ParlanceConfig
 *   planRun(config, { channels: ['ui'], tags: '@smoke' }).channels[0]?.tags
 *   // '(@smoke) and (not (@channel:api or @channel:stream) or @channel:ui)'
 *   planRun(config, { domains: ['bookshop'] }).channels.map((plan) => plan.id) // ['bookshop/api']
 */
export function planRun(
  config: ParlanceConfig,
  options: { domains?: string[]; channels?: string[]; tags?: string },
): RunPlan {
  const everyDomain = Object.entries(config.domains)
  const allChannels = [...new Set(everyDomain.flatMap(([, domain]) => domain.channels))]
  const domains = selectDomains(everyDomain, options.domains)
  for (const channel of options.channels ?? []) {
    if (allChannels.includes(channel)) continue
    const suggestion = nearest(channel, allChannels)
    throw new ConfigurationError(
      `--channels: "${channel}" is not a channel of any ` +
        `domain${suggestion ? ` — did you mean "${suggestion}"?` : ''} Channels: ${allChannels.join(', ')}`,
    )
  }
  const outside = (options.channels ?? []).filter(
    (channel) => !domains.some(([, domain]) => domain.channels.includes(channel)),
  )
  if (outside.length > 0) {
    const each = domains.map(([name, domain]) => `${name}: ${domain.channels.join(', ')}`).join('; ')
    throw new ConfigurationError(
      `--channels: ${outside.map((channel) => `"${channel}"`).join(', ')} ${outside.length === 1 ? 'is' : 'are'} ` +
        `not a channel of the domains --domain chose (${each})`,
    )
  }
  const channels = domains.flatMap(([name, domain]) =>
    domain.channels
      .filter((channel) => !options.channels || options.channels.includes(channel))
      .map((channel) => channelPlan(name, domain, channel, options.tags)),
  )
  return narrowPlan(config, channels)
}

/**
 * A plan of these channel runs only: the domains they are of, and the systems
 * those need (a domain none of whose channels runs needs nothing started).
 *
 * @example
 *   declare const config: ParlanceConfig, plan: RunPlan
 *   narrowPlan(config, plan.channels.filter((run) => run.domain === 'settlement')).systems // ['engine']
 */
export function narrowPlan(config: ParlanceConfig, channels: ChannelPlan[]): RunPlan {
  const domains = Object.keys(config.domains).filter((name) => channels.some((plan) => plan.domain === name))
  const needed = new Set(domains.flatMap((name) => config.domains[name]?.systems ?? []))
  return { channels, domains, systems: withPrerequisites(needed, config.systems ?? {}) }
}

function channelPlan(name: string, domain: DomainConfig, channel: string, tags: string | undefined): ChannelPlan {
  return {
    id: `${name}/${channel}`,
    domain: name,
    channel,
    domainChannels: [...domain.channels],
    features: [...domain.features],
    tags: andTagExpressions(tags, channelTagExpression(channel, domain.channels)),
  }
}

// The config's domains named by --domain (all when it is not given); a name no domain has is a usage error.
function selectDomains<D>(domains: [string, D][], names: string[] | undefined): [string, D][] {
  if (!names) return domains
  const known = domains.map(([name]) => name)
  for (const name of names) {
    if (known.includes(name)) continue
    const suggestion = nearest(name, known)
    throw new ConfigurationError(
      `--domain: "${name}" is not a domain of the config${suggestion ? ` — did you mean "${suggestion}"?` : ''} ` +
        `Domains: ${known.join(', ')}`,
    )
  }
  return domains.filter(([name]) => names.includes(name))
}
