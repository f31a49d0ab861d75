import { defineChannels } from '../core/channels.ts'
import { CliParlanceDriver } from './cli-parlance-driver.ts'
import type { ParlanceDriver } from './parlance-driver.ts'

/**
 * The parlance domain's channels: Parlance is reached through its command
 * line only, so there is one, `cli`.
 *
 * @example
 *   const driver = parlanceChannels.create(world.driverContext) // a CliParlanceDriver when ctx.channel is 'cli'
 *   parlanceChannels.names // ['cli']
 */
export const parlanceChannels = defineChannels<ParlanceDriver>('parlance', {
  cli: (ctx) => new CliParlanceDriver(ctx),
})
