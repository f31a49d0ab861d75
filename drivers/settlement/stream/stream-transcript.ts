import type { ScenarioEnd, ScenarioResource } from '../../core/driver-context.ts'

// A failed scenario needs its last lines; a scenario that streamed thousands needs no more than these.
const maxEntries = 2000
const maxLineLength = 4096

/**
 * The NDJSON lines a scenario sent and received on the stream channel, in
 * order, with what happened to the connections. As a ScenarioResource it
 * attaches them (`stream-lines.txt`) when the scenario fails.
 *
 * @example
 *   declare const ctx: import('../../core/driver-context.ts').DriverContext
 *   const transcript = new StreamTranscript(); ctx.track(transcript)
 *   transcript.sent('POST /stream', '{"type":"void","event":"r1"}')
 */
export class StreamTranscript implements ScenarioResource {
  private readonly entries: string[] = []
  private dropped = 0

  /** A line this scenario sent. */
  sent(source: string, line: string): void {
    this.add(`→ ${source} ${line}`)
  }

  /** A line the engine sent. */
  received(source: string, line: string): void {
    this.add(`← ${source} ${line}`)
  }

  /** What happened to a connection, e.g. `disconnected: connection reset`. */
  note(source: string, text: string): void {
    this.add(`· ${source} ${text}`)
  }

  /** The transcript as attached: one entry a line, oldest first. */
  text(): string {
    const dropped = this.dropped > 0 ? [`(${this.dropped} earlier lines not kept)`] : []
    return [...dropped, ...this.entries].join('\n') + '\n'
  }

  async dispose({ failed, attach }: ScenarioEnd): Promise<void> {
    if (failed && this.entries.length > 0) await attach(this.text(), 'text/plain', 'stream-lines.txt')
  }

  private add(entry: string): void {
    const clipped =
      entry.length > maxLineLength
        ? `${entry.slice(0, maxLineLength)}… (${entry.length - maxLineLength} more characters)`
        : entry
    this.entries.push(`${new Date().toISOString().slice(11, 23)} ${clipped}`)
    if (this.entries.length > maxEntries) {
      this.entries.shift()
      this.dropped++
    }
  }
}
