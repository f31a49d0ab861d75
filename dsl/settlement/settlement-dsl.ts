import { settlementChannels, startPrivateEngine } from '../../drivers/settlement/index.ts'
import { Betting } from './betting.ts'
import { EngineFaults } from './engine-faults.ts'
import { Events } from './events.ts'
import { Punter } from './punter.ts'
import { Punters } from './punters.ts'
import { Results } from './results.ts'
import { SettlementSession, type SettlementDeps, type SettlementWorld } from './settlement-session.ts'

/**
 * The betting-settlement domain's language: races scheduled and runners
 * withdrawn, bets placed, results declared, amended and voided, what punters
 * see, and faults in the engine. One per scenario; it keeps the scenario's
 * races and bets.
 *
 * @example
 *   import type { SettlementDriver } from '../../drivers/settlement/index.ts'
 *   declare const world: SettlementWorld, fakeDriver: SettlementDriver
 *   const dsl = new SettlementDsl(world, { makeDriver: () => fakeDriver, startPrivateEngine })
 *   await dsl.betting.placeBet({ punter: 'Alice', runner: 'Red Rum', price: '5/2' })
 *   await dsl.results.declare({ finishers: [{ position: 1, runner: 'Red Rum' }] })
 */
export class SettlementDsl {
  readonly events: Events
  readonly betting: Betting
  readonly results: Results
  readonly punter: Punter
  readonly punters: Punters
  readonly engine: EngineFaults

  constructor(world: SettlementWorld, deps: SettlementDeps) {
    const session = new SettlementSession(world, deps)
    this.events = new Events(session)
    this.betting = new Betting(session)
    this.results = new Results(session)
    this.punter = new Punter(session)
    this.punters = new Punters(session)
    this.engine = new EngineFaults(session)
  }
}

/**
 * The scenario's settlement DSL, for `world.use`: its driver is the one of
 * the scenario's channel, pointing at the shared engine or at the scenario's own.
 *
 * @example
 *   import { When } from '@cucumber/cucumber'
 *   import type { ParlanceWorld } from '../core/cucumber/parlance-world.ts'
 *   declare const world: ParlanceWorld
 *   When('Red Rum wins', function (this: ParlanceWorld) {
 *     return this.use(settlement).results.declare({ finishers: [{ position: 1, runner: 'Red Rum' }] })
 *   })
 *   await world.use(settlement).punter.expectReturns({ punter: 'Alice', returns: '£35.00' })
 */
export function settlement(world: SettlementWorld): SettlementDsl {
  return new SettlementDsl(world, { makeDriver: (ctx) => settlementChannels.create(ctx), startPrivateEngine })
}
