import type { ServerResponse } from 'node:http'
import type { SettlementEngine, SettlementListener } from '../engine/settlement-engine.ts'
import { writeSettlementLines } from '../engine/settlement-lines.ts'
import { ByteWriter } from './byte-writer.ts'

/** Settlements per write: big writes, but a slow reader still gets steady backpressure. */
const LINES_PER_WRITE = 2048

/**
 * One `GET /settlements` reader: sends every durable settlement after its
 * starting sequence number, then each new one as it becomes durable, as fast
 * as the reader takes them and no faster (it waits for "drain").
 *
 * @example
 *   declare const engine: SettlementEngine, res: ServerResponse
 *   const feed = new SettlementFeed(engine, res, 0)
 *   feed.start() // until the reader goes away or feed.end()
 */
export class SettlementFeed implements SettlementListener {
  private next: number
  private draining = false
  private readonly out = new ByteWriter(LINES_PER_WRITE * 128)
  private stopListening: () => void = () => {}

  constructor(
    private readonly engine: SettlementEngine,
    private readonly res: ServerResponse,
    after: number,
  ) {
    this.next = after + 1
  }

  /** Sends the past settlements and follows new ones. */
  start(): void {
    this.stopListening = this.engine.listen(this)
    this.res.once('close', () => this.stopListening())
    this.res.on('drain', () => {
      this.draining = false
      this.wake()
    })
    this.wake()
  }

  /** Sends whatever is durable and not yet sent. */
  wake(): void {
    const res = this.res
    while (!this.draining && !res.destroyed && !res.writableEnded && this.next <= this.engine.publishedSettlements) {
      const to = Math.min(this.next + LINES_PER_WRITE - 1, this.engine.publishedSettlements)
      writeSettlementLines(this.engine.state, this.next, to, this.out)
      this.next = to + 1
      if (!res.write(this.out.take())) this.draining = true
    }
  }

  /** Ends the response: the server is stopping. */
  end(): void {
    this.stopListening()
    if (!this.res.writableEnded) this.res.end()
  }
}
