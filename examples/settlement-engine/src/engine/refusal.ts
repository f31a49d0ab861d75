import type { Refusal } from '../commands.ts'

/**
 * A refusal: nothing of the command was applied.
 *
 * @example
 *   refuse(404, 'event-not-found', 'no event has id "R9"; create it with POST /events first', 'legs[0].event')
 */
export function refuse(status: Refusal['status'], code: string, message: string, field?: string): Refusal {
  return { ok: false, status, error: field === undefined ? { code, message } : { code, message, field } }
}

/**
 * A 400: a field is missing or not in the accepted form.
 *
 * @example
 *   badField('stake', '"ten" is not money: write pounds, e.g. 10, 10.50 or £10.50')
 */
export function badField(field: string, message: string): Refusal {
  return refuse(400, 'invalid-field', `${field}: ${message}`, field)
}

/** Whether a value is a refusal rather than what was read. */
export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false
}
