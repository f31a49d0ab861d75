import type { Readable } from 'node:stream'
import { maskSecrets } from './mask-secrets.ts'

// A process printing megabytes without a newline must not grow memory without bound.
const maxLineLength = 64 * 1024

/**
 * The last lines a process wrote, stdout and stderr interleaved in arrival
 * order and prefixed `[stdout] ` / `[stderr] `, with a listener per line.
 * The lines it gives to be shown have their secrets masked ({@link maskSecrets});
 * the listeners, which look for the ready line and its address, get them as written.
 *
 * @example
 *   const child = (await import('node:child_process')).spawn('node', ['engine.mjs'])
 *   const tail = new OutputTail(50); tail.follow(child.stdout, 'stdout')
 *   tail.last(2) // ['[stdout] starting', '[stderr] Error: port in use']
 */
export class OutputTail {
  private lines: string[] = []
  private readonly listeners = new Set<(line: string) => void>()

  constructor(private readonly capacity: number) {}

  /** Reads a stream line by line until it ends. */
  follow(stream: Readable, label: 'stdout' | 'stderr'): void {
    let partial = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split(/\r?\n/)
      partial = parts.pop() ?? ''
      if (partial.length > maxLineLength) {
        parts.push(partial.slice(0, maxLineLength))
        partial = ''
      }
      for (const line of parts) this.add(line, label)
    })
    stream.on('end', () => {
      if (partial) this.add(partial, label)
    })
  }

  /** The last `n` lines, oldest first, secrets masked. */
  last(n: number = this.capacity): string[] {
    return n <= 0 ? [] : this.lines.slice(-n).map((line) => maskSecrets(line))
  }

  /** Calls the listener with every later line (unprefixed); returns a function to stop. */
  onLine(listener: (line: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Forgets the lines so far, e.g. of the previous run before a restart. */
  clear(): void {
    this.lines = []
  }

  private add(line: string, label: 'stdout' | 'stderr'): void {
    this.lines.push(`[${label}] ${line}`)
    if (this.lines.length > this.capacity) this.lines.shift()
    for (const listener of this.listeners) listener(line)
  }
}
