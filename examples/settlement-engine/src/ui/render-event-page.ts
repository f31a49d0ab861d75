import type { EventView, ResultView, RunnerView, WithdrawalView } from '../engine/engine.ts'
import { stateText } from './format.ts'
import { html, type Html } from './html.ts'
import { renderPage } from './layout.ts'
import { statusRegion } from './notices.ts'
import { renderEventForms, type EventFormState } from './render-event-forms.ts'
import { cell, tableHead, tableRow } from './table-parts.ts'

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
${tableHead(['Runner', 'Status', 'Starting price'])}
<tbody>${event.runners.map((runner) => runnerRow(event, runner))}</tbody>
</table>
${withdrawalsTable(event)}
</section>
${resultSection(event.result)}
${renderEventForms(event, refused)}`
  return renderPage({ title: `Event ${event.id}: ${event.name}`, section: 'trader', content })
}

function runnerRow(event: EventView, runner: RunnerView): Html {
  const startingPrice = event.result?.startingPrices[runner.name] ?? ''
  return tableRow(runner.name, [cell(runner.withdrawn ? 'Withdrawn' : 'Running'), cell(startingPrice)])
}

function withdrawalsTable(event: EventView): Html | '' {
  if (event.withdrawals.length === 0) return ''
  return html`<table>
<caption>Withdrawals</caption>
${tableHead(['Runner', 'Price', 'Late', 'Rule 4 deduction'])}
<tbody>${event.withdrawals.map(withdrawalRow)}</tbody>
</table>`
}

function withdrawalRow(withdrawal: WithdrawalView): Html {
  const { runner, price, late, deduction } = withdrawal
  return tableRow(runner, [cell(price), cell(late ? 'Yes' : 'No'), cell(`${deduction}p in the £`)])
}

function resultSection(result: ResultView | undefined): Html {
  const heading = html`<h2 id="result-now-heading">Current result</h2>`
  if (!result) return html`<section aria-labelledby="result-now-heading">${heading}<p>No result yet.</p></section>`
  let position = 1
  const rows = result.placings.map((group) => {
    const deadHeat = group.length > 1
    const row = tableRow(`${position}${deadHeat ? '=' : ''}`, [
      cell(group.join(', ')),
      cell(deadHeat ? `Dead heat of ${group.length}` : ''),
    ])
    position += group.length
    return row
  })
  return html`<section aria-labelledby="result-now-heading">
${heading}
<table>
<caption>Result, version ${result.version}${result.version > 1 ? ' (amended)' : ''}</caption>
${tableHead(['Position', 'Runners', 'Note'])}
<tbody>${rows}</tbody>
</table>
</section>`
}
