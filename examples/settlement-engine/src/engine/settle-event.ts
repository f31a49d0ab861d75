import { settleBet } from '../rules/index.ts'
import { BetFactsReader } from './bet-facts.ts'
import type { EngineState } from './engine-state.ts'
import type { EventRecord } from './event-record.ts'
import { grown } from './growable.ts'
import { SETTLED, VOIDED } from './settlement-store.ts'
import { UnsettleableBetError } from './unsettleable-bet-error.ts'

/**
 * Settles the bets on an event after a decision, in two phases so a decision
 * is all or nothing: `work out` every affected bet into scratch columns
 * (throwing leaves the state untouched), then `commit` them as settlements.
 * A bet is affected when every leg is decided and its status or returns
 * differ from its last settlement: the same result again settles no one twice.
 *
 * @example
 *   declare const state: EngineState, event: EventRecord, decision: number
 *   const settler = new EventSettler(state)
 *   settler.workOut(event) // throws UnsettleableBetError
 *   settler.commit(decision) // how many bets were settled
 */
export class EventSettler {
  private readonly facts: BetFactsReader
  private count = 0
  private bet = new Int32Array(0)
  private status = new Uint8Array(0)
  private returns = new Float64Array(0)
  // Singles on one event with the same runner, price, stake, each-way and Rule 4 share their returns.
  private readonly singles = new Map<number, number>()

  constructor(private readonly state: EngineState) {
    this.facts = new BetFactsReader(state)
  }

  /** Works out the settlements the event's current outcome brings, without storing them. */
  workOut(event: EventRecord): void {
    const { bets, events, settlements } = this.state
    this.count = 0
    this.singles.clear()
    if (this.bet.length < event.betCount) {
      this.bet = grown(this.bet, event.betCount, Int32Array)
      this.status = grown(this.status, event.betCount, Uint8Array)
      this.returns = grown(this.returns, event.betCount, Float64Array)
    }
    for (let i = 0; i < event.betCount; i++) {
      const bet = event.bets[i]!
      const legs = bets.legCount(bet)
      let decided = true
      let allVoid = true
      for (let leg = 0; leg < legs; leg++) {
        const legEvent = events[bets.legEvent(bet, leg)]!
        const nonRunner = legEvent.withdrawn[bets.legRunner(bet, leg)] === 1
        if (legEvent.status === 'open' && !nonRunner) {
          decided = false
          break
        }
        if (legEvent.status !== 'void' && !nonRunner) allVoid = false
      }
      if (!decided) continue
      const key =
        legs === 1
          ? singleKey(
              event,
              bets.legRunner(bet, 0),
              bets.legPrice(bet, 0),
              bets.eachWay(bet),
              bets.stake(bet),
              bets.struckSeq(bet),
            )
          : NO_KEY
      let pence = key === NO_KEY ? undefined : this.singles.get(key)
      if (pence === undefined) {
        try {
          pence = settleBet(this.facts.load(bet), this.facts.lookup).returnsPence
        } catch (error) {
          throw new UnsettleableBetError(this.state.betId(bet), error)
        }
        if (key !== NO_KEY) this.singles.set(key, pence)
      }
      const status = allVoid ? VOIDED : SETTLED
      const last = bets.lastSettlement(bet)
      if (last !== 0 && settlements.status(last) === status && settlements.returns(last) === pence) continue
      this.bet[this.count] = bet
      this.status[this.count] = status
      this.returns[this.count] = pence
      this.count++
    }
  }

  /** Stores what `workOut` found as settlements of this decision; returns how many. */
  commit(decision: number): number {
    const { bets, settlements } = this.state
    for (let i = 0; i < this.count; i++) {
      const bet = this.bet[i]!
      bets.setLastSettlement(
        bet,
        settlements.add(bet, bets.customer(bet), decision, this.status[i]!, this.returns[i]!, bets.lastSettlement(bet)),
      )
    }
    const settled = this.count
    this.count = 0
    return settled
  }
}

const NO_KEY = -1

// Everything a single's returns depend on, packed in one number below 2^53;
// NO_KEY when a part is too large to pack (that bet is simply not shared).
function singleKey(
  event: EventRecord,
  runner: number,
  price: number,
  eachWay: boolean,
  stakePence: number,
  struckSeq: number,
): number {
  let before = 0
  while (before < event.withdrawals.length && event.withdrawals[before]!.seq <= struckSeq) before++
  if (price >= 1 << 12 || runner >= 1 << 7 || before >= 1 << 5 || stakePence >= 1 << 24) return NO_KEY
  return (((price * 128 + runner) * 2 + (eachWay ? 1 : 0)) * 32 + before) * 2 ** 24 + stakePence
}
