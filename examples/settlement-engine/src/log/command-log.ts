import { open, type FileHandle } from 'node:fs/promises'
import { withChecksums } from './checksum-lines.ts'

/** How hard the log pushes each write to disk. */
export interface CommandLogOptions {
  /** fdatasync after every write: survives power loss, not just a killed process. Default true. */
  sync?: boolean
  /** Called with the newest durable ticket after every write. */
  onDurable?: (ticket: number) => void
  /** Called once if a write fails; the log takes no more appends. */
  onFailure?: (error: Error) => void
}

/**
 * The append-only command log. Appends are queued synchronously, in the order
 * the engine applied the commands, and written in big group commits: whatever
 * was appended while one write was on its way goes out in the next. Each append
 * gets a ticket; `waitFor(ticket)` resolves once that append is on disk.
 * Every line is written with its checksum (`withChecksums`), which the
 * replay verifies.
 *
 * @example
 *   const log = await CommandLog.open('/data/commands.ndjson')
 *   await log.waitFor(log.append(Buffer.from('{"type":"void","event":"e1"}\n')))
 */
export class CommandLog {
  private pending: Buffer[] = []
  private appended = 0
  private durable = 0
  private writing = false
  private failure: Error | undefined
  private readonly waiters: Array<{ ticket: number; resolve: () => void; reject: (error: Error) => void }> = []

  private constructor(
    private readonly handle: FileHandle,
    readonly path: string,
    private readonly options: CommandLogOptions,
  ) {}

  /** Opens (or creates) the log for appending. */
  static async open(path: string, options: CommandLogOptions = {}): Promise<CommandLog> {
    return new CommandLog(await open(path, 'a'), path, options)
  }

  /** The ticket of the newest append. */
  get lastTicket(): number {
    return this.appended
  }

  /** The newest ticket known to be on disk. */
  get durableTicket(): number {
    return this.durable
  }

  /** The write error that stopped the log, if any. */
  get failed(): Error | undefined {
    return this.failure
  }

  /** Queues complete command lines (each ending in "\n"; a buffer may hold several) and returns their ticket. */
  append(lines: Buffer | readonly Buffer[]): number {
    if (this.failure) throw this.failure
    this.pending.push(withChecksums(lines))
    this.appended++
    if (!this.writing) {
      this.writing = true
      // Let the rest of this tick's appends join the same write.
      setImmediate(() => void this.writeLoop())
    }
    return this.appended
  }

  /** Resolves once the append with this ticket (and every earlier one) is on disk. */
  waitFor(ticket: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    if (ticket <= this.durable) return Promise.resolve()
    return new Promise((resolve, reject) => this.waiters.push({ ticket, resolve, reject }))
  }

  /** Resolves once everything appended so far is on disk. */
  flush(): Promise<void> {
    return this.waitFor(this.appended)
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    try {
      await this.flush()
    } finally {
      await this.handle.close()
    }
  }

  private async writeLoop(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending
        const upTo = this.appended
        this.pending = []
        await writeAll(this.handle, batch)
        if (this.options.sync !== false) await this.handle.datasync()
        this.durable = upTo
        this.release()
        this.options.onDurable?.(upTo)
      }
    } catch (cause) {
      this.failure = new Error(`writing the command log ${this.path} failed: ${(cause as Error).message}`, { cause })
      for (const waiter of this.waiters.splice(0)) waiter.reject(this.failure)
      this.options.onFailure?.(this.failure)
    } finally {
      this.writing = false
    }
  }

  private release(): void {
    let kept = 0
    for (const waiter of this.waiters) {
      if (waiter.ticket <= this.durable) waiter.resolve()
      else this.waiters[kept++] = waiter
    }
    this.waiters.length = kept
  }
}

async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  let rest = buffers.length > 256 ? [Buffer.concat(buffers)] : buffers
  let left = rest.reduce((sum, buffer) => sum + buffer.length, 0)
  while (left > 0) {
    const { bytesWritten } = await handle.writev(rest)
    left -= bytesWritten
    if (left > 0) {
      const joined = Buffer.concat(rest)
      rest = [joined.subarray(joined.length - left)]
    }
  }
}
