// A replica just started is admitted once its app first answers, not when
// Docker says `start`: a real daemon sends `start` when the process is
// launched, 100-150 ms before a typical app listens. See "A new replica" in
// docs/examples/load-balancer.md for the reasoning.
import type { Clock } from './clock.ts'
import type { Probe } from './http-probe.ts'
import type { BackendAddress } from './replica.ts'

/** How often a fresh replica is probed at first: bounds how late after listening its first request comes. */
export const PROBE_INTERVAL_MS = 25
/** After this many failed probes (about 10 s), a slow starter is probed less often. */
export const FAST_PROBES = 400
/** How often a slow starter is probed. */
export const SLOW_PROBE_INTERVAL_MS = 500

/** What `Admission` needs: a clock, the probe, and what to do once a replica answers. */
export interface AdmissionOptions {
  clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>
  probe: Probe
  admit: (id: string) => void
}

/**
 * The wait before probe number `attempt + 1`, after `attempt` failed ones.
 *
 * @example
 *   probeDelay(1) // → 25
 *   probeDelay(400) // → 500
 */
export function probeDelay(attempt: number): number {
  return attempt < FAST_PROBES ? PROBE_INTERVAL_MS : SLOW_PROBE_INTERVAL_MS
}

/**
 * The replicas waiting for their app's first answer, each probed until it answers or is forgotten.
 *
 * @example
 *   import { systemClock } from './clock.ts'
 *   import { probeHttp } from './http-probe.ts'
 *   const admission = new Admission({ clock: systemClock, probe: probeHttp, admit: (id) => console.log(id) })
 *   admission.watch('3f4e', { host: '127.0.0.1', port: 32768 }) // admit('3f4e') once it answers
 */
export class Admission {
  readonly #options: AdmissionOptions
  readonly #watched = new Map<string, { aborter: AbortController; timer: unknown }>()

  constructor(options: AdmissionOptions) {
    this.#options = options
  }

  /** Starts probing `id` at `address` now, unless it is already watched. */
  watch(id: string, address: BackendAddress): void {
    if (this.#watched.has(id)) return
    const entry = { aborter: new AbortController(), timer: undefined as unknown }
    this.#watched.set(id, entry)
    const attempt = (failures: number): void => {
      entry.timer = undefined
      void this.#options.probe(address, entry.aborter.signal).then((answered) => {
        if (this.#watched.get(id) !== entry) return
        if (answered) {
          this.#watched.delete(id)
          this.#options.admit(id)
          return
        }
        entry.timer = this.#options.clock.setTimeout(() => attempt(failures + 1), probeDelay(failures + 1))
      })
    }
    attempt(0)
  }

  /** True while `id` waits for its first answer. */
  isWatching(id: string): boolean {
    return this.#watched.has(id)
  }

  /** The ids waiting for their first answer. */
  watching(): string[] {
    return [...this.#watched.keys()]
  }

  /** Stops probing `id`: it is being stopped, or gone. */
  forget(id: string): void {
    const entry = this.#watched.get(id)
    if (entry === undefined) return
    this.#watched.delete(id)
    entry.aborter.abort()
    if (entry.timer !== undefined) this.#options.clock.clearTimeout(entry.timer)
  }

  /** Stops every probe. */
  close(): void {
    for (const id of [...this.#watched.keys()]) this.forget(id)
  }
}
