import type { IncomingMessage } from 'node:http'

/** The most a form post may carry; the biggest real form (a card of runners) is a few KB. */
export const FORM_BODY_LIMIT = 64 * 1024

/**
 * A form post the UI cannot read: too big, not urlencoded, or not UTF-8.
 * `status` is the HTTP status to answer with.
 *
 * @example
 *   throw new FormBodyError(413, 'The form is 70000 bytes; the limit is 65536.')
 */
export class FormBodyError extends Error {
  override name = 'FormBodyError'

  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

/**
 * Reads an `application/x-www-form-urlencoded` request body, refusing
 * anything over `limit` bytes without buffering the rest of it.
 *
 * @example
 *   declare const req: IncomingMessage
 *   const form = await readFormBody(req)
 *   form.get('runner') // 'Dobbin'
 */
export async function readFormBody(req: IncomingMessage, limit = FORM_BODY_LIMIT): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded') {
    throw new FormBodyError(
      415,
      `The form was sent as "${type || 'no content type'}"; this page takes application/x-www-form-urlencoded.`,
    )
  }
  const declared = Number(req.headers['content-length'])
  if (declared > limit) throw new FormBodyError(413, tooBig(declared, limit))
  const body = await readLimited(req, limit)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch (cause) {
    throw new FormBodyError(400, 'The form is not valid UTF-8; send it from the page.', { cause })
  }
  return new URLSearchParams(text)
}

// Listens rather than iterating: leaving a for-await early destroys the request and its socket, and the 413 would never
// arrive.
function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = (): void => {
      req.off('data', onData).off('end', onEnd).off('error', onError)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      stop()
      reject(new FormBodyError(413, tooBig(size, limit)))
    }
    const onEnd = (): void => {
      stop()
      resolve(Buffer.concat(chunks))
    }
    const onError = (error: Error): void => {
      stop()
      reject(error)
    }
    req.on('data', onData).on('end', onEnd).on('error', onError)
  })
}

function tooBig(size: number, limit: number): string {
  return `The form is ${size} bytes or more; the limit is ${limit}. Send fewer lines.`
}
