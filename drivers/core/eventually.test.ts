import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { eventually } from './eventually.ts'
import { AssertionFailedError } from './errors/assertion-failed-error.ts'
import { ConfigurationError } from './errors/configuration-error.ts'

// Fake timers make the attempt count exact: attempts at 0, 20, 40, ... up to the deadline.
beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
  await vi.runAllTimersAsync()
  return outcome
}

describe('eventually', () => {
  it('returns the value of the first attempt that passes', async () => {
    let calls = 0
    const outcome = await settle(
      eventually(() => (++calls < 3 ? Promise.reject(new Error(`only ${calls} calls`)) : `passed on call ${calls}`), {
        timeout: '1s',
        interval: 20,
      }),
    )
    expect(outcome).toEqual({ value: 'passed on call 3' })
  })

  it('treats a returned false as not yet, and any other value as passed', async () => {
    const answers = [false, false, undefined]
    const outcome = await settle(eventually(() => answers.shift(), { timeout: '1s', interval: '20ms' }))
    expect(outcome).toEqual({ value: undefined })
    expect(answers).toEqual([])
  })

  it('gives up with what it waited for, how long, how many attempts and the last error as cause', async () => {
    const last = new Error('status is "open"; expected "settled"')
    const { error } = await settle(
      eventually(() => Promise.reject(last), { timeout: 100, interval: 20, description: "Alice's bet to be settled" }),
    )
    expect(error).toBeInstanceOf(AssertionFailedError)
    expect((error as Error).message).toBe(
      `Gave up waiting for Alice's bet to be settled after 100ms (6 attempts); last error: status is "open"; ` +
        `expected "settled"`,
    )
    expect((error as Error).cause).toBe(last)
  })

  it('shows the last value when the check kept returning false', async () => {
    const { error } = await settle(eventually(() => false, { timeout: '1.5s', interval: '500ms' }))
    expect((error as Error).message).toBe(
      'Gave up waiting for the check to pass after 1.5s (4 attempts); last value: false',
    )
  })

  it('abandons an attempt still running at the deadline instead of hanging', async () => {
    let calls = 0
    const check = (): Promise<string> =>
      ++calls === 1 ? Promise.reject(new Error('not yet')) : new Promise<string>(() => undefined)
    const { error } = await settle(eventually(check, { timeout: 100, interval: 10 }))
    expect((error as Error).message).toBe(
      'Gave up waiting for the check to pass after 100ms (2 attempts); the last attempt was still running at ' +
        'the deadline; before it, last error: not yet',
    )
  })

  it('does not retry a configuration error', async () => {
    let calls = 0
    const problem = new ConfigurationError('placeBet: missing required parameter "selection"')
    const { error } = await settle(
      eventually(
        () => {
          calls++
          throw problem
        },
        { timeout: '1s' },
      ),
    )
    expect(error).toBe(problem)
    expect(calls).toBe(1)
  })

  it('rejects a timeout that is not a duration', async () => {
    // @ts-expect-error: a typo the type catches, checked at run time for untyped callers
    await expect(eventually(() => true, { timeout: '2 secs' })).rejects.toThrow(
      'eventually: timeout: invalid duration "2 secs". Accepted: 250ms, 2s, 1.5s, 2m, 1h',
    )
  })
})
