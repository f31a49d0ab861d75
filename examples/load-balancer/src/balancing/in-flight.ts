// Requests a replica is serving right now: least-connections picks by it and
// the admin status shows it.

/**
 * In-flight request counts per replica id.
 *
 * @example
 *   declare const response: import('node:http').ServerResponse
 *   const inFlight = new InFlightCounter()
 *   const done = inFlight.begin('3f4e')
 *   response.on('close', done)
 */
export class InFlightCounter {
  readonly #counts = new Map<string, number>()

  /** Counts one request on `id`; the returned `done` uncounts it, once however often called. */
  begin(id: string): () => void {
    this.#counts.set(id, this.countFor(id) + 1)
    let finished = false
    return () => {
      if (finished) return
      finished = true
      const left = this.countFor(id) - 1
      if (left > 0) this.#counts.set(id, left)
      else this.#counts.delete(id)
    }
  }

  /** Requests `id` is serving now; 0 for an unknown replica. */
  countFor(id: string): number {
    return this.#counts.get(id) ?? 0
  }

  /** Every replica with requests in flight, by id, for the admin status. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.#counts].sort(([a], [b]) => a.localeCompare(b)))
  }
}
