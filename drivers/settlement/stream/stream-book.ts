import type { AliasedName } from '../../core/aliased-name.ts'
import type { Money } from '../../core/values/money.ts'
import type { BetSlip, PunterBet } from '../settlement-driver.ts'
import { priceText, type Settlement } from './stream-lines.ts'

/**
 * A bet this scenario placed: the slip it sent and what the engine answered.
 *
 * @example
 *   import { Money } from '../../core/values/money.ts'
 *   declare const slip: BetSlip
 *   const bet: PlacedBet = { betId: 'b42', slip, totalStake: Money.parse('£20') }
 *   new StreamBook().placed(bet)
 */
export interface PlacedBet {
  betId: string
  slip: BetSlip
  totalStake: Money
}

/**
 * A decision this scenario made on a race — a result, an amended result or a
 * void — and how many bets the engine said it settled.
 *
 * @example
 *   declare const race: AliasedName
 *   const decision: Decision = { race, version: 2, settled: 3, what: 'amended result' }
 *   new StreamBook().decided(decision)
 */
export interface Decision {
  race: AliasedName
  version: number
  settled: number
  what: string
}

/**
 * The book a stream consumer keeps: the bets it placed and the decisions it
 * made, joined with the settlements the stream showed. The stream carries no
 * bet details, so stake, each-way and legs come from the slips sent; a bet
 * this book did not place is unknown to it.
 *
 * @example
 *   declare const slip: BetSlip,
 *     totalStake: Money,
 *     race: AliasedName,
 *     punter: AliasedName,
 *     follower: import('./settlement-follower.ts').SettlementFollower
 *   const book = new StreamBook()
 *   book.placed({ betId: 'b42', slip, totalStake })
 *   book.decided({ race, version: 1, settled: 1, what: 'result' })
 *   book.betsOf(punter, (bet) => follower.settlementsOf(bet))
 *   // → [{ betId: 'b42', status: 'settled', returns: £60.00, … }]
 */
export class StreamBook {
  private readonly bets: PlacedBet[] = []
  private readonly decisions: Decision[] = []

  /** Records a bet the engine took. */
  placed(bet: PlacedBet): void {
    this.bets.push(bet)
  }

  /** Records a decision the engine accepted. */
  decided(decision: Decision): void {
    this.decisions.push(decision)
  }

  /** The decisions whose settlements the stream has not all shown yet, each described for a failure message. */
  awaited(countOf: (event: string, version: number) => number): string[] {
    return this.decisions.flatMap(({ race, version, settled, what }) => {
      const seen = countOf(race, version)
      return seen < settled
        ? [
            `the ${what} of race "${race}" (version ${version}): ${seen} of its ${settled} ` +
              `settlement${settled === 1 ? '' : 's'} seen`,
          ]
        : []
    })
  }

  /** The punter's bets, newest first, as the stream has settled them so far. */
  betsOf(punter: AliasedName, settlementsOf: (betId: string) => readonly Settlement[]): PunterBet[] {
    return this.bets
      .filter(({ slip }) => slip.punter === punter)
      .reverse()
      .map(({ betId, slip, totalStake }) => {
        const settlements = settlementsOf(betId)
        const last = settlements.at(-1)
        return {
          betId,
          status: last?.status ?? 'open',
          stake: slip.stake,
          totalStake,
          eachWay: slip.eachWay,
          legs: slip.legs.map((leg) => ({ race: leg.race, runner: leg.runner, price: priceText(leg) })),
          ...(last === undefined ? {} : { returns: last.returns }),
          settlements: settlements.map(({ returns }) => returns),
        }
      })
  }
}
