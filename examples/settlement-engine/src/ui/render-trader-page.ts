import type { EventView } from '../engine/engine.ts'
import { checkbox, problemAlert, textArea, textField } from './form-fields.ts'
import type { FormState } from './form-problem.ts'
import { placingsText, stateText } from './format.ts'
import { html, type Html } from './html.ts'
import { renderPage } from './layout.ts'
import { statusRegion } from './notices.ts'
import { eventFormLabels as labels } from './read-trader-forms.ts'
import { cell, tableHead, tableRow } from './table-parts.ts'
import { eventPath } from './ui-routes.ts'

/**
 * What the trader's page shows: every event in full, the query (for a
 * confirmation) and a refused "Create an event" form.
 *
 * @example
 *   declare const engine: import('../engine/engine.ts').Engine
 *   renderTraderPage({
 *     events: engine.listEvents().flatMap((e) => engine.getEvent(e.id) ?? []),
 *     query: new URLSearchParams('done=created&event=R1'),
 *   })
 */
export interface TraderPageParts {
  events: readonly EventView[]
  query?: URLSearchParams
  eventForm?: FormState
}

/**
 * The trader's page: a confirmation if one is due, the "Create an event"
 * form, and the "Events" table with each event's state, withdrawn runners
 * and current result, linking to the event's own page.
 *
 * @example
 *   import { sendPage } from './send-page.ts'
 *   declare const res: import('node:http').ServerResponse, events: EventView[], url: URL
 *   sendPage(res, 200, renderTraderPage({ events, query: url.searchParams }))
 */
export function renderTraderPage({ events, query, eventForm }: TraderPageParts): Html {
  const content = html`${query ? statusRegion(query) : ''}
${createEventForm(eventForm)}
${eventsSection(events)}`
  return renderPage({ title: 'Trader', section: 'trader', content })
}

function createEventForm(state: FormState | undefined): Html {
  const field = { form: 'event', state }
  return html`<section aria-labelledby="create-event-heading">
<h2 id="create-event-heading">Create an event</h2>
<form method="post" action="/trader/events" aria-labelledby="create-event-heading" novalidate>
${problemAlert('Event refused', 'event', state?.problem, labels)}
${textField({ ...field, name: 'id', label: labels.id, hint: 'Unique, e.g. R1' })}
${textField({ ...field, name: 'name', label: labels.name, hint: 'e.g. 3:45 Aintree' })}
${checkbox({ ...field, name: 'handicap', label: labels.handicap })}
${textArea({ ...field, name: 'runners', label: labels.runners, hint: 'One runner per line', rows: 6 })}
<fieldset>
<legend>Place terms (optional)</legend>
${textField({
  ...field,
  name: 'placeFraction',
  label: labels.placeFraction,
  hint: 'e.g. 1/5; leave both blank for the standard terms',
})}
${textField({ ...field, name: 'places', label: labels.places, hint: 'e.g. 3' })}
</fieldset>
<button type="submit">Create event</button>
</form>
</section>`
}

function eventsSection(events: readonly EventView[]): Html {
  const heading = html`<h2 id="events-heading">Events</h2>`
  if (events.length === 0)
    return html`<section aria-labelledby="events-heading">${heading}<p>No events yet.</p></section>`
  return html`<section aria-labelledby="events-heading">
${heading}
<table aria-labelledby="events-heading">
${tableHead(['Event', 'Name', 'State', 'Running', 'Withdrawn', 'Result', 'Result version', 'Bets'])}
<tbody>
${events.map(eventRow)}
</tbody>
</table>
</section>`
}

function eventRow(event: EventView): Html {
  const withdrawn = event.runners.filter((runner) => runner.withdrawn).map((runner) => runner.name)
  const row = tableRow(html`<a href="${eventPath(event.id)}">${event.id}</a>`, [
    cell(event.name),
    cell(stateText(event.status)),
    cell(event.runners.length - withdrawn.length),
    cell(withdrawn.join(', ')),
    cell(event.result ? placingsText(event.result.placings) : ''),
    cell(event.result ? String(event.result.version) : ''),
    cell(event.bets),
  ])
  return html`${row}\n`
}
