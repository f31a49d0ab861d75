import type { AliasedName } from '../../drivers/core/aliased-name.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'
import type { BetOutcome } from '../../drivers/settlement/index.ts'
import { ordinal } from './ordinal.ts'

/**
 * A bet slip the scenario handed in, by the spec's name for it, and what the
 * system did with it: taken (with its bet id) or refused (with the reason).
 *
 * @example
 *   declare const bet: AliasedName, punter: AliasedName, outcome: BetOutcome
 *   const placed: PlacedBet = { bet, name: "Alice's bet", punter, punterName: 'Alice', outcome }
 *   if (placed.outcome.taken) placed.outcome.betId // 'b7'
 */
export interface PlacedBet {
  readonly bet: AliasedName
  readonly name: string
  readonly punter: AliasedName
  readonly punterName: string
  readonly outcome: BetOutcome
}

/**
 * The bets of one scenario, by name. A bet the spec does not name is called
 * after its punter and kind: "Alice's bet", then "Alice's 2nd bet";
 * "Alice's double".
 *
 * @example
 *   const book = new BetBook()
 *   book.defaultName('Alice', 'bet') // "Alice's bet", or "Alice's 2nd bet" once that is taken
 *   book.named('expectReturns', "Alice's bet") // the PlacedBet, or a configuration error with the nearest name
 */
export class BetBook {
  private readonly bets = new Map<string, PlacedBet>()

  /** The name for the punter's next bet of this kind. */
  defaultName(punterName: string, kind: string): string {
    for (let n = 1; ; n++) {
      const name = `${punterName}'s ${n === 1 ? '' : `${ordinal(n)} `}${kind}`
      if (!this.bets.has(name)) return name
    }
  }

  /** Whether a bet of that name was handed in. */
  has(name: string): boolean {
    return this.bets.has(name)
  }

  /** Records a bet handed in; its name must be new in the scenario. */
  add(placed: PlacedBet): void {
    this.bets.set(placed.name, placed)
  }

  /** The bet of that name, or a configuration error with the nearest name. */
  named(method: string, name: string): PlacedBet {
    const found = this.bets.get(name)
    if (found) return found
    const names = [...this.bets.keys()]
    const suggestion = nearest(name, names)
    throw new ConfigurationError(
      `${method}: the scenario has no bet "${name}"${suggestion ? ` — did you mean "${suggestion}"?` : ''} ` +
        `Bets: ${names.join(', ') || 'none yet'}`,
    )
  }

  /** The bets handed in for the punter (taken or refused), in order. */
  of(punter: AliasedName): PlacedBet[] {
    return [...this.bets.values()].filter((bet) => bet.punter === punter)
  }

  /** The punter's bets the system took: bet id → the spec's name for it. */
  takenBy(punter: AliasedName): Map<string, string> {
    return new Map(
      this.of(punter).flatMap((placed) => (placed.outcome.taken ? [[placed.outcome.betId, placed.name] as const] : [])),
    )
  }

  /** The punters who handed in bets, each once. */
  punters(): { punter: AliasedName; punterName: string }[] {
    const seen = new Map<AliasedName, string>()
    for (const bet of this.bets.values()) seen.set(bet.punter, bet.punterName)
    return [...seen].map(([punter, punterName]) => ({ punter, punterName }))
  }

  /** The latest bet handed in, if any: "the bet" in a spec. */
  latest(): PlacedBet | undefined {
    return [...this.bets.values()].at(-1)
  }
}
