import { ConfigurationError } from './errors/configuration-error.ts'
import type { DriverContext } from './driver-context.ts'
import { nearest } from './nearest.ts'

/**
 * Makes one channel's implementation of a domain's driver interface.
 *
 * @example
 *   import { ApiSettlementDriver } from '../settlement/api/api-settlement-driver.ts'
 *   import type { SettlementDriver } from '../settlement/settlement-driver.ts'
 *   const api: DriverFactory<SettlementDriver> = (ctx) => new ApiSettlementDriver(ctx)
 */
export type DriverFactory<D> = (ctx: DriverContext) => D

/**
 * A domain's driver interface and one implementation per channel; the DSL
 * asks it for the driver of the scenario's channel.
 *
 * @example
 *   import { ApiSettlementDriver } from '../settlement/api/api-settlement-driver.ts'
 *   import type { SettlementDriver } from '../settlement/settlement-driver.ts'
 *   declare const ctx: DriverContext
 *   export const settlementChannels = defineChannels<SettlementDriver>('settlement', {
 *     api: (ctx) => new ApiSettlementDriver(ctx),
 *   })
 *   const driver = settlementChannels.create(ctx) // ctx.channel === 'api'
 */
export class ChannelSet<D> {
  constructor(
    readonly domain: string,
    private readonly factories: Readonly<Record<string, DriverFactory<D>>>,
  ) {
    if (Object.keys(factories).length === 0) {
      throw new ConfigurationError(
        `defineChannels: the ${domain} domain declares no channels. Give at least one, e.g. { api: (ctx) => ` +
          `new ApiDriver(ctx) }`,
      )
    }
  }

  /** The channel names, in declared order. */
  get names(): string[] {
    return Object.keys(this.factories)
  }

  /**
   * Creates the driver for `ctx.channel`, or says which channels exist. With
   * no channel chosen (`''`: plain cucumber-js), the domain's first channel.
   */
  create(ctx: DriverContext): D {
    if (ctx.channel === '') ctx = { ...ctx, channel: this.names[0]! }
    const factory = Object.hasOwn(this.factories, ctx.channel) ? this.factories[ctx.channel] : undefined
    if (!factory) {
      const suggestion = nearest(ctx.channel, this.names)
      throw new ConfigurationError(
        `the ${this.domain} domain has no "${ctx.channel}" channel` +
          (suggestion ? ` — did you mean "${suggestion}"?` : '') +
          ` Channels: ${this.names.join(', ')}`,
        { context: { channel: ctx.channel } },
      )
    }
    return factory(ctx)
  }
}

/**
 * Declares a domain's channels.
 *
 * @example
 *   import { ApiSettlementDriver } from '../settlement/api/api-settlement-driver.ts'
 *   import type { SettlementDriver } from '../settlement/settlement-driver.ts'
 *   const channels = defineChannels<SettlementDriver>('settlement', { api: (ctx) => new ApiSettlementDriver(ctx) })
 *   channels.names // ['api']
 */
export function defineChannels<D>(
  domain: string,
  factories: Readonly<Record<string, DriverFactory<D>>>,
): ChannelSet<D> {
  return new ChannelSet(domain, factories)
}
