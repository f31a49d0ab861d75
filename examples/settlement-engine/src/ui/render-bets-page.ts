import type { BetView, EventSummary } from '../engine/engine.ts'
import { legText, pounds, stateText } from './format.ts'
import type { FormState } from './form-problem.ts'
import { html, type Html } from './html.ts'
import { renderPage } from './layout.ts'
import { statusRegion } from './notices.ts'
import { renderBetForm } from './render-bet-form.ts'
import { renderBreakdown } from './render-breakdown.ts'
import { cell, type Column, moneyCell, tableHead, tableRow } from './table-parts.ts'

/**
 * What the "My bets" page shows: whose bets, the events (for names and the
 * bet form's suggestions), the query (for a confirmation) and a refused bet form.
 *
 * @example
 *   declare const engine: import('../engine/engine.ts').Engine
 *   renderBetsPage({
 *     customer: 'alice',
 *     bets: engine.customerBets('alice') ?? [],
 *     events: engine.listEvents(),
 *     query: new URLSearchParams('done=placed&bet=B1'),
 *   })
 */
export interface BetsPageParts {
  customer: string
  bets: readonly BetView[]
  events: readonly EventSummary[]
  query?: URLSearchParams
  betForm?: FormState
}

/**
 * The punter's "My bets" page: a confirmation if one is due, the "Place a
 * bet" form, then "Open bets" and "Settled bets" tables, each settled bet
 * with a breakdown of its returns.
 *
 * @example
 *   import { sendPage } from './send-page.ts'
 *   declare const res: import('node:http').ServerResponse, url: URL, bets: BetView[], events: EventSummary[]
 *   sendPage(res, 200, renderBetsPage({ customer: 'alice', bets, events, query: url.searchParams }))
 */
export function renderBetsPage({ customer, bets, events, query, betForm }: BetsPageParts): Html {
  const names = new Map(events.map((event) => [event.id, event.name]))
  const open = bets.filter((bet) => bet.status === 'open')
  const settled = bets.filter((bet) => bet.status !== 'open')
  const content = html`<p>Bets of <strong>${customer}</strong>. <a href="/">Not you?</a></p>
${query ? statusRegion(query) : ''}
${renderBetForm(customer, events, betForm)}
${betsSection('open-bets', 'Open bets', 'No open bets.', open, names, events, false)}
${betsSection('settled-bets', 'Settled bets', 'No settled bets yet.', settled, names, events, true)}`
  return renderPage({ title: 'My bets', section: 'punter', content })
}

const BET_COLUMNS: readonly Column[] = [
  'Bet',
  'Selections',
  { text: 'Stake', money: true },
  'Each-way',
  { text: 'Total stake', money: true },
  'Status',
]

function betsSection(
  id: string,
  title: string,
  none: string,
  bets: readonly BetView[],
  names: ReadonlyMap<string, string>,
  events: readonly EventSummary[],
  withReturns: boolean,
): Html {
  if (bets.length === 0)
    return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2><p>${none}</p></section>`
  const columns: readonly Column[] = withReturns ? [...BET_COLUMNS, { text: 'Returns', money: true }] : BET_COLUMNS
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
<table aria-labelledby="${id}">
${tableHead(columns)}
${bets.map((bet) => betRows(bet, names, events, columns.length, withReturns))}
</table>
</section>`
}

function betRows(
  bet: BetView,
  names: ReadonlyMap<string, string>,
  events: readonly EventSummary[],
  columns: number,
  withReturns: boolean,
): Html {
  const breakdown = renderBreakdown(bet, events)
  const row = tableRow(bet.id, [
    cell(html`<ul class="legs">${bet.legs.map((leg) => html`<li>${legText(leg, names)}</li>`)}</ul>`),
    moneyCell(pounds(bet.stake)),
    cell(bet.eachWay ? 'Yes' : 'No'),
    moneyCell(pounds(bet.totalStake)),
    cell(stateText(bet.status)),
    withReturns ? moneyCell(bet.returns === undefined ? '' : pounds(bet.returns)) : '',
  ])
  return html`<tbody>
${row}
${breakdown === '' ? '' : html`<tr><td colspan="${columns}">${breakdown}</td></tr>`}
</tbody>`
}
