/**
 * A request the emulated daemon refuses, answered as Docker does: this status and `{"message": …}`.
 *
 * @example
 *   throw new DaemonApiError(404, `No such container: ${ref}`)
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
