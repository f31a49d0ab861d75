import type { CommandOutcome } from '../commands.ts'
import type { EventOutcome } from '../rules/index.ts'
import type { EngineState } from './engine-state.ts'
import type { EventRecord, ResultRecord } from './event-record.ts'
import { refuse } from './refusal.ts'
import { UnsettleableBetError } from './unsettleable-bet-error.ts'

/**
 * Puts a result, an amended result or a void on an event and settles the bets
 * it decides — all or nothing: if any bet cannot be settled the event is left
 * as it was and the command refused.
 *
 * @example
 *   declare const state: EngineState, event: EventRecord, result: ResultRecord, outcome: EventOutcome
 *   decideEvent(state, event, { status: 'resulted', result, outcome })
 *   // { ok: true, status: 200, body: { event: 'R1', status: 'resulted', version: 1, changed: true, settled: 12 } }
 */
export function decideEvent(
  state: EngineState,
  event: EventRecord,
  next: { status: 'resulted' | 'void'; result: ResultRecord | undefined; outcome: EventOutcome },
): CommandOutcome {
  const before = { status: event.status, outcome: event.outcome }
  event.status = next.status
  event.outcome = next.outcome
  try {
    state.settler.workOut(event)
  } catch (error) {
    event.status = before.status
    event.outcome = before.outcome
    if (error instanceof UnsettleableBetError)
      return refuse(
        422,
        'unsettleable-bet',
        `${error.message}; the ${next.status === 'void' ? 'void' : 'result'} was not applied`,
      )
    throw error
  }
  event.result = next.result
  event.version++
  event.decision = state.addDecision(event)
  const settled = state.settler.commit(event.decision)
  return decided(event, true, settled)
}

/**
 * The answer to a result or void: the event's status and version, whether it
 * changed anything, and how many bets were settled (or resettled).
 *
 * @example
 *   declare const event: EventRecord
 *   decided(event, false, 0) // the same result again: a no-op
 */
export function decided(event: EventRecord, changed: boolean, settled: number): CommandOutcome {
  return {
    ok: true,
    status: 200,
    body: { event: event.id, status: event.status, version: event.version, changed, settled },
  }
}
