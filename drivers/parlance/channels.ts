import { defineChannels } from '../core/channels.ts'
import { CliParlanceDriver } from './cli-parlance-driver.ts'
import type { ParlanceDriver } from './parlance-driver.ts'

/**
 * The parlance domain's channels: Parlance is reached through its command
 * line only, so there is one, `cli`.
 *
 * @example
 *   import type { DriverContext } from '../core/driver-context.ts'
 *   declare const ctx: DriverContext
 *   const driver = parlanceChannels.create(ctx) // a CliParlanceDriver when ctx.channel is 'cli'
 *   parlanceChannels.names // ['cli']
 */
export const parlanceChannels = defineChannels<ParlanceDriver>('parlance', {
  cli: (ctx) => new CliParlanceDriver(ctx),
})
