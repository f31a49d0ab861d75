import { describe, expect, it } from 'vitest'
import { planWeekend, weekendCommands } from '../bench/weekend-commands.ts'
import { BlockApplier } from '../src/engine/apply-block.ts'
import { EngineState } from '../src/engine/engine-state.ts'
import { betView } from '../src/engine/views.ts'

describe('a generated race weekend through the stream path', () => {
  it('settles every bet once, each to the pence its exact breakdown gives', () => {
    const state = new EngineState()
    const lines = [...weekendCommands(planWeekend({ bets: 30_000, seed: 11 }))]
    const applier = new BlockApplier(state)
    for (let at = 0; at < lines.length; at += 1000) {
      const done = applier.apply(Buffer.from(lines.slice(at, at + 1000).join('\n') + '\n'), undefined)
      expect(done.refused).toBe(0)
    }
    expect(state.bets.count).toBe(30_000)
    expect(state.settlements.count).toBe(30_000)
    let voided = 0
    for (let bet = 0; bet < state.bets.count; bet++) {
      const view = betView(state, bet)
      expect(view.history, view.id).toHaveLength(1)
      const breakdown = view.breakdown as { returnsPence: number }
      expect(view.returns, view.id).toBe((breakdown.returnsPence / 100).toFixed(2))
      if (view.status === 'void') voided++
    }
    expect(voided).toBeGreaterThan(0)
  })
})
