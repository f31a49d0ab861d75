// The proxy's own answers: plain text that names the Host and says what to do.
import type { ServerResponse } from 'node:http'

/** The messages the proxy answers with, one per failure. */
export const proxyMessages = {
  badHost: (reason: string) => `bad request: ${reason}`,
  // Other hosts are never listed: which services exist is not every client's business.
  unknownHost: (host: string) => `no service for host "${host}"; check the Host header`,
  targetNotForwarded: (target: string) =>
    `bad request: the request-target "${shorten(target)}" is not a path; the load balancer forwards ` +
    'requests for a path such as "/" only, and never OPTIONS *',
  noHealthyReplica: (host: string) => `service "${host}" has no healthy replica right now`,
  allRefused: (host: string, tried: number) =>
    `service "${host}" has no healthy replica right now: ${tried} ${tried === 1 ? 'replica' : 'replicas'} tried, ` +
    'each refused or reset the connection',
  notRetried: (host: string, bodyLimit: number, code: string) =>
    `service "${host}" could not be reached (${code}); the request body was over ${bodyLimit} bytes ` +
    'and was streamed, so it was not retried on another replica',
  failed: (host: string, code: string) => `service "${host}" could not be reached (${code})`,
  timedOut: (host: string, ms: number) => `service "${host}" did not answer within ${ms} ms`,
}

/**
 * Ends `res` with a plain-text error, unless a response has already started.
 *
 * @example
 *   declare const res: import('node:http').ServerResponse
 *   sendPlainError(res, 503, proxyMessages.noHealthyReplica('shop'), { 'retry-after': '1' })
 *   // 503, text/plain; charset=utf-8, body: service "shop" has no healthy replica right now
 */
export function sendPlainError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const body = `${message}\n`
  res.writeHead(status, {
    ...headers,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
  })
  res.end(body)
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}
