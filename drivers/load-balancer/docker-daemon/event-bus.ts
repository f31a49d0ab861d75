import type { DockerEvent } from './event-json.ts'

/**
 * A listener for published events.
 *
 * @example
 *   const lines: string[] = []
 *   const listener: EventListener = (event) => lines.push(JSON.stringify(event))
 *   new EventBus().subscribe(listener)
 */
export type EventListener = (event: DockerEvent) => void

/**
 * The daemon's event log: keeps every event (for `since`) and fans new ones out
 * to open `/events` streams. One per daemon, never shared.
 *
 * @example
 *   declare const event: DockerEvent
 *   const bus = new EventBus()
 *   const stop = bus.subscribe((event) => console.log(event.Action))
 *   bus.publish(event); stop()
 */
export class EventBus {
  readonly #history: DockerEvent[] = []
  readonly #listeners = new Set<EventListener>()

  /** Records the event and hands it to every subscriber. */
  publish(event: DockerEvent): void {
    this.#history.push(event)
    for (const listener of [...this.#listeners]) listener(event)
  }

  /** Events published at or after `sinceNano` (and at or before `untilNano`, if given). */
  history(sinceNano: number, untilNano = Number.POSITIVE_INFINITY): DockerEvent[] {
    return this.#history.filter((event) => event.timeNano >= sinceNano && event.timeNano <= untilNano)
  }

  /** Starts delivering new events to the listener; call the result to stop. */
  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** How many streams are listening. */
  get subscriberCount(): number {
    return this.#listeners.size
  }
}
