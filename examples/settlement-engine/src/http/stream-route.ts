import type { IncomingMessage, ServerResponse } from 'node:http'
import type { IngestedBlock, SettlementEngine } from '../engine/settlement-engine.ts'
import { LineSplitter } from '../stream/line-splitter.ts'
import { LineTooLongError } from '../stream/line-too-long-error.ts'
import { outcomeLine } from '../engine/outcome-line.ts'
import { refuse } from '../engine/refusal.ts'

/** Blocks whose outcomes may wait on the log at once, before reading pauses. */
const MAX_PENDING_BLOCKS = 16

/**
 * `POST /stream`: NDJSON commands in, one outcome line per command out, in
 * order, each sent once its command is durable. The body is read block by
 * block (never whole); reading pauses while the log or the reader lags.
 *
 * @example
 *   declare const req: IncomingMessage, res: ServerResponse, engine: SettlementEngine
 *   await handleStream(req, res, engine) // 200, application/x-ndjson
 */
export async function handleStream(
  req: IncomingMessage,
  res: ServerResponse,
  engine: SettlementEngine,
  maxLineBytes = 1 << 20,
): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' })
  const splitter = new LineSplitter(maxLineBytes)
  const pending: IngestedBlock[] = []
  // One sender, apart from the reader: each block's outcomes go out as soon as
  // its commands are durable, so a client that waits for an outcome before
  // sending its next line is answered without having to send more.
  let sending = false
  let sent: Promise<void> = Promise.resolve()
  const send = (): Promise<void> => {
    if (sending) return sent
    sending = true
    sent = (async () => {
      try {
        while (pending.length > 0 && !res.destroyed) {
          const head = pending[0]!
          if (head.ticket > engine.durableTicket) await engine.waitFor(head.ticket)
          pending.shift()
          if (!res.write(head.outcomes)) await drained(res)
        }
      } finally {
        sending = false
      }
    })()
    return sent
  }
  const sendInBackground = (): void => {
    send().catch(() => res.destroy())
  }
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      const block = splitter.push(chunk)
      if (block !== undefined) pending.push(engine.ingest(block))
      sendInBackground()
      // Reading pauses while the log or the client lags.
      while (pending.length >= MAX_PENDING_BLOCKS && !res.destroyed) await send()
      if (res.destroyed) return
    }
    const last = splitter.end()
    if (last !== undefined) pending.push(engine.ingest(last))
    await send()
    res.end()
  } catch (error) {
    if (!(error instanceof LineTooLongError)) throw error
    await send()
    res.end(outcomeLine(refuse(400, 'line-too-long', `${error.message}; the stream stops here`)))
    req.destroy()
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}
