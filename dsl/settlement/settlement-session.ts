import type { AliasedName } from '../../drivers/core/aliased-name.ts'
import type { DriverContext } from '../../drivers/core/driver-context.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import type { PrivateEngine, SettlementDriver } from '../../drivers/settlement/index.ts'
import type { AliasTable } from '../core/aliases/index.ts'
import { BetBook } from './bet-book.ts'
import { RaceBook } from './race-book.ts'

/**
 * What the settlement DSL needs of the scenario: its aliases and the context
 * its drivers get. A ParlanceWorld is one.
 *
 * @example
 *   import { SettlementDsl } from './settlement-dsl.ts'
 *   declare const driverContext: DriverContext, deps: SettlementDeps
 *   const world: SettlementWorld = { aliases: new AliasTable(), driverContext } // or a ParlanceWorld
 *   new SettlementDsl(world, deps)
 */
export interface SettlementWorld {
  readonly aliases: AliasTable
  readonly driverContext: DriverContext
}

/**
 * How the DSL reaches the system: the channel's driver, and a private engine for faults.
 *
 * @example
 *   import { settlementChannels, startPrivateEngine } from '../../drivers/settlement/index.ts'
 *   import { SettlementDsl } from './settlement-dsl.ts'
 *   declare const world: SettlementWorld
 *   const deps: SettlementDeps = { makeDriver: (ctx) => settlementChannels.create(ctx), startPrivateEngine }
 *   new SettlementDsl(world, deps)
 */
export interface SettlementDeps {
  makeDriver(ctx: DriverContext): SettlementDriver
  startPrivateEngine(ctx: DriverContext): Promise<PrivateEngine>
}

/**
 * One scenario's settlement state, shared by the DSL's classes: its races and
 * bets, and the driver of its channel — made on first use, so that a
 * mistaken call is refused before any driver exists, and so that a scenario
 * may first ask for an engine of its own.
 *
 * @example
 *   import type { BetSlip } from '../../drivers/settlement/index.ts'
 *   declare const world: SettlementWorld, deps: SettlementDeps, slip: BetSlip
 *   const session = new SettlementSession(world, deps)
 *   session.races.withRunners('declare', ['Red Rum']) // no driver yet
 *   const outcome = await session.driver.placeBet(slip) // the channel's driver, made on first use
 */
export class SettlementSession {
  readonly races = new RaceBook()
  readonly bets = new BetBook()
  private made: SettlementDriver | undefined
  private privateEngine: PrivateEngine | undefined

  constructor(
    readonly world: SettlementWorld,
    private readonly deps: SettlementDeps,
  ) {}

  /** The scenario's names. */
  get aliases(): AliasTable {
    return this.world.aliases
  }

  /** The driver of the scenario's channel, pointing at the private engine once there is one. */
  get driver(): SettlementDriver {
    this.made ??= this.deps.makeDriver(this.driverContext())
    return this.made
  }

  /** The spec's name for a system's name. */
  specName(name: AliasedName): string {
    return this.world.aliases.dealias(name)
  }

  /** The private engine, or a configuration error saying how to have one. */
  engine(method: string): PrivateEngine {
    if (this.privateEngine) return this.privateEngine
    throw new ConfigurationError(
      `${method}: the scenario runs on the shared settlement engine, which it must not crash; start one of its ` +
        `own first, e.g. "Given a settlement engine of the scenario's own"`,
    )
  }

  /** Starts an engine of the scenario's own; the driver, made later, talks to it. */
  async startPrivateEngine(method: string): Promise<void> {
    if (this.privateEngine)
      throw new ConfigurationError(`${method}: the scenario already has an engine of its own; start it once`)
    if (this.made)
      throw new ConfigurationError(
        `${method}: the scenario has already used the shared settlement engine; start an engine of its own ` +
          `before anything else`,
      )
    this.privateEngine = await this.deps.startPrivateEngine(this.world.driverContext)
  }

  private driverContext(): DriverContext {
    const shared = this.world.driverContext
    const engine = this.privateEngine
    if (!engine) return shared
    return {
      ...shared,
      systemUrl: (envName) => (envName === 'SETTLEMENT_URL' ? engine.url : shared.systemUrl(envName)),
    }
  }
}
