import { defineChannels } from '../core/channels.ts'
import { ApiSettlementDriver } from './api/api-settlement-driver.ts'
import type { SettlementDriver } from './settlement-driver.ts'
import { StreamSettlementDriver } from './stream/stream-settlement-driver.ts'
import { UiSettlementDriver } from './ui/ui-settlement-driver.ts'

/**
 * The settlement domain's channels: the engine's HTTP API, its web pages for
 * punters and traders, and its NDJSON command stream.
 *
 * @example
 *   declare const ctx: import('../core/driver-context.ts').DriverContext // the World's driverContext
 *   const driver = settlementChannels.create(ctx) // an ApiSettlementDriver when ctx.channel is 'api'
 *   settlementChannels.names // ['api', 'ui', 'stream']
 */
export const settlementChannels = defineChannels<SettlementDriver>('settlement', {
  api: (ctx) => new ApiSettlementDriver(ctx),
  ui: (ctx) => new UiSettlementDriver(ctx),
  stream: (ctx) => new StreamSettlementDriver(ctx),
})
