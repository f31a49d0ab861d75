import type { SettlementSession } from './settlement-session.ts'

/**
 * Faults in the settlement engine itself. A scenario that crashes the engine
 * runs one of its own, so that no other scenario sees the crash.
 *
 * @example
 *   declare const engine: EngineFaults
 *   await engine.runPrivately() // first, before any race or bet
 *   await engine.crash(); await engine.restart()
 */
export class EngineFaults {
  constructor(private readonly session: SettlementSession) {}

  /**
   * Starts a settlement engine for this scenario alone; from then on the
   * scenario's channel talks to it. Call it before anything else.
   *
   * @example
   *   declare const engine: EngineFaults
   *   await engine.runPrivately()
   *   // ConfigurationError: runPrivately: the scenario has already used the shared settlement engine; …
   */
  async runPrivately(): Promise<void> {
    await this.session.startPrivateEngine('runPrivately')
  }

  /**
   * Kills the scenario's engine outright (kill -9), whatever it is doing.
   *
   * @example
   *   declare const engine: EngineFaults
   *   await engine.crash()
   *   // ConfigurationError: crash: the scenario runs on the shared settlement engine, which it must not crash; …
   */
  async crash(): Promise<void> {
    await this.session.engine('crash').crash()
  }

  /**
   * Starts the scenario's engine again, on the same data and address, and waits until it is ready.
   *
   * @example
   *   declare const engine: EngineFaults
   *   await engine.crash()
   *   await engine.restart()
   */
  async restart(): Promise<void> {
    await this.session.engine('restart').restart()
  }
}
