import type { EventView, ResultView } from '../engine/engine.ts'
import { stateText } from './format.ts'
import { html, type Html } from './html.ts'
import { renderPage } from './layout.ts'
import { statusRegion } from './notices.ts'
import { renderEventForms, type EventFormState } from './render-event-forms.ts'

/**
 * What an event's trader page shows: the event, the query (for a
 * confirmation) and a refused form.
 *
 * @example
 *   declare const engine: import('../engine/engine.ts').Engine, url: URL
 *   renderEventPage({ event: engine.getEvent('R1')!, query: url.searchParams })
 */
export interface EventPageParts {
  event: EventView
  query?: URLSearchParams
  refused?: EventFormState
}

/**
 * An event's trader page, titled "Event R1: name": its details, runners,
 * withdrawals with their Rule 4 deductions, the current result and version,
 * then the forms to withdraw a runner, declare or amend the result and void the race.
 *
 * @example
 *   import { sendPage } from './send-page.ts'
 *   declare const res: import('node:http').ServerResponse, event: EventView, url: URL
 *   sendPage(res, 200, renderEventPage({ event, query: url.searchParams }))
 */
export function renderEventPage({ event, query, refused }: EventPageParts): Html {
  const terms =
    event.placeTerms === null
      ? 'None: each-way bets are settled win only'
      : `${event.placeTerms.fraction} the odds, ${event.placeTerms.places} places`
  const content = html`<p><a href="/trader">All events</a></p>
${query ? statusRegion(query) : ''}
<section aria-labelledby="details-heading">
<h2 id="details-heading">Event details</h2>
<dl>
<dt>State</dt><dd>${stateText(event.status)}</dd>
<dt>Handicap</dt><dd>${event.handicap ? 'Yes' : 'No'}</dd>
<dt>Place terms</dt><dd>${terms}</dd>
<dt>Bets</dt><dd>${event.bets}</dd>
</dl>
<table>
<caption>Runners</caption>
<thead><tr><th scope="col">Runner</th><th scope="col">Status</th><th scope="col">Starting price</th></tr></thead>
<tbody>${event.runners.map((runner) => html`<tr><th scope="row">${runner.name}</th><td>${runner.withdrawn ? 'Withdrawn' : 'Running'}</td><td>${event.result?.startingPrices[runner.name] ?? ''}</td></tr>`)}</tbody>
</table>
${withdrawalsTable(event)}
</section>
${resultSection(event.result)}
${renderEventForms(event, refused)}`
  return renderPage({ title: `Event ${event.id}: ${event.name}`, section: 'trader', content })
}

function withdrawalsTable(event: EventView): Html | '' {
  if (event.withdrawals.length === 0) return ''
  return html`<table>
<caption>Withdrawals</caption>
<thead><tr><th scope="col">Runner</th><th scope="col">Price</th><th scope="col">Late</th><th scope="col">Rule 4 deduction</th></tr></thead>
<tbody>${event.withdrawals.map((w) => html`<tr><th scope="row">${w.runner}</th><td>${w.price}</td><td>${w.late ? 'Yes' : 'No'}</td><td>${w.deduction}p in the £</td></tr>`)}</tbody>
</table>`
}

function resultSection(result: ResultView | undefined): Html {
  if (!result)
    return html`<section aria-labelledby="result-now-heading"><h2 id="result-now-heading">Current result</h2><p>No result yet.</p></section>`
  let position = 1
  const rows = result.placings.map((group) => {
    const row = html`<tr><th scope="row">${position}${group.length > 1 ? '=' : ''}</th><td>${group.join(', ')}</td><td>${group.length > 1 ? `Dead heat of ${group.length}` : ''}</td></tr>`
    position += group.length
    return row
  })
  return html`<section aria-labelledby="result-now-heading">
<h2 id="result-now-heading">Current result</h2>
<table>
<caption>Result, version ${result.version}${result.version > 1 ? ' (amended)' : ''}</caption>
<thead><tr><th scope="col">Position</th><th scope="col">Runners</th><th scope="col">Note</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</section>`
}
