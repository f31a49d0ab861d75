import type { ServerResponse } from 'node:http'
import type { Html } from './html.ts'

// The pages need no script: a CSP that forbids it makes any escaping slip inert.
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'same-origin',
}

/**
 * Answers with a page; HEAD gets the headers only.
 *
 * @example
 *   import { renderTraderPage } from './render-trader-page.ts'
 *   declare const res: ServerResponse, events: import('../engine/engine.ts').EventView[], form: URLSearchParams
 *   sendPage(
 *     res,
 *     422,
 *     renderTraderPage({
 *       events,
 *       eventForm: { values: form, problem: { field: 'id', message: 'R1 already exists' } },
 *     }),
 *   )
 */
export function sendPage(
  res: ServerResponse,
  status: number,
  page: Html,
  options: { head?: boolean; headers?: Record<string, string> } = {},
): void {
  const body = page.markup
  res.writeHead(status, { ...HEADERS, 'content-length': Buffer.byteLength(body), ...options.headers })
  res.end(options.head ? undefined : body)
}

/**
 * Sends the browser on after a form post (303, so it follows with a GET).
 *
 * @example
 *   declare const res: ServerResponse
 *   redirect(res, '/trader?done=created&event=R1')
 */
export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'cache-control': 'no-store', 'content-length': 0 })
  res.end()
}
