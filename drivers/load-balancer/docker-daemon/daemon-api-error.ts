/**
 * A request the emulated daemon refuses, answered as Docker does: this status and `{"message": …}`.
 *
 * @example
 *   import { sendJson } from './http-io.ts'
 *   declare const response: import('node:http').ServerResponse
 *   const error = new DaemonApiError(404, 'No such container: web-9')
 *   sendJson(response, error.status, { message: error.message })
 */
export class DaemonApiError extends Error {
  override readonly name = 'DaemonApiError'

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}
