import type { ServerResponse } from 'node:http'

/**
 * The open `/events` streams, so the emulator can drop them all and refuse new
 * ones for a while, as when the daemon's event pipeline stalls.
 *
 * @example
 *   declare const response: ServerResponse
 *   const gate = new EventGate()
 *   gate.track(response) // a new /events stream
 *   gate.drop(500) // every stream ends; /events is refused for 500ms
 */
export class EventGate {
  readonly #streams = new Set<ServerResponse>()
  #heldUntilMs = 0

  /** Remembers an open stream until it closes. */
  track(response: ServerResponse): void {
    this.#streams.add(response)
    response.on('close', () => this.#streams.delete(response))
  }

  /** Whether new streams are refused now. */
  held(): boolean {
    return Date.now() < this.#heldUntilMs
  }

  /** Cuts every open stream's connection and refuses new streams for `holdMs`. */
  drop(holdMs: number): void {
    this.#heldUntilMs = Date.now() + holdMs
    for (const response of this.#streams) response.destroy()
    this.#streams.clear()
  }
}
