// Time as discovery uses it, injectable so tests drive backoff without sleeping.

/**
 * Timers and randomness for reconnect backoff.
 *
 * @example
 *   import { startDiscovery } from './discovery.ts'
 *   startDiscovery({ dockerHost: 'unix:///var/run/docker.sock', clock: { ...systemClock, random: () => 0.5 } })
 */
export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  /** A number in [0, 1) for jitter. */
  random(): number
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
}
