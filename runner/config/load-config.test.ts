import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { loadConfig } from './load-config.ts'

let dir = ''
afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

describe('loadConfig', () => {
  test("puts the config's secret names in this process's environment, after those already there", async () => {
    dir = mkdtempSync(join(tmpdir(), 'parlance-load-config-'))
    writeFileSync(
      join(dir, 'parlance.config.mjs'),
      `export default { domains: { shop: { features: ['specs'], channels: ['api'] } }, support: ['support'], ` +
        `secrets: { headers: ['X-Session'], queryParameters: ['otp'] } }\n`,
    )
    vi.stubEnv('PARLANCE_SECRET_HEADERS', '')
    vi.stubEnv('PARLANCE_SECRET_QUERY_PARAMETERS', 'session_id')
    const { config } = await loadConfig('parlance.config.mjs', dir)
    expect(config.secrets).toEqual({ headers: ['X-Session'], queryParameters: ['otp'] })
    expect([process.env.PARLANCE_SECRET_HEADERS, process.env.PARLANCE_SECRET_QUERY_PARAMETERS]).toEqual([
      'x-session',
      'session_id,otp',
    ])
  })
})
