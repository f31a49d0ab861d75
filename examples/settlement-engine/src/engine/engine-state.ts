import type { CommandOutcome } from '../commands.ts'
import { applyBet } from './apply-bet.ts'
import { applyEvent } from './apply-event.ts'
import { applyResult } from './apply-result.ts'
import { applyVoid } from './apply-void.ts'
import { applyWithdrawal } from './apply-withdrawal.ts'
import { BetStore, NONE } from './bet-store.ts'
import type { EventRecord } from './event-record.ts'
import { describe, isObject } from './fields.ts'
import { ByteKeys } from './byte-keys.ts'
import { PriceTable } from './price-table.ts'
import { badField, refuse } from './refusal.ts'
import { SettlementStore } from './settlement-store.ts'
import { EventSettler } from './settle-event.ts'
import { grown } from './growable.ts'

/** Engine-assigned bet ids: "b" and the bet's row + 1. Clients may not use this form. */
export const ASSIGNED_ID = /^b[1-9][0-9]*$/

/**
 * All the engine knows, in memory, and the one way to change it: `apply`.
 * Synchronous and deterministic — the same commands in the same order give
 * the same state, the same bet ids and the same settlement sequence — so
 * replaying the log rebuilds exactly what was acknowledged. No I/O here.
 *
 * @example
 *   const state = new EngineState()
 *   state.apply({ type: 'event', id: 'R1', name: 'The National', runners: ['Red Rum', 'Aldaniti'] }).status // 201
 */
export class EngineState {
  readonly bets = new BetStore()
  readonly settlements = new SettlementStore()
  /** Customers by name, numbered in order of their first bet. */
  readonly customers = new ByteKeys()
  readonly prices = new PriceTable()
  readonly events: EventRecord[] = []
  readonly eventIndex = new Map<string, number>()
  /** Event ids as bytes: the same numbers as eventIndex. */
  readonly eventKeys = new ByteKeys()
  /** Client-given bet ids only; engine-assigned ones are computed from the row. */
  readonly clientIds = new Map<string, number>()
  readonly clientIdOf = new Map<number, string>()
  /** Per customer: their newest bet's row, or NONE. */
  customerLastBet = new Int32Array(0)
  /** Withdrawals so far, in all events: a bet's struckSeq is this count when it was placed. */
  withdrawalCount = 0
  /** Per decision (a result, amendment or void): the event and its result version. */
  readonly decisionEvent: number[] = []
  readonly decisionVersion: number[] = []
  readonly settler = new EventSettler(this)

  /** Validates and applies one command; a refusal changes nothing. */
  apply(command: unknown): CommandOutcome {
    if (!isObject(command))
      return badField('command', `${describe(command)} is not a command; send a JSON object with a "type"`)
    switch (command.type) {
      case 'bet':
        return applyBet(this, command)
      case 'event':
        return applyEvent(this, command)
      case 'withdrawal':
        return applyWithdrawal(this, command)
      case 'result':
        return applyResult(this, command)
      case 'void':
        return applyVoid(this, command)
      case undefined:
        return refuse(
          400,
          'missing-field',
          'type is missing; send one of "event", "withdrawal", "bet", "result", "void"',
          'type',
        )
      default:
        return badField(
          'type',
          `${describe(command.type)} is not a command type; send one of "event", "withdrawal", "bet", "result", "void"`,
        )
    }
  }

  /** The bet's id: the client's, or the engine's "b" + row + 1. */
  betId(bet: number): string {
    return (this.clientIdOf.size === 0 ? undefined : this.clientIdOf.get(bet)) ?? `b${bet + 1}`
  }

  /** The bet's row, or NONE when no bet has this id. */
  findBet(id: string): number {
    const given = this.clientIds.get(id)
    if (given !== undefined) return given
    if (!ASSIGNED_ID.test(id)) return NONE
    const row = Number(id.slice(1)) - 1
    return row < this.bets.count && !this.clientIdOf.has(row) ? row : NONE
  }

  /** The event with this id, or undefined. */
  findEvent(id: string): EventRecord | undefined {
    const index = this.eventIndex.get(id)
    return index === undefined ? undefined : this.events[index]
  }

  /** Records a decision and returns its index. */
  addDecision(event: EventRecord): number {
    this.decisionEvent.push(event.index)
    this.decisionVersion.push(event.version)
    return this.decisionEvent.length - 1
  }

  /** Makes room for a customer's number (from `customers`) in the per-customer columns. */
  makeRoomForCustomer(index: number): void {
    if (index >= this.customerLastBet.length) {
      const before = this.customerLastBet.length
      this.customerLastBet = grown(this.customerLastBet, index + 1, Int32Array)
      this.customerLastBet.fill(NONE, before)
    }
  }

  /** Adds an event (its id not yet taken). */
  addEvent(event: EventRecord): void {
    this.events.push(event)
    this.eventIndex.set(event.id, event.index)
    this.eventKeys.internString(event.id)
  }
}
