import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError } from './respond.ts'

/** How long a request body may take. */
export interface BodyLimits {
  /** No byte of the body for this long ends the request. */
  idleMs: number
  /** The whole body must be in within this; undefined for a stream, which may run as long as it keeps sending. */
  totalMs?: number
}

/**
 * Ends a request whose body stalls: no byte for `idleMs` (while the engine
 * waits for one), or not all in after `totalMs`. Answered 408 with the API's
 * error body and closed; a response already under way (POST /stream) can
 * only be cut, so it is closed. A finished body is never cut: a long answer
 * such as GET /settlements is not a stalled request.
 *
 * @example
 *   declare const req: IncomingMessage, res: ServerResponse
 *   cutStalledBody(req, res, { idleMs: 30_000, totalMs: 60_000 })
 */
export function cutStalledBody(req: IncomingMessage, res: ServerResponse, limits: BodyLimits): void {
  const cut = (message: string): void => {
    if (res.headersSent) req.destroy()
    else sendError(res, 408, 'request-timeout', message, undefined, { connection: 'close' })
  }
  // The socket's timeout counts bytes both ways, and is reset while they flow.
  res.setTimeout(limits.idleMs, () => {
    if (req.complete) res.socket?.setTimeout(0)
    // Bytes wait to be read while the answer flows: the engine is behind, not the client.
    else if (req.readableLength > 0 && !res.writableNeedDrain) res.setTimeout(limits.idleMs)
    else cut(`no byte of the request body arrived for ${limits.idleMs} ms; send the whole body without pausing`)
  })
  if (limits.totalMs === undefined) return
  const totalMs = limits.totalMs
  const deadline = setTimeout(() => {
    if (!req.complete)
      cut(
        `the request body was not all in after ${totalMs} ms; send it faster, or send long batches ` +
          'to POST /stream as NDJSON',
      )
  }, totalMs)
  res.once('close', () => clearTimeout(deadline))
}
