import { availableParallelism } from 'node:os'
import { toMilliseconds } from '../../drivers/core/duration-input.ts'
import { defaultStepTimeoutMs } from '../../dsl/core/cucumber/runner-env.ts'
import type { ParlanceConfig } from '../config/config.ts'

/**
 * How one channel runs in this run: its workers, its step timeout, whether it needs a browser.
 *
 * @example
 *   const ui: ChannelSettings = { channel: 'ui', workers: 1, stepTimeoutMs: 60_000, browser: true }
 */
export interface ChannelSettings {
  channel: string
  workers: number
  stepTimeoutMs: number
  browser: boolean
}

/**
 * A browser channel's step timeout when the config sets none: a step that
 * drives a page on a busy machine waits on two processes, not one.
 *
 * @example
 *   declare const config: ParlanceConfig
 *   channelSettings(config, 'ui').stepTimeoutMs // 60000 unless channels.ui.stepTimeout says otherwise
 */
export const defaultBrowserStepTimeoutMs = 60_000

/**
 * A channel's settings: `--parallel` first, then the channel's `workers`, the
 * config's `parallel`, else one worker per core. A browser channel too: with
 * its steps timed against their own limit and the browser's start outside it,
 * two ui workers on 2 cores beat one, idle (56 s to 73 s) and beside two CPU
 * burners (73 s to 92 s), and stay green.
 *
 * @example
 *   declare const config: ParlanceConfig
 *   channelSettings(config, 'api', { cores: 2 })
 *   // → { channel: 'api', workers: 2, stepTimeoutMs: 30000, browser: false }
 *   channelSettings(config, 'ui', { parallel: 4 }).workers // 4
 */
export function channelSettings(
  config: ParlanceConfig,
  channel: string,
  options: { parallel?: number; cores?: number } = {},
): ChannelSettings {
  const settings = config.channels?.[channel] ?? {}
  const browser = settings.browser === true
  const workers =
    options.parallel ?? settings.workers ?? config.parallel ?? Math.max(1, options.cores ?? availableParallelism())
  const stepTimeoutMs =
    settings.stepTimeout === undefined
      ? browser
        ? defaultBrowserStepTimeoutMs
        : defaultStepTimeoutMs
      : toMilliseconds(settings.stepTimeout, `channels.${channel}.stepTimeout`)
  return { channel, workers, stepTimeoutMs, browser }
}

/**
 * The workers of each channel, for the run's header: `api 2 · ui 1`. "Up to": a channel with fewer scenarios than
 * workers starts only as many, and a channel of one runs in the run's own process.
 *
 * @example
 *   const api: ChannelSettings = { channel: 'api', workers: 2, stepTimeoutMs: 30_000, browser: false }
 *   const ui: ChannelSettings = { channel: 'ui', workers: 1, stepTimeoutMs: 60_000, browser: true }
 *   const stream: ChannelSettings = { ...api, channel: 'stream' }
 *   describeWorkers([api, stream]) // 'up to 2 workers per channel'
 *   describeWorkers([ui]) // '1 worker per channel'
 *   describeWorkers([api, ui]) // 'workers up to: api 2 · ui 1'
 */
export function describeWorkers(settings: readonly ChannelSettings[]): string {
  const counts = new Set(settings.map((s) => s.workers))
  if (counts.size === 1) {
    const [workers] = counts
    return workers === 1 ? '1 worker per channel' : `up to ${workers} workers per channel`
  }
  return `workers up to: ${settings.map((s) => `${s.channel} ${s.workers}`).join(' · ')}`
}
