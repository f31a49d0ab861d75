import { Duration } from './values/duration.ts'

/**
 * Why a fetch got no answer, in words for an error message, or undefined when
 * the request was never sent (a bad header, a bad URL): not the system's fault.
 *
 * @example
 *   const error = await fetch('http://127.0.0.1:8080/bets').catch((thrown: unknown) => thrown)
 *   describeFetchFailure(error, 2000)
 *   // → { reason: 'connection refused (connect ECONNREFUSED 127.0.0.1:8080)', timedOut: false }
 *   describeFetchFailure(new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 2000)
 *   // → { reason: 'no answer within 2s', timedOut: true }
 */
export function describeFetchFailure(
  error: unknown,
  timeoutMs: number,
): { reason: string; timedOut: boolean } | undefined {
  if (error instanceof Error && error.name === 'TimeoutError')
    return { reason: `no answer within ${Duration.ms(timeoutMs)}`, timedOut: true }
  // undici wraps the socket error: TypeError('fetch failed') before the answer, TypeError('terminated') while reading
  // the body.
  const cause = error instanceof Error ? error.cause : undefined
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined
  if (!code) return undefined
  const detail = cause instanceof Error ? ` (${cause.message})` : ''
  return { reason: `${socketProblems[code] ?? `network error ${code}`}${detail}`, timedOut: false }
}

const socketProblems: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
  ETIMEDOUT: 'connection timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
}
