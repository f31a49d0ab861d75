import { inspect } from 'node:util'
import { toMilliseconds, type DurationInput } from './duration-input.ts'
import { AssertionFailedError } from './errors/assertion-failed-error.ts'
import { ConfigurationError } from './errors/configuration-error.ts'
import { NotApplicableError } from './errors/not-applicable-error.ts'
import { Duration } from './values/duration.ts'

/**
 * How long `eventually` keeps trying, how often, and what it waits for.
 *
 * @example
 *   const options: EventuallyOptions = { timeout: '2s', interval: '50ms', description: "Alice's bet to be settled" }
 *   await eventually(async () => (await fetch('http://127.0.0.1:8080/bets/b42')).status === 200, options)
 */
export interface EventuallyOptions {
  /** Give up after this long. */
  timeout: DurationInput
  /** Pause between attempts; default 100ms. */
  interval?: DurationInput
  /** What is being waited for, as the failure message should say it. */
  description?: string
}

const defaultInterval = 100

type Attempt<T> =
  | { kind: 'passed'; value: T }
  | { kind: 'threw'; error: unknown }
  | { kind: 'returned'; value: unknown }
  | { kind: 'running' }

/**
 * Retries a check until it passes or the timeout passes: the way to wait for
 * the system under test, instead of sleeping. The check passes when it returns
 * anything but `false` without throwing; its value is returned. A
 * ConfigurationError or NotApplicableError is thrown at once, as waiting cannot
 * change it. On timeout, throws an AssertionFailedError that says what was
 * waited for, how long, how many attempts and what was last seen.
 *
 * @example
 *   declare const api: { bet(id: string): Promise<{ status: string }>; health(): Promise<Response> }
 *   const bet = await eventually(
 *     async () => {
 *       const b = await api.bet('b42')
 *       if (b.status !== 'settled') throw new Error(`status is ${b.status}`)
 *       return b
 *     },
 *     { timeout: '2s' },
 *   )
 *   await eventually(async () => (await api.health()).status === 200, {
 *     timeout: 5000,
 *     description: 'the engine to answer',
 *   })
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  options: EventuallyOptions,
): Promise<Exclude<T, false>> {
  const timeoutMs = toMilliseconds(options.timeout, 'eventually: timeout')
  const intervalMs = toMilliseconds(options.interval ?? defaultInterval, 'eventually: interval')
  const description = options.description ?? 'the check to pass'
  const deadline = Date.now() + timeoutMs
  let attempts = 0
  let lastSeen: Attempt<T> | undefined
  for (;;) {
    attempts++
    const attempt = await attemptWithin(check, deadline - Date.now())
    if (attempt.kind === 'passed') return attempt.value as Exclude<T, false>
    if (attempt.kind === 'running') return gaveUp(description, timeoutMs, attempts, lastSeen, true)
    lastSeen = attempt
    const remaining = deadline - Date.now()
    if (remaining <= 0) return gaveUp(description, timeoutMs, attempts, lastSeen, false)
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, remaining)))
  }
}

// An attempt still running at the deadline is abandoned, not awaited, so a hung check cannot hang the scenario.
async function attemptWithin<T>(check: () => T | Promise<T>, remainingMs: number): Promise<Attempt<T>> {
  const run = (async (): Promise<Attempt<T>> => {
    try {
      const value = await check()
      return value === false ? { kind: 'returned', value } : { kind: 'passed', value }
    } catch (error) {
      if (error instanceof ConfigurationError || error instanceof NotApplicableError) throw error
      return { kind: 'threw', error }
    }
  })()
  // An abandoned attempt may still reject later; that must not surface as an unhandled rejection.
  run.catch(() => undefined)
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<Attempt<T>>(
    (resolve) => (timer = setTimeout(() => resolve({ kind: 'running' }), Math.max(0, remainingMs))),
  )
  try {
    return await Promise.race([run, deadline])
  } finally {
    clearTimeout(timer)
  }
}

function gaveUp(
  description: string,
  timeoutMs: number,
  attempts: number,
  lastSeen: Attempt<unknown> | undefined,
  stillRunning: boolean,
): never {
  const tried = `${attempts} attempt${attempts === 1 ? '' : 's'}`
  const seen =
    lastSeen?.kind === 'threw'
      ? `last error: ${messageOf(lastSeen.error)}`
      : lastSeen?.kind === 'returned'
        ? `last value: ${show(lastSeen.value)}`
        : undefined
  const running = stillRunning ? 'the last attempt was still running at the deadline' : undefined
  const details = [running, seen].filter(Boolean).join('; before it, ')
  throw new AssertionFailedError(
    `Gave up waiting for ${description} after ${Duration.ms(timeoutMs)} (${tried}); ${details || 'nothing was seen'}`,
    {
      cause: lastSeen?.kind === 'threw' ? lastSeen.error : undefined,
    },
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : show(error)
}

function show(value: unknown): string {
  const text = inspect(value, { depth: 4, breakLength: Infinity })
  return text.length > 500 ? `${text.slice(0, 500)}… (${text.length - 500} more characters)` : text
}
