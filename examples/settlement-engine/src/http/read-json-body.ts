import type { IncomingMessage } from 'node:http'

/**
 * Why a request body could not be read: too large (413) or not a JSON object (400).
 *
 * @example
 *   new BodyProblem(400, 'invalid-json', 'the body is not JSON (Unexpected end of JSON input); send one JSON object')
 */
export class BodyProblem {
  constructor(
    readonly status: 400 | 413,
    readonly code: string,
    readonly message: string,
  ) {}
}

/**
 * Reads a JSON object body of at most `limit` bytes, refusing a larger one
 * without buffering the rest of it.
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
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return new BodyProblem(
      400,
      'invalid-json',
      `the body is not JSON (${(error as Error).message}); send one JSON object`,
    )
  }
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
