import type { ServerResponse } from 'node:http'

/**
 * Answers with a JSON body.
 *
 * @example
 *   declare const res: ServerResponse
 *   sendJson(res, 201, { id: 'b1', status: 'open', totalStake: '10.00' })
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}

/**
 * Answers with the API's error body: `{"error":{"code","message","field"?}}`.
 *
 * @example
 *   declare const res: ServerResponse
 *   sendError(res, 404, 'bet-not-found', 'no bet has id "b9"; ids are as POST /bets answered them')
 */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  field?: string,
  headers?: Record<string, string>,
): void {
  sendJson(res, status, { error: field === undefined ? { code, message } : { code, message, field } }, headers)
}
