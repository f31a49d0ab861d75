import type { BetView, EventSummary, SettlementView } from '../engine/engine.ts'
import type { Breakdown, LegBreakdown, PartBreakdown } from '../rules/index.ts'
import { exactPenceText, penceText, pounds } from './format.ts'
import { html, type Html } from './html.ts'

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
  return html`<p>Returns: ${rounded}${exact === rounded ? '' : `, the exact total ${exact} rounded down to the penny`}.</p>`
}

function partTable(bet: string, part: PartBreakdown): Html {
  const name = part.part === 'win' ? 'Win part' : 'Place part'
  return html`<table>
<caption>${name} of bet ${bet}</caption>
<thead><tr><th scope="col">Leg</th><th scope="col">Price taken</th><th scope="col">Result</th><th scope="col">Finish</th><th scope="col">Odds paid</th><th scope="col">Place terms</th><th scope="col">Dead-heat factor</th><th scope="col">Rule 4 deduction</th><th scope="col">Factor</th></tr></thead>
<tbody>${part.legs.map(legRow)}</tbody>
<tfoot><tr><th scope="row" colspan="8">${penceText(part.stakePence)} stake × every leg's factor</th><td>${exactPenceText(part.exactReturnsPence)}</td></tr></tfoot>
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
  return html`<tr><th scope="row">${leg.runner} in ${leg.event}</th><td>${leg.price}</td><td>${resultText(leg)}</td><td>${finishText(leg)}</td><td>${leg.odds ?? ''}</td><td>${terms}</td><td>${leg.deadHeatFactor ?? ''}</td><td>${rule4}</td><td>${leg.factor}</td></tr>`
}

function historyTable(bet: string, history: readonly SettlementView[]): Html | '' {
  if (history.length === 0) return ''
  return html`<table>
<caption>Settlements of bet ${bet}</caption>
<thead><tr><th scope="col">Settlement</th><th scope="col">Event</th><th scope="col">Result version</th><th scope="col">Status</th><th scope="col" class="money">Returns</th></tr></thead>
<tbody>${history.map(
    (settlement, index) =>
      html`<tr><th scope="row">${index === 0 ? 'First' : 'Resettled'}</th><td>${settlement.event}</td><td>${settlement.resultVersion}${settlement.resultVersion > 1 ? ' (amended)' : ''}</td><td>${settlement.status === 'void' ? 'Void' : 'Settled'}</td><td class="money">${pounds(settlement.returns)}</td></tr>`,
  )}</tbody>
</table>`
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
