import type { SettlementEngine } from '../../src/engine/settlement-engine.ts'
import { writeSettlementLines } from '../../src/engine/settlement-lines.ts'
import { ByteWriter } from '../../src/stream/byte-writer.ts'

/** Everything an engine shows, for comparing two engines (or one before and after a restart). */
export interface EngineSnapshot {
  events: unknown[]
  bets: unknown[]
  settlements: string
}

/**
 * Every event and bet view, and every settlement line, of an engine.
 *
 * @example
 *   import { expect } from 'vitest'
 *   declare const original: SettlementEngine, restarted: SettlementEngine
 *   expect(snapshotOf(restarted)).toEqual(snapshotOf(original))
 */
export function snapshotOf(engine: SettlementEngine): EngineSnapshot {
  const { state } = engine
  const bets = []
  for (let bet = 0; bet < state.bets.count; bet++) bets.push(engine.getBet(state.betId(bet)))
  const out = new ByteWriter()
  writeSettlementLines(state, 1, state.settlements.count, out)
  return {
    events: engine.listEvents().map((event) => engine.getEvent(event.id)),
    bets,
    settlements: out.take().toString(),
  }
}
