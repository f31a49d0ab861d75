import type { CommandOutcome } from '../commands.ts'
import { compileEvent } from '../rules/index.ts'
import { decided, decideEvent } from './decide-event.ts'
import type { EngineState } from './engine-state.ts'
import { readName } from './fields.ts'
import { isRefusal } from './refusal.ts'
import { unknownEvent } from './refusals.ts'

/**
 * `void`: the race is void. Every bet on it is settled with that leg void —
 * a single returns its stake — including bets already settled on a result.
 * Voiding a void event again is a no-op.
 *
 * @example
 *   declare const state: EngineState
 *   applyVoid(state, { type: 'void', event: 'R1' })
 *   // { ok: true, status: 200, body: { event: 'R1', status: 'void', version: 1, changed: true, settled: 3 } }
 */
export function applyVoid(state: EngineState, body: Record<string, unknown>): CommandOutcome {
  const eventId = readName(body, 'event')
  if (isRefusal(eventId)) return eventId
  const event = state.findEvent(eventId)
  if (event === undefined) return unknownEvent(eventId, 'event')
  if (event.status === 'void') return decided(event, false, 0)
  const outcome = compileEvent(event.facts({ void: true }))
  return decideEvent(state, event, { status: 'void', result: event.result, outcome })
}
