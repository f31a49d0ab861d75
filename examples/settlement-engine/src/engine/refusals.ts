import type { Refusal } from '../commands.ts'
import type { EventRecord } from './event-record.ts'
import { refuse } from './refusal.ts'

/**
 * 404: no event has this id.
 *
 * @example
 *   unknownEvent('R9', 'legs[0].event')
 */
export function unknownEvent(id: string, field?: string): Refusal {
  return refuse(404, 'event-not-found', `no event has id "${id}"; create it with POST /events first`, field)
}

/**
 * 409: the event is resulted or void, so it takes no more bets or withdrawals.
 *
 * @example
 *   declare const event: EventRecord
 *   closedEvent(event, 'bet on', 'legs[0].event')
 */
export function closedEvent(event: EventRecord, action: string, field?: string): Refusal {
  return refuse(409, 'event-closed', `cannot ${action} event "${event.id}": it is already ${event.status}`, field)
}

/**
 * 422: the runner is not declared in the event.
 *
 * @example
 *   declare const event: EventRecord
 *   unknownRunner(event, 'Red Rum', 'legs[0].runner')
 */
export function unknownRunner(event: EventRecord, runner: string, field: string): Refusal {
  const names = event.runners.length <= 12 ? `: ${event.runners.map((r) => `"${r}"`).join(', ')}` : ''
  return refuse(
    422,
    'unknown-runner',
    `"${runner}" is not a runner in event "${event.id}"; its runners are those it declared${names}`,
    field,
  )
}
