import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { startSystems } from './systems.ts'

// Prints the directory it was given once it exists, then waits to be stopped.
const probe = "const dir = process.argv[1]; if (require('fs').existsSync(dir)) console.log('ready ' + dir); setInterval(() => {}, 1000)"

describe('startSystems', () => {
  it('gives a system a fresh {tempDir} for the run and removes it when the system stops', async () => {
    const systems = await startSystems(
      ['probe'],
      { probe: { command: process.execPath, args: ['-e', probe, '{tempDir}'], ready: { log: /^ready (\S+)$/ }, env: { PROBE_DIR: '{address}' } } },
      { root: tmpdir(), remote: false, env: {} },
    )
    const dir = systems.env.PROBE_DIR!
    try {
      expect(dir).toMatch(/\/parlance-probe-[^/]+$/)
      expect(existsSync(dir)).toBe(true)
    } finally {
      await systems.stop()
    }
    expect(existsSync(dir)).toBe(false)
  })
})
