import { describe, expect, it } from 'vitest'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { channelSettings, describeWorkers } from './channel-settings.ts'
import type { ParlanceConfig } from '../config/config.ts'

const config: ParlanceConfig = {
  domains: { shop: { features: ['specs'], channels: ['api', 'ui', 'stream'] } },
  channels: { ui: { browser: true }, stream: { stepTimeout: '2m', workers: 3 } },
  support: [],
}

describe('channelSettings', () => {
  it('gives each channel a worker per core, and a browser channel a longer step timeout', () => {
    expect(channelSettings(config, 'api', { cores: 2 })).toEqual({
      channel: 'api',
      workers: 2,
      stepTimeoutMs: 30_000,
      browser: false,
    })
    expect(channelSettings(config, 'ui', { cores: 2 })).toEqual({
      channel: 'ui',
      workers: 2,
      stepTimeoutMs: 60_000,
      browser: true,
    })
    expect(channelSettings(config, 'ui', { cores: 1 }).workers).toBe(1)
    expect(channelSettings(config, 'api', { cores: 0 }).workers).toBe(1)
  })

  it('takes --parallel first, then the channel’s workers, then the config’s parallel', () => {
    expect(channelSettings(config, 'stream', { cores: 2 })).toEqual({
      channel: 'stream',
      workers: 3,
      stepTimeoutMs: 120_000,
      browser: false,
    })
    expect(channelSettings(config, 'stream', { cores: 2, parallel: 1 }).workers).toBe(1)
    expect(channelSettings({ ...config, parallel: 5 }, 'api', { cores: 2 }).workers).toBe(5)
    expect(channelSettings({ ...config, parallel: 5 }, 'stream', { cores: 2 }).workers).toBe(3)
  })

  it('names the option of a step timeout that is not a duration', () => {
    const bad = { ...config, channels: { api: { stepTimeout: 'soon' as never } } }
    expect(() => channelSettings(bad, 'api')).toThrow(ConfigurationError)
    expect(() => channelSettings(bad, 'api')).toThrow(/^channels\.api\.stepTimeout: /)
  })
})

describe('describeWorkers', () => {
  it('says one number when every channel has the same, else each channel’s', () => {
    const api = { channel: 'api', workers: 2, stepTimeoutMs: 30_000, browser: false }
    expect(describeWorkers([api, { ...api, channel: 'stream' }])).toBe('up to 2 workers per channel')
    expect(describeWorkers([{ ...api, workers: 1 }])).toBe('1 worker per channel')
    expect(describeWorkers([api, { channel: 'ui', workers: 1, stepTimeoutMs: 60_000, browser: true }])).toBe(
      'workers up to: api 2 · ui 1',
    )
  })
})
