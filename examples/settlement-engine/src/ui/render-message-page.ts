import { html, type Html } from './html.ts'
import { renderPage, type Section } from './layout.ts'

/**
 * A page that only says what went wrong and where to go next: an unknown
 * event, a form the UI could not read. The message is an alert.
 *
 * @example
 *   renderMessagePage({
 *     title: 'No such event',
 *     section: 'trader',
 *     message: 'No event has id "R9".',
 *     next: { href: '/trader', text: 'All events' },
 *   })
 */
export function renderMessagePage(parts: {
  title: string
  section: Section
  message: string
  next: { href: string; text: string }
}): Html {
  const content = html`<div role="alert" class="alert"><p>${parts.message}</p></div>
<p><a href="${parts.next.href}">${parts.next.text}</a></p>`
  return renderPage({ title: parts.title, section: parts.section, content })
}
