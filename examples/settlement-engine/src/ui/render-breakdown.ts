import type { BetView, EventSummary, SettlementView } from '../engine/engine.ts'
import type { Breakdown, LegBreakdown, PartBreakdown } from '../rules/index.ts'
import { exactPenceText, penceText, pounds } from './format.ts'
import { html, type Html } from './html.ts'
import { cell, moneyCell, tableHead, tableRow } from './table-parts.ts'

/**
 * A bet's breakdown, folded in a `<details>` "Breakdown of bet B1": per part
 * (win, then place) each leg's result, finish, odds, place terms, dead-heat
 * factor, Rule 4 deduction and factor; the void legs; the returns exact and
 * rounded; and every settlement, amended results included. Nothing for a bet
 * with neither breakdown nor settlements.
 *
 * @example
 *   declare const engine: import('../engine/engine.ts').Engine
 *   renderBreakdown(engine.getBet('B1')!, engine.listEvents())
 */
export function renderBreakdown(bet: BetView, events: readonly EventSummary[]): Html | '' {
  const breakdown = isBreakdown(bet.breakdown) ? bet.breakdown : undefined
  const voidEvents = new Set(events.filter((event) => event.status === 'void').map((event) => event.id))
  const voidLegs = breakdown
    ? voidLegsOf(breakdown)
    : bet.legs.filter((leg) => voidEvents.has(leg.event)).map((leg) => `${leg.runner} in ${leg.event} (void race)`)
  if (!breakdown && bet.history.length === 0 && voidLegs.length === 0) return ''
  // Named, so a driver finds the group by role; its content is hidden until the summary is clicked.
  return html`<details aria-label="Breakdown of bet ${bet.id}">
<summary>Breakdown of bet ${bet.id}</summary>
${breakdown ? breakdown.parts.map((part) => partTable(bet.id, part)) : ''}
${voidLegs.length === 0 ? '' : html`<p>Void legs: ${voidLegs.join('; ')}.</p>`}
${breakdown ? returnsLine(breakdown) : ''}
${historyTable(bet.id, bet.history)}
</details>`
}

function returnsLine(breakdown: Breakdown): Html {
  const exact = exactPenceText(breakdown.exactReturnsPence)
  const rounded = penceText(breakdown.returnsPence)
  const unrounded = exact === rounded ? '' : `, the exact total ${exact} rounded down to the penny`
  return html`<p>Returns: ${rounded}${unrounded}.</p>`
}

const LEG_COLUMNS = [
  'Leg',
  'Price taken',
  'Result',
  'Finish',
  'Odds paid',
  'Place terms',
  'Dead-heat factor',
  'Rule 4 deduction',
  'Factor',
]

function partTable(bet: string, part: PartBreakdown): Html {
  const name = part.part === 'win' ? 'Win part' : 'Place part'
  const stake = html`<th scope="row" colspan="8">${penceText(part.stakePence)} stake × every leg's factor</th>`
  return html`<table>
<caption>${name} of bet ${bet}</caption>
${tableHead(LEG_COLUMNS)}
<tbody>${part.legs.map(legRow)}</tbody>
<tfoot><tr>${stake}${cell(exactPenceText(part.exactReturnsPence))}</tr></tfoot>
</table>`
}

function legRow(leg: LegBreakdown): Html {
  const terms = leg.placeFraction === undefined ? '' : `${leg.placeFraction} the odds, ${leg.places ?? '?'} places`
  const rule4 =
    leg.rule4Pence === undefined
      ? ''
      : leg.rule4Pence === 0
        ? 'None'
        : `${leg.rule4Pence}p in the £ (${(leg.rule4Withdrawals ?? []).join(', ')})`
  return tableRow(`${leg.runner} in ${leg.event}`, [
    cell(leg.price),
    cell(resultText(leg)),
    cell(finishText(leg)),
    cell(leg.odds ?? ''),
    cell(terms),
    cell(leg.deadHeatFactor ?? ''),
    cell(rule4),
    cell(leg.factor),
  ])
}

function historyTable(bet: string, history: readonly SettlementView[]): Html | '' {
  if (history.length === 0) return ''
  return html`<table>
<caption>Settlements of bet ${bet}</caption>
${tableHead(['Settlement', 'Event', 'Result version', 'Status', { text: 'Returns', money: true }])}
<tbody>${history.map(settlementRow)}</tbody>
</table>`
}

function settlementRow(settlement: SettlementView, index: number): Html {
  const amended = settlement.resultVersion > 1 ? ' (amended)' : ''
  return tableRow(index === 0 ? 'First' : 'Resettled', [
    cell(settlement.event),
    cell(`${settlement.resultVersion}${amended}`),
    cell(settlement.status === 'void' ? 'Void' : 'Settled'),
    moneyCell(pounds(settlement.returns)),
  ])
}

function resultText(leg: LegBreakdown): string {
  const voids = leg.result === 'non-runner' || leg.result === 'void race' || leg.result === 'no place terms'
  return `${leg.result.charAt(0).toUpperCase()}${leg.result.slice(1)}${voids ? ': void leg' : ''}`
}

function finishText(leg: LegBreakdown): string {
  if (leg.position === undefined) return ''
  return `${ordinal(leg.position)}${leg.deadHeatWith === undefined ? '' : `, dead heat of ${leg.deadHeatWith}`}`
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th')
  return `${n}${suffix}`
}

function voidLegsOf(breakdown: Breakdown): string[] {
  const seen = new Set<string>()
  for (const part of breakdown.parts) {
    for (const leg of part.legs) {
      // "No place terms" voids only the place part; the leg itself stands.
      if (leg.result === 'non-runner' || leg.result === 'void race')
        seen.add(`${leg.runner} in ${leg.event} (${leg.result})`)
    }
  }
  return [...seen]
}

// The engine's view types the breakdown as unknown (it is the rules' plain data); check its shape before reading it.
function isBreakdown(value: unknown): value is Breakdown {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { parts?: unknown }).parts) &&
    typeof (value as { returnsPence?: unknown }).returnsPence === 'number'
  )
}
