import type { AliasedName } from '../../drivers/core/aliased-name.ts'
import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import type { PunterBet } from '../../drivers/settlement/index.ts'
import type { PlacedBet } from './bet-book.ts'
import type { SettlementSession } from './settlement-session.ts'

/**
 * A bet the scenario placed, with the system's view of it.
 *
 * @example
 *   declare const session: SettlementSession, alicesBet: PlacedBet
 *   const shown: ShownBet[] = await shownBets(session, 'expectReturns', [alicesBet])
 *   shown.map(({ placed, bet }) => `${placed.name} returned ${bet.returns}`) // ["Alice's bet returned £35.00"]
 */
export interface ShownBet {
  placed: PlacedBet
  bet: PunterBet
}

/**
 * The bets as the system shows them to their punters (asking once per
 * punter, with breakdowns if asked), or an assertion failure naming a bet
 * that was refused or is not shown.
 *
 * @example
 *   declare const session: SettlementSession
 *   await shownBets(session, 'expectReturns', session.bets.of(session.aliases.alias('Alice')))
 *   // AssertionFailedError: expectReturns: Alice is not shown Alice's bet (bet b7)
 */
export async function shownBets(
  session: SettlementSession,
  method: string,
  placed: readonly PlacedBet[],
  options: { breakdown?: boolean } = {},
): Promise<ShownBet[]> {
  const byPunter = new Map<AliasedName, PunterBet[]>()
  const found: ShownBet[] = []
  for (const one of placed) {
    const { outcome } = one
    if (!outcome.taken)
      throw new AssertionFailedError(
        `${method}: ${one.name} was refused (${session.aliases.dealias(outcome.reason)}), so there is no bet to check`,
      )
    let punterBets = byPunter.get(one.punter)
    if (!punterBets) {
      punterBets = await session.driver.betsOf(one.punter, options)
      byPunter.set(one.punter, punterBets)
    }
    const bet = punterBets.find((shown) => shown.betId === outcome.betId)
    if (!bet)
      throw new AssertionFailedError(`${method}: ${one.punterName} is not shown ${one.name} (bet ${outcome.betId})`)
    found.push({ placed: one, bet })
  }
  return found
}

/**
 * How often a bet has been settled, and for what: "once: £35.00", "twice: £35.00, £0.00".
 *
 * @example
 *   settledTimes(['£35.00', '£0.00']) // 'twice: £35.00, £0.00'
 *   settledTimes([]) // 'never'
 */
export function settledTimes(settlements: readonly string[]): string {
  const count = settlements.length === 1 ? 'once' : settlements.length === 2 ? 'twice' : `${settlements.length} times`
  return settlements.length === 0 ? 'never' : `${count}: ${settlements.join(', ')}`
}
