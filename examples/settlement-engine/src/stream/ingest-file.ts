import { createReadStream } from 'node:fs'
import type { SettlementEngine } from '../engine/settlement-engine.ts'
import { LineSplitter } from './line-splitter.ts'

/** What ingesting a command file did. */
export interface IngestSummary {
  commands: number
  accepted: number
  refused: number
  /** The first few refusals: the command's position in the file (1 = first command) and its outcome line. */
  firstRefusals: Array<{ command: number; outcome: string }>
  settlements: number
  seconds: number
}

/**
 * Feeds an NDJSON command file through the engine exactly as `POST /stream`
 * would, and resolves once everything accepted is durable.
 *
 * @example
 *   declare const engine: SettlementEngine
 *   const summary = await ingestFile(engine, 'weekend.ndjson')
 *   summary.accepted // 6200366
 */
export async function ingestFile(engine: SettlementEngine, path: string, keepRefusals = 5): Promise<IngestSummary> {
  const started = performance.now()
  const settledBefore = engine.state.settlements.count
  const summary: IngestSummary = { commands: 0, accepted: 0, refused: 0, firstRefusals: [], settlements: 0, seconds: 0 }
  const splitter = new LineSplitter()
  const take = (block: Buffer): void => {
    const done = engine.ingest(block)
    if (done.refused > 0 && summary.firstRefusals.length < keepRefusals) {
      done.outcomes
        .toString()
        .split('\n')
        .forEach((line, i) => {
          if (line.startsWith('{"ok":false') && summary.firstRefusals.length < keepRefusals)
            summary.firstRefusals.push({ command: summary.commands + i + 1, outcome: line })
        })
    }
    summary.commands += done.accepted + done.refused
    summary.accepted += done.accepted
    summary.refused += done.refused
  }
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const block = splitter.push(chunk)
    if (block !== undefined) take(block)
    // Let the log keep up, so unwritten blocks do not pile up in memory.
    if (engine.lastTicket - engine.durableTicket > 16) await engine.waitFor(engine.lastTicket - 8)
  }
  const last = splitter.end()
  if (last !== undefined) take(last)
  await engine.waitFor(engine.lastTicket)
  summary.settlements = engine.state.settlements.count - settledBefore
  summary.seconds = (performance.now() - started) / 1000
  return summary
}
