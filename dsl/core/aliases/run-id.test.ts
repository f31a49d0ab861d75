import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConfigurationError } from '../../../drivers/core/errors/configuration-error.ts'
import { scriptedRandom } from './random-source.ts'
import { checkRunId, currentRunId, newRunId } from './run-id.ts'

describe('newRunId', () => {
  it('is four characters of the random source', () => {
    expect(newRunId(scriptedRandom('r7k2'))).toBe('r7k2')
  })

  it('is a valid run id when made by nanoid', () => {
    expect(newRunId()).toMatch(/^[a-z0-9]{4}$/)
  })
})

describe('currentRunId', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.resetModules()
  })

  it('reads PARLANCE_RUN_ID', () => {
    expect(currentRunId({ PARLANCE_RUN_ID: 'ci4711' })).toBe('ci4711')
  })

  it('refuses an invalid PARLANCE_RUN_ID, saying how to fix it', () => {
    expect(() => currentRunId({ PARLANCE_RUN_ID: 'Run_1' })).toThrow(
      new ConfigurationError(
        'Invalid run id "Run_1" (from PARLANCE_RUN_ID): a run id is 3 to 12 lower-case letters and digits, ' +
          'such as "r7k2", ' +
          'or unset PARLANCE_RUN_ID to let Parlance make one.',
      ),
    )
  })

  it('makes one per process when none is set, and hands it to processes forked later', async () => {
    vi.stubEnv('PARLANCE_RUN_ID', '')
    const fresh = await import('./run-id.ts')
    const made = fresh.currentRunId()
    expect(made).toMatch(/^[a-z0-9]{4}$/)
    expect(fresh.currentRunId()).toBe(made)
    expect(process.env.PARLANCE_RUN_ID).toBe(made)
  })
})

describe('checkRunId', () => {
  it('accepts 3 to 12 lower-case letters and digits', () => {
    expect(['r7k', 'r7k2', '123456789012'].map((id) => checkRunId(id))).toEqual(['r7k', 'r7k2', '123456789012'])
  })

  it('refuses anything else', () => {
    for (const id of ['r7', 'R7K2', 'r7-k2', '1234567890123', ''])
      expect(() => checkRunId(id)).toThrow(ConfigurationError)
    expect(() => checkRunId('R7K2')).toThrow(
      'Invalid run id "R7K2": a run id is 3 to 12 lower-case letters and digits, such as "r7k2".',
    )
  })
})
