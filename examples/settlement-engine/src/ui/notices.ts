// After a POST the browser is redirected (post/redirect/get); what happened
// travels in the query as a code and ids, never as free text, so a crafted
// link cannot put words in the page's mouth.
import { html, type Html } from './html.ts'

/** Something the user just did, to confirm on the page they land on. */
export type Notice =
  | { done: 'placed'; bet: string }
  | { done: 'created'; event: string }
  | { done: 'withdrawn'; event: string; runner: string }
  | { done: 'declared' | 'amended'; event: string; version: string }
  | { done: 'voided'; event: string }

/**
 * The query string that carries a notice across the redirect.
 *
 * @example
 *   noticeQuery({ done: 'withdrawn', event: 'R1', runner: 'Red Rum' }) // '?done=withdrawn&event=R1&runner=Red+Rum'
 */
export function noticeQuery(notice: Notice): string {
  return `?${new URLSearchParams(notice as unknown as Record<string, string>)}`
}

/**
 * The confirmation a query asks for, in words; undefined when it carries none.
 *
 * @example
 *   noticeText(new URLSearchParams('done=placed&bet=B7')) // 'Bet B7 placed.'
 */
export function noticeText(query: URLSearchParams): string | undefined {
  const get = (name: string) => query.get(name) ?? ''
  switch (query.get('done')) {
    case 'placed':
      return `Bet ${get('bet')} placed.`
    case 'created':
      return `Event ${get('event')} created.`
    case 'withdrawn':
      return `${get('runner')} withdrawn from ${get('event')}.`
    case 'declared':
      return `Result of ${get('event')} declared (version ${get('version')}).`
    case 'amended':
      return `Result of ${get('event')} amended (version ${get('version')}).`
    case 'voided':
      return `${get('event')} declared void.`
    default:
      return undefined
  }
}

/**
 * The `role="status"` region confirming what the user just did, or nothing.
 *
 * @example
 *   statusRegion(new URLSearchParams('done=created&event=R1')) // <p role="status" class="status">Event R1 created.</p>
 */
export function statusRegion(query: URLSearchParams): Html | '' {
  const text = noticeText(query)
  return text === undefined ? '' : html`<p role="status" class="status">${text}</p>`
}
