// Request bodies up to a limit are held in memory so a retry can send them
// again; a larger one is streamed through once and cannot be retried.
import type { IncomingHttpHeaders } from 'node:http'
import type { Readable } from 'node:stream'

/** A body read whole, or its first chunks and the rest still in `source`. */
export type RequestBody = { kind: 'buffered'; body: Buffer } | { kind: 'streamed'; head: Buffer[]; source: Readable }

/** The body of a request that has none, shared: nothing to read, nothing to wait for. */
export const NO_BODY: RequestBody = Object.freeze({ kind: 'buffered', body: Buffer.alloc(0) })

/**
 * True when the headers say there is no body (HTTP/1.1: neither Content-Length nor Transfer-Encoding, or a length of
 * 0).
 *
 * @example
 *   declare const req: import('node:http').IncomingMessage
 *   const body = hasNoBody(req.headers) ? NO_BODY : await bufferBody(req, 1_048_576)
 */
export function hasNoBody(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length']
  return headers['transfer-encoding'] === undefined && (length === undefined || length === '0')
}

/**
 * Reads `source` up to `limit` bytes; beyond that, stops and hands back what it read.
 *
 * @example
 *   declare const req: import('node:http').IncomingMessage, upstream: import('node:http').ClientRequest
 *   const body = await bufferBody(req, 1_048_576)
 *   if (body.kind === 'buffered') upstream.end(body.body)
 */
export function bufferBody(source: Readable, limit: number): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const settle = () => {
      source.off('data', onData)
      source.off('end', onEnd)
      source.off('error', onError)
    }
    const onData = (chunk: Buffer) => {
      chunks.push(chunk)
      size += chunk.length
      if (size <= limit) return
      settle()
      source.pause()
      resolve({ kind: 'streamed', head: chunks, source })
    }
    const onEnd = () => {
      settle()
      resolve({ kind: 'buffered', body: Buffer.concat(chunks, size) })
    }
    const onError = (error: Error) => {
      settle()
      reject(error)
    }
    source.on('data', onData)
    source.on('end', onEnd)
    source.on('error', onError)
  })
}
