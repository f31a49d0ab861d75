import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { StepTimer, type StepTiming } from './step-timer.ts'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

const timedOut = (timing: StepTiming): Error => new Error(JSON.stringify(timing))
const resolveAfter = <T>(ms: number, value: T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value), ms))

describe('StepTimer', () => {
  it('settles as the step does within the limit', async () => {
    const timer = new StepTimer()
    const step = timer.run(resolveAfter(900, 'done'), 1_000, timedOut)
    await vi.advanceTimersByTimeAsync(900)
    await expect(step).resolves.toBe('done')
  })

  it('rejects once the step has used up its limit, and swallows the abandoned step’s later failure', async () => {
    const timer = new StepTimer()
    let failLater: (error: Error) => void = () => {}
    const abandoned = new Promise<never>((_resolve, reject) => (failLater = reject))
    const step = timer.run(abandoned, 1_000, timedOut)
    const outcome = step.catch((error: Error) => error.message)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await outcome).toBe(JSON.stringify({ limitMs: 1_000, stepMs: 1_000, setUpMs: 0 }))
    failLater(new Error('the page was closed'))
    await vi.advanceTimersByTimeAsync(0)
  })

  it('does not count set-up against the step', async () => {
    const timer = new StepTimer()
    const step = timer.run(
      (async () => {
        await timer.setUp('opening the browser', () => resolveAfter(5_000, 'browser'))
        return resolveAfter(900, 'clicked')
      })(),
      1_000,
      timedOut,
    )
    await vi.advanceTimersByTimeAsync(5_900)
    await expect(step).resolves.toBe('clicked')
  })

  it('times out after set-up when the step then runs too long, saying how long set-up took', async () => {
    const timer = new StepTimer()
    const step = timer.run(
      (async () => {
        await timer.setUp('opening the browser', () => resolveAfter(3_000, 'browser'))
        return resolveAfter(5_000, 'late')
      })(),
      1_000,
      timedOut,
    )
    const outcome = step.catch((error: Error) => error.message)
    await vi.advanceTimersByTimeAsync(4_000)
    expect(await outcome).toBe(
      JSON.stringify({ limitMs: 1_000, stepMs: 1_000, setUpMs: 3_000, setUp: 'opening the browser' }),
    )
  })

  it('counts nested set-ups once', async () => {
    const timer = new StepTimer()
    const step = timer.run(
      timer
        .setUp('opening the browser', () => timer.setUp('launching Chromium', () => resolveAfter(2_000, 'ready')))
        .then(() => resolveAfter(1_500, 'slow')),
      1_000,
      timedOut,
    )
    const outcome = step.catch((error: Error) => error.message)
    await vi.advanceTimersByTimeAsync(3_000)
    expect(await outcome).toBe(
      JSON.stringify({ limitMs: 1_000, stepMs: 1_000, setUpMs: 2_000, setUp: 'launching Chromium' }),
    )
  })
})
