import type { IncomingMessage } from 'node:http'
import { readStrictJson } from '../engine/strict-json.ts'

/**
 * Why a request body could not be read: too large (413), or not one JSON
 * object within the limits of `readStrictJson` (400; `field` names where).
 *
 * @example
 *   new BodyProblem(400, 'invalid-json', 'the body is not JSON (Unexpected end of JSON input); send one JSON object')
 */
export class BodyProblem {
  constructor(
    readonly status: 400 | 413,
    readonly code: string,
    readonly message: string,
    readonly field?: string,
  ) {}
}

/**
 * Reads a JSON object body of at most `limit` bytes, refusing a larger one
 * without buffering the rest of it; the JSON is read by `readStrictJson`, as
 * the stream's lines are.
 *
 * @example
 *   import { sendError } from './respond.ts'
 *   declare const req: IncomingMessage, res: import('node:http').ServerResponse
 *   const body = await readJsonBody(req, 1 << 20)
 *   if (body instanceof BodyProblem) sendError(res, body.status, body.code, body.message)
 */
export async function readJsonBody(
  req: IncomingMessage,
  limit: number,
): Promise<Record<string, unknown> | BodyProblem> {
  const declared = Number(req.headers['content-length'])
  if (declared > limit) return tooLarge(declared, limit)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) return tooLarge(size, limit)
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  // POST /events/{id}/void needs no body; an empty one is an empty object.
  if (text.trim() === '') return {}
  const read = readStrictJson(text, 'body')
  if (!read.ok) return new BodyProblem(400, read.error.code, read.error.message, read.error.field)
  const value = read.value
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`
    return new BodyProblem(400, 'invalid-json', `the body is ${what}; send one JSON object`)
  }
  return value as Record<string, unknown>
}

function tooLarge(size: number, limit: number): BodyProblem {
  return new BodyProblem(
    413,
    'body-too-large',
    `the body is ${size} bytes or more; the limit is ${limit} bytes. Send large batches to POST /stream as NDJSON`,
  )
}
