import { describe, expect, it, vi } from 'vitest'
import { openBrowserSession } from './browser-pool.ts'
import { NoChromiumError } from './chromium-path.ts'
import { NotRunError } from './errors/not-run-error.ts'
import { fakeDriverContext } from './test-fixtures/fake-driver-context.ts'

// A machine with no Chromium anywhere: the lookup, not the pool, is replaced.
const lookups = vi.hoisted(() => ({ count: 0 }))
vi.mock('./chromium-path.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./chromium-path.ts')>()
  return {
    ...original,
    findChromium: async () => {
      lookups.count += 1
      throw new original.NoChromiumError([
        'PARLANCE_CHROMIUM: not set',
        "the system's chromium: /usr/lib/chromium/chromium (not found)",
      ])
    },
  }
})

describe('openBrowserSession on a machine with no Chromium', () => {
  it('does not run the scenario: not a failure, the reason and the fix; and looks only once per worker', async () => {
    const first = await openBrowserSession(fakeDriverContext({}, 'ui')).catch((error: unknown) => error)
    expect(first).toBeInstanceOf(NotRunError)
    const error = first as NotRunError
    expect([error.channel, error.reason]).toEqual(['ui', 'no browser'])
    expect(error.cause).toBeInstanceOf(NoChromiumError)
    expect((error.cause as NoChromiumError).tried).toEqual([
      'PARLANCE_CHROMIUM: not set',
      "the system's chromium: /usr/lib/chromium/chromium (not found)",
    ])
    expect(error.message).toBe(
      'not run on the ui channel: no browser. Fix: run npm install (on Linux x64 it brings ' +
        '@sparticuz/chromium, a Chromium from the npm registry), install one (apt-get install chromium), ' +
        'or set PARLANCE_CHROMIUM to a Chromium binary.',
    )
    await expect(openBrowserSession(fakeDriverContext({}, 'ui'))).rejects.toThrow(NotRunError)
    expect(lookups.count).toBe(1)
  })
})
