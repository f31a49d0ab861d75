import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'
import { andTagExpressions, channelTagExpression } from './channel-tags.ts'
import type { ParlanceConfig } from '../config/config.ts'
import { withPrerequisites } from '../systems/system-order.ts'

/**
 * One cucumber run: a channel, the features of the domains that declare it,
 * and the tag expression that narrows them.
 *
 * @example
 *   const ui: ChannelPlan = { channel: 'ui', domains: ['settlement'], features: ['specs/settlement'],
 *     tags: 'not (@channel:api) or @channel:ui' }
 */
export interface ChannelPlan {
  channel: string
  domains: string[]
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
  channels: ChannelPlan[]
  /** Every channel any domain declares, in declared order. */
  allChannels: string[]
  /** The systems the planned domains need and, transitively, the systems those start after, in declared order. */
  systems: string[]
}

/**
 * Plans the channels to run (`chosen`, or all of them) and the systems they need.
 *
 * @example
 *   declare const config: ParlanceConfig
 *   planRun(config, { channels: ['ui'], tags: '@smoke' }).channels[0]?.tags
 *   // '(@smoke) and (not (@channel:api or @channel:stream) or @channel:ui)'
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
  const theirs = allChannels.filter((channel) => domains.some(([, domain]) => domain.channels.includes(channel)))
  const outside = (options.channels ?? []).filter((channel) => !theirs.includes(channel))
  if (outside.length > 0) {
    const each = domains.map(([name, domain]) => `${name}: ${domain.channels.join(', ')}`).join('; ')
    throw new ConfigurationError(
      `--channels: ${outside.map((channel) => `"${channel}"`).join(', ')} ${outside.length === 1 ? 'is' : 'are'} ` +
        `not a channel of the domains --domain chose (${each})`,
    )
  }
  const chosen = theirs.filter((channel) => !options.channels || options.channels.includes(channel))
  const channels = chosen.map((channel): ChannelPlan => {
    const declaring = domains.filter(([, domain]) => domain.channels.includes(channel))
    return {
      channel,
      domains: declaring.map(([name]) => name),
      features: [...new Set(declaring.flatMap(([, domain]) => domain.features))],
      tags: andTagExpressions(options.tags, channelTagExpression(channel, allChannels)),
    }
  })
  const needed = new Set(
    channels.flatMap((plan) => plan.domains.flatMap((name) => config.domains[name]?.systems ?? [])),
  )
  return { channels, allChannels, systems: withPrerequisites(needed, config.systems ?? {}) }
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
