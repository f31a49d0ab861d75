// Requests for hosts no service has are the client's choice, so their log lines
// are bounded: the first few of each interval name the host, the rest are
// counted and summed up in one line when the interval ends.
import type { Clock } from '../discovery/index.ts'

/** How many unknown hosts are named per interval, unless configured. */
export const DEFAULT_UNKNOWN_HOSTS_NAMED = 5
/** The interval over which unknown hosts are named, then counted, unless configured. */
export const DEFAULT_UNKNOWN_HOST_INTERVAL_MS = 60_000

/** What an `UnknownHostLog` writes to and how much. */
export interface UnknownHostLogOptions {
  log: (message: string) => void
  clock: Clock
  named?: number
  intervalMs?: number
}

/**
 * At most `named` lines per interval naming an unknown host, then one line counting the others.
 *
 * @example
 *   import { systemClock } from '../discovery/clock.ts'
 *   const unknown = new UnknownHostLog({ log: console.error, clock: systemClock })
 *   unknown.note('blog.example') // logs: no service for host "blog.example" (404)
 *   unknown.close()
 */
export class UnknownHostLog {
  readonly #log: (message: string) => void
  readonly #clock: Clock
  readonly #named: number
  readonly #intervalMs: number
  #windowStart = Number.NEGATIVE_INFINITY
  #namedInWindow = 0
  #unnamed = 0
  #timer: unknown

  constructor(options: UnknownHostLogOptions) {
    this.#log = options.log
    this.#clock = options.clock
    this.#named = options.named ?? DEFAULT_UNKNOWN_HOSTS_NAMED
    this.#intervalMs = options.intervalMs ?? DEFAULT_UNKNOWN_HOST_INTERVAL_MS
  }

  /** Notes one request for `host`, a host no service has. */
  note(host: string): void {
    const now = this.#clock.now()
    if (now - this.#windowStart >= this.#intervalMs) {
      this.#summarise()
      this.#windowStart = now
      this.#namedInWindow = 0
    }
    if (this.#namedInWindow < this.#named) {
      this.#namedInWindow++
      const more =
        this.#namedInWindow === this.#named
          ? `; further unknown hosts in the next ${this.#intervalMs / 1000} s are only counted`
          : ''
      return this.#log(`no service for host "${host}" (404)${more}`)
    }
    this.#unnamed++
    this.#timer ??= this.#clock.setTimeout(
      () => {
        this.#timer = undefined
        this.#summarise()
      },
      Math.max(0, this.#windowStart + this.#intervalMs - now),
    )
  }

  /** Writes the pending count, if any, and stops the timer. */
  close(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer)
    this.#timer = undefined
    this.#summarise()
  }

  #summarise(): void {
    if (this.#unnamed === 0) return
    const count = this.#unnamed
    this.#unnamed = 0
    this.#log(
      `${count} more ${count === 1 ? 'request' : 'requests'} for unknown hosts answered 404 ` +
        `in ${this.#intervalMs / 1000} s, not named one by one`,
    )
  }
}
