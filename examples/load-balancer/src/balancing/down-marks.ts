// Replicas that refused or reset a connection before any response byte are
// left out for a short while, then tried again.
import type { Clock } from '../discovery/index.ts'

/** How long a refused or reset connection keeps a replica out, unless configured. */
export const DEFAULT_DOWN_MS = 2_000

/** What `DownMarks` needs: a clock, and optionally how long a mark lasts. */
export interface DownMarksOptions {
  clock: Pick<Clock, 'now'>
  downMs?: number
}

/**
 * Replicas marked down, each until its mark expires.
 *
 * @example
 *   import { systemClock } from '../discovery/clock.ts'
 *   import type { Replica } from '../discovery/index.ts'
 *   declare const replica: Replica
 *   const downMarks = new DownMarks({ clock: systemClock })
 *   downMarks.markDown(replica.id); downMarks.isDown(replica.id) // true for 2 s
 */
export class DownMarks {
  readonly #clock: Pick<Clock, 'now'>
  readonly #downMs: number
  readonly #until = new Map<string, number>()

  constructor({ clock, downMs = DEFAULT_DOWN_MS }: DownMarksOptions) {
    if (!Number.isFinite(downMs) || downMs <= 0) {
      throw new Error(`DownMarks downMs ${String(downMs)} is not a positive number of milliseconds; pass e.g. 2000.`)
    }
    this.#clock = clock
    this.#downMs = downMs
  }

  /** Keeps `id` out of picks for the configured while, from now. */
  markDown(id: string): void {
    this.#until.set(id, this.#clock.now() + this.#downMs)
  }

  /** True while `id`'s mark has not expired. */
  isDown(id: string): boolean {
    const until = this.#until.get(id)
    if (until === undefined) return false
    if (this.#clock.now() < until) return true
    this.#until.delete(id)
    return false
  }
}
