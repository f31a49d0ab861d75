import type { IncomingMessage, ServerResponse } from 'node:http'
import { DaemonApiError } from './daemon-api-error.ts'

const MAX_BODY_BYTES = 1024 * 1024

/**
 * Answers with a JSON body and a trailing newline, as Docker's API does.
 *
 * @example
 *   declare const response: ServerResponse
 *   sendJson(response, 201, { Id: '3f4e', Warnings: [] })
 *   sendJson(response, 404, { message: 'No such container: web-9' })
 */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' })
  response.end(`${JSON.stringify(body)}\n`)
}

/**
 * Answers with no body: 204 after an action, 304 when nothing changed, 202 when accepted.
 *
 * @example
 *   declare const response: ServerResponse
 *   sendEmpty(response, 204)
 *   sendEmpty(response, 304) // start of a running container
 */
export function sendEmpty(response: ServerResponse, status: number): void {
  response.writeHead(status)
  response.end()
}

/**
 * Reads the request body as text, up to 1 MiB.
 *
 * @example
 *   declare const request: IncomingMessage
 *   const body = await readBody(request) // '{"Image":"nginx"}'
 *   JSON.parse(body)
 */
export async function readBody(request: IncomingMessage): Promise<string> {
  let body = ''
  for await (const chunk of request) {
    body += String(chunk)
    if (body.length > MAX_BODY_BYTES)
      throw new DaemonApiError(413, `request body too large: send at most ${MAX_BODY_BYTES} bytes`)
  }
  return body
}

/**
 * Reads a whole-number query parameter within bounds; `fallback` when absent.
 *
 * @example
 *   intParam(new URL('http://d/containers/web-1/stop'), 't', 10, 0, 3600) // 10 without ?t=
 *   intParam(new URL('http://d/?t=x'), 't', 10, 0, 3600) // throws DaemonApiError 400
 */
export function intParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DaemonApiError(
      400,
      `invalid value for ${name}: ${JSON.stringify(raw)}; send a whole number from ${min} to ${max}`,
    )
  }
  return value
}
