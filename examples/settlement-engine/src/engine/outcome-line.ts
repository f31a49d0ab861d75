import type { CommandOutcome } from '../commands.ts'

/**
 * A command's outcome as a line of the `POST /stream` answer:
 * `{"ok":true,…the API's body…}` or `{"ok":false,"error":{…}}`.
 *
 * @example
 *   outcomeLine({ ok: true, status: 201, body: { id: 'b1', status: 'open', totalStake: '10.00' } })
 *   // '{"ok":true,"id":"b1","status":"open","totalStake":"10.00"}\n'
 */
export function outcomeLine(outcome: CommandOutcome): string {
  if (!outcome.ok) return `{"ok":false,"error":${JSON.stringify(outcome.error)}}\n`
  const body = JSON.stringify(outcome.body)
  return body === '{}' ? '{"ok":true}\n' : `{"ok":true,${body.slice(1)}\n`
}
