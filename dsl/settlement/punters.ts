import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import type { SettlementSession } from './settlement-session.ts'
import { settledTimes, shownBets } from './shown-bets.ts'

/**
 * What every punter of the scenario sees, taken together: after a crash,
 * nothing lost and nothing paid twice.
 *
 * @example
 *   import type { EngineFaults } from './engine-faults.ts'
 *   declare const engine: EngineFaults, punters: Punters
 *   await engine.crash(); await engine.restart()
 *   await punters.expectNothingLost(); await punters.expectEachSettledOnce()
 */
export class Punters {
  constructor(private readonly session: SettlementSession) {}

  /**
   * Every bet the system took in the scenario is still shown to its punter,
   * and no other bet is.
   *
   * @example
   *   declare const punters: Punters
   *   await punters.expectNothingLost()
   *   // AssertionFailedError: expectNothingLost:\n  Alice's bet (bet b1) is gone; Alice is shown no bets
   */
  async expectNothingLost(): Promise<void> {
    const problems: string[] = []
    for (const { punter, punterName } of this.session.bets.punters()) {
      const taken = this.session.bets.takenBy(punter)
      const shown = new Set((await this.session.driver.betsOf(punter)).map((bet) => bet.betId))
      for (const [betId, name] of taken)
        if (!shown.has(betId))
          problems.push(
            `${name} (bet ${betId}) is gone; ${punterName} is shown ` +
              `${shown.size === 0 ? 'no bets' : [...shown].join(', ')}`,
          )
      for (const betId of shown)
        if (!taken.has(betId)) problems.push(`${punterName} is shown bet ${betId}, which the scenario never placed`)
    }
    if (problems.length > 0) throw new AssertionFailedError(`expectNothingLost:\n  ${problems.join('\n  ')}`)
  }

  /**
   * Every bet the system took has been settled exactly once if it is settled
   * or void, and never if it is open.
   *
   * @example
   *   declare const punters: Punters
   *   await punters.expectEachSettledOnce()
   *   // AssertionFailedError: expectEachSettledOnce:
   *   //   Alice's bet (bet b1) is settled and has been settled twice: £35.00, £35.00; expected once
   */
  async expectEachSettledOnce(): Promise<void> {
    const problems: string[] = []
    for (const { punter } of this.session.bets.punters()) {
      const taken = this.session.bets.of(punter).filter((placed) => placed.outcome.taken)
      for (const { placed, bet } of await shownBets(this.session, 'expectEachSettledOnce', taken)) {
        const expected = bet.status === 'open' ? 0 : 1
        if (bet.settlements.length === expected) continue
        problems.push(
          `${placed.name} (bet ${bet.betId}) is ${bet.status} and has been settled ` +
            `${settledTimes(bet.settlements.map(String))}; expected ${expected === 0 ? 'never' : 'once'}`,
        )
      }
    }
    if (problems.length > 0) throw new AssertionFailedError(`expectEachSettledOnce:\n  ${problems.join('\n  ')}`)
  }
}
