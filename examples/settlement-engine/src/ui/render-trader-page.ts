import type { EventView } from '../engine/engine.ts'
import { checkbox, problemAlert, textArea, textField } from './form-fields.ts'
import type { FormState } from './form-problem.ts'
import { placingsText, stateText } from './format.ts'
import { html, type Html } from './html.ts'
import { renderPage } from './layout.ts'
import { statusRegion } from './notices.ts'
import { eventFormLabels as labels } from './read-trader-forms.ts'
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
${textField({ ...field, name: 'placeFraction', label: labels.placeFraction, hint: 'e.g. 1/5; leave both blank for the standard terms' })}
${textField({ ...field, name: 'places', label: labels.places, hint: 'e.g. 3' })}
</fieldset>
<button type="submit">Create event</button>
</form>
</section>`
}

function eventsSection(events: readonly EventView[]): Html {
  if (events.length === 0)
    return html`<section aria-labelledby="events-heading"><h2 id="events-heading">Events</h2><p>No events yet.</p></section>`
  return html`<section aria-labelledby="events-heading">
<h2 id="events-heading">Events</h2>
<table aria-labelledby="events-heading">
<thead><tr><th scope="col">Event</th><th scope="col">Name</th><th scope="col">State</th><th scope="col">Running</th><th scope="col">Withdrawn</th><th scope="col">Result</th><th scope="col">Result version</th><th scope="col">Bets</th></tr></thead>
<tbody>
${events.map(eventRow)}
</tbody>
</table>
</section>`
}

function eventRow(event: EventView): Html {
  const withdrawn = event.runners.filter((runner) => runner.withdrawn).map((runner) => runner.name)
  return html`<tr><th scope="row"><a href="${eventPath(event.id)}">${event.id}</a></th><td>${event.name}</td><td>${stateText(event.status)}</td><td>${event.runners.length - withdrawn.length}</td><td>${withdrawn.join(', ')}</td><td>${event.result ? placingsText(event.result.placings) : ''}</td><td>${event.result ? String(event.result.version) : ''}</td><td>${event.bets}</td></tr>
`
}
