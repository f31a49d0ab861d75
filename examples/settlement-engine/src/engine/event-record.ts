import type { Fraction } from '../arithmetic/fraction.ts'
import { compileEvent, type EventFacts, type EventOutcome } from '../rules/event-outcome.ts'
import type { PlaceTerms } from '../rules/place-terms.ts'
import { ByteKeys } from './byte-keys.ts'
import { grown } from './growable.ts'

/** A non-runner as the engine keeps it. */
export interface WithdrawalRecord {
  runner: string
  /** As given. */
  price: string
  odds: Fraction
  late: boolean
  /** The engine-wide withdrawal number: bets struck before it (struckSeq below it) are deducted. */
  seq: number
  /** Rule 4, pence in the pound. */
  deduction: number
}

/** An event's current result, as given and as parsed. */
export interface ResultRecord {
  placings: string[][]
  /** As given. */
  startingPrices: Record<string, string>
  odds: Record<string, Fraction>
  /** The result in one canonical string: the same result again is a no-op. */
  key: string
}

/**
 * One race and everything that happened to it: its runners, non-runners,
 * result or void, the bets with a leg on it (row numbers), and the compiled
 * outcome bets are settled from, recompiled on every change.
 *
 * @example
 *   const event = new EventRecord(0, 'R1', 'The National', false, ['Red Rum', 'Aldaniti'], undefined)
 *   event.runnerIndex.get('Aldaniti') // 1
 */
export class EventRecord {
  status: 'open' | 'resulted' | 'void' = 'open'
  /** How many decisions (results, amendments, voids) it has had: the result version. */
  version = 0
  /** The index of its newest decision, or -1. */
  decision = -1
  result: ResultRecord | undefined
  readonly withdrawals: WithdrawalRecord[] = []
  readonly withdrawn: Uint8Array
  readonly runnerIndex = new Map<string, number>()
  /** The runners by name as bytes: the same numbers as runnerIndex. */
  readonly runnerKeys = new ByteKeys()
  /** The id as a JSON string, ready for the settlement feed. */
  readonly idJson: Buffer
  /** Open SP legs per runner: a result must give the SP of such a runner if it places. */
  readonly spLegs: Int32Array
  bets = new Int32Array(0)
  betCount = 0
  outcome: EventOutcome

  constructor(
    readonly index: number,
    readonly id: string,
    readonly name: string,
    readonly handicap: boolean,
    readonly runners: readonly string[],
    /** Terms the event stated, with the fraction as given. */
    readonly placeTerms: (PlaceTerms & { text: string }) | undefined,
  ) {
    runners.forEach((runner, i) => {
      this.runnerIndex.set(runner, i)
      this.runnerKeys.internString(runner)
    })
    this.idJson = Buffer.from(JSON.stringify(id))
    this.withdrawn = new Uint8Array(runners.length)
    this.spLegs = new Int32Array(runners.length)
    this.outcome = compileEvent(this.facts())
  }

  /** Notes a bet with a leg on this event. */
  addBet(bet: number): void {
    if (this.betCount >= this.bets.length) this.bets = grown(this.bets, this.betCount + 1, Int32Array)
    this.bets[this.betCount++] = bet
  }

  /** Recompiles the outcome after a withdrawal, result or void. */
  recompile(): void {
    this.outcome = compileEvent(this.facts())
  }

  /** What the rules need to know of it. */
  facts(override: { result?: ResultRecord; void?: boolean } = {}): EventFacts {
    const result = 'result' in override ? override.result : this.result
    return {
      id: this.id,
      handicap: this.handicap,
      runners: this.runners,
      placeTerms: this.placeTerms,
      withdrawals: this.withdrawals.map((w) => ({ runner: w.runner, price: w.odds, late: w.late, seq: w.seq })),
      void: override.void ?? this.status === 'void',
      result: result === undefined ? undefined : { placings: result.placings, startingPrices: result.odds },
    }
  }
}
