import { join } from 'node:path'
import type { Command, CommandOutcome } from '../commands.ts'
import { addChecksums } from '../log/add-checksums.ts'
import { CommandLog } from '../log/command-log.ts'
import { lockDataDir } from '../log/data-dir-lock.ts'
import { RefusedLogLine } from '../log/refused-log-line.ts'
import { replayLog, type ReplaySummary } from '../log/replay-log.ts'
import { ByteWriter } from '../stream/byte-writer.ts'
import { BlockApplier } from './apply-block.ts'
import { NONE } from './bet-store.ts'
import { ABSENT } from './byte-keys.ts'
import type { BetView, Engine, EventSummary, EventView } from './engine.ts'
import { EngineState } from './engine-state.ts'
import { betView, eventSummary, eventView } from './views.ts'

/** Where and how the engine keeps its log. */
export interface EngineOptions {
  dataDir: string
  /** fdatasync each log write (default true); false still survives kill -9, not power loss. */
  sync?: boolean
  /**
   * Called if the log cannot be written. The state in memory then holds
   * commands the log does not: the process should stop, and a restart
   * replays what is durable.
   */
  onLogFailure?: (error: Error) => void
}

/** What one block of stream lines came to. */
export interface IngestedBlock {
  /** One outcome line per command line, in order. */
  outcomes: Buffer
  accepted: number
  refused: number
  /** Wait for this log ticket before sending the outcomes: then they are durable. */
  ticket: number
}

/** Told when more settlements are durable and may be sent. */
export interface SettlementListener {
  wake(): void
}

const NEWLINE = Buffer.from('\n')

/** The log file's name in the data directory. */
export const LOG_FILE = 'commands.ndjson'

/**
 * The engine: the in-memory state, the command log that makes it durable, and
 * the settlements published once durable. Every accepted command is applied,
 * appended to the log, and answered only once the log has it on disk; a
 * restart replays the log to the same state, settlement numbers included.
 *
 * @example
 *   const engine = await SettlementEngine.open({ dataDir: '/data' })
 *   await engine.execute({ type: 'void', event: 'R1' })
 *   await engine.close()
 */
export class SettlementEngine implements Engine {
  private log!: CommandLog
  private unlock: () => void = () => {}
  private published = 0
  // Settlements count at each log ticket not yet durable: [ticket, count, ticket, count, …].
  private readonly marks: number[] = []
  private readonly listeners = new Set<SettlementListener>()
  private closing = false

  private constructor(
    readonly options: EngineOptions,
    /** Everything the engine knows; read it, change it only through the engine. */
    readonly state: EngineState,
    private readonly applier: BlockApplier,
    /**
     * What the start-up replay found; `preChecksumCopy` is where a log written
     * before lines had checksums is kept, once rewritten with them.
     */
    readonly replayed: ReplaySummary & { commands: number; seconds: number; preChecksumCopy?: string },
  ) {}

  /** Takes the data directory, replays its log and opens it for appending. */
  static async open(options: EngineOptions): Promise<SettlementEngine> {
    const unlock = lockDataDir(options.dataDir)
    try {
      const path = join(options.dataDir, LOG_FILE)
      const state = new EngineState()
      const started = performance.now()
      const applier = new BlockApplier(state)
      let commands = 0
      const summary = await replayLog(path, (block) => {
        commands += applier.apply(block, undefined, (lineStart, refusal) => {
          throw new RefusedLogLine(
            lineStart,
            refusal.error.code,
            `the engine refuses it (${refusal.error.code}: ${refusal.error.message})`,
          )
        }).accepted
      })
      const preChecksumCopy = summary.format === 'legacy' ? await addChecksums(path) : undefined
      const engine = new SettlementEngine(options, state, applier, {
        ...summary,
        commands,
        seconds: (performance.now() - started) / 1000,
        ...(preChecksumCopy === undefined ? {} : { preChecksumCopy }),
      })
      engine.published = state.settlements.count
      engine.log = await CommandLog.open(path, {
        sync: options.sync,
        onDurable: (ticket) => engine.onDurable(ticket),
        onFailure: options.onLogFailure,
      })
      engine.unlock = unlock
      return engine
    } catch (error) {
      unlock()
      throw error
    }
  }

  async execute(command: Command): Promise<CommandOutcome> {
    return this.executeValue(command)
  }

  /** Executes a command as it came off the wire, not yet known to be one. */
  async executeValue(command: unknown): Promise<CommandOutcome> {
    this.checkOpen()
    // Serialised first: a command that cannot be logged must not be applied.
    const line = Buffer.from(JSON.stringify(command) + '\n')
    const outcome = this.state.apply(command)
    if (outcome.ok) this.logged(this.log.append(line))
    // Refusals wait too: one may rest on a command that is not yet durable.
    await this.log.waitFor(this.log.lastTicket)
    return outcome
  }

  /**
   * Applies a block of NDJSON command lines, appends the accepted lines to
   * the log as they came (one write for the block) and returns the outcomes,
   * to be sent once `waitFor(ticket)` resolves.
   */
  ingest(block: Buffer): IngestedBlock {
    this.checkOpen()
    // The log's lines must each end in a newline, the stream's last one included.
    if (block.length > 0 && block[block.length - 1] !== 10) block = Buffer.concat([block, NEWLINE])
    const out = new ByteWriter(Math.max(1024, block.length >> 1))
    const { accepted, refused, lines } = this.applier.apply(block, out)
    if (accepted > 0) this.logged(this.log.append(lines))
    return { outcomes: out.take(), accepted, refused, ticket: this.log.lastTicket }
  }

  /** The newest log ticket: wait for it to know everything so far is durable. */
  get lastTicket(): number {
    return this.log.lastTicket
  }

  /** The newest log ticket on disk. */
  get durableTicket(): number {
    return this.log.durableTicket
  }

  /** Resolves once the log ticket is durable. */
  waitFor(ticket: number): Promise<void> {
    return this.log.waitFor(ticket)
  }

  /** The newest settlement sequence number that is durable, and so may be sent. */
  get publishedSettlements(): number {
    return this.published
  }

  /** Registers for word of new durable settlements. */
  listen(listener: SettlementListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getBet(id: string): BetView | undefined {
    const bet = this.state.findBet(id)
    return bet === NONE ? undefined : betView(this.state, bet)
  }

  customerBets(customer: string, options: { limit?: number } = {}): BetView[] | undefined {
    const index = this.state.customers.findString(customer)
    const newest = index === ABSENT ? NONE : (this.state.customerLastBet[index] ?? NONE)
    if (newest === NONE) return undefined
    const limit = options.limit ?? Number.POSITIVE_INFINITY
    const views: BetView[] = []
    for (let bet = newest; bet !== NONE && views.length < limit; bet = this.state.bets.previousOfCustomer(bet)) {
      views.push(betView(this.state, bet, { breakdown: false }))
    }
    return views
  }

  listEvents(): EventSummary[] {
    return this.state.events.map(eventSummary)
  }

  getEvent(id: string): EventView | undefined {
    const event = this.state.findEvent(id)
    return event === undefined ? undefined : eventView(event)
  }

  /** Counts for `GET /health`. */
  health(): { status: 'ok'; events: number; bets: number; settlements: number } {
    return { status: 'ok', events: this.state.events.length, bets: this.state.bets.count, settlements: this.published }
  }

  /** Stops taking commands, flushes the log and lets the data directory go. */
  async close(): Promise<void> {
    if (this.closing) return
    this.closing = true
    try {
      await this.log.close()
    } finally {
      this.unlock()
    }
  }

  private checkOpen(): void {
    if (this.closing) throw new Error('the settlement engine is closing and takes no more commands')
    if (this.log.failed) throw this.log.failed
  }

  private logged(ticket: number): void {
    const count = this.state.settlements.count
    const marked = this.marks.length === 0 ? this.published : this.marks[this.marks.length - 1]!
    if (count > marked) this.marks.push(ticket, count)
  }

  private onDurable(ticket: number): void {
    let done = 0
    while (done < this.marks.length && this.marks[done]! <= ticket) {
      this.published = this.marks[done + 1]!
      done += 2
    }
    if (done === 0) return
    this.marks.splice(0, done)
    for (const listener of this.listeners) listener.wake()
  }
}
