import type { BreakdownLeg, PunterBet } from '../settlement-driver.ts'
import { readMoney, unreadable } from './read-bet-row.ts'
import type { ReadTable, TableRow } from './read-table.ts'

const results = new Set(['won', 'placed', 'lost', 'non-runner', 'void race', 'no place terms'])

/**
 * A bet's settlements and breakdown from the tables of its "Breakdown of bet
 * {id}" group: "Settlements of bet {id}" (oldest first), then "Win part" and
 * "Place part", one row per leg in the bet's order. No part tables, no breakdown.
 *
 * @example
 *   import { readTables } from './read-table.ts'
 *   declare const bet: PunterBet, group: import('playwright').Locator
 *   const { settlements, breakdown } = readBreakdown(bet, await readTables(group.getByRole('table')))
 *   settlements.map(String) // ['£82.50', '£22.50'] after an amended result
 */
export function readBreakdown(
  bet: PunterBet,
  tables: readonly ReadTable[],
): Pick<PunterBet, 'settlements' | 'breakdown'> {
  const captioned = (caption: string) =>
    tables.find((table) => table.caption === `${caption} of bet ${bet.betId}`)?.rows
  const settlements = (captioned('Settlements') ?? []).map((row) =>
    readMoney(bet.betId, 'settlement Returns', row.Returns ?? ''),
  )
  const parts = (['win', 'place'] as const).flatMap((part) =>
    (captioned(part === 'win' ? 'Win part' : 'Place part') ?? []).map((row) => readBreakdownRow(bet, part, row)),
  )
  return parts.length === 0 ? { settlements } : { settlements, breakdown: parts }
}

/**
 * One leg row of a part table: "Red Rum in R1 | 5/1 | Placed | 2nd, dead heat of 2 |
 * 5/1 | 1/4 the odds, 3 places | 1/2 | 25p in the £ (Crisp) | …". A dead-heat
 * factor of 1 and a Rule 4 deduction of "None" are left out, as the interface asks.
 *
 * @example
 *   declare const bet: PunterBet
 *   const row = {
 *     Leg: 'Red Rum in R1',
 *     Result: 'Placed',
 *     Finish: '2nd, dead heat of 2',
 *     'Place terms': '1/4 the odds, 3 places',
 *     'Dead-heat factor': '1/2',
 *     'Rule 4 deduction': '25p in the £ (Crisp)',
 *   }
 *   readBreakdownRow(bet, 'place', row)
 *   // → { part: 'place', runner: 'Red Rum', result: 'placed', position: 2, placeTerms: '1/4', deadHeat: '1/2',
 *   //     rule4Pence: 25 }
 */
export function readBreakdownRow(bet: PunterBet, part: BreakdownLeg['part'], row: TableRow): BreakdownLeg {
  const leg = row.Leg ?? ''
  const runner =
    bet.legs.find((l) => `${l.runner} in ${l.race}` === leg)?.runner ??
    leg.slice(0, Math.max(0, leg.lastIndexOf(' in ')))
  const resultText = row.Result ?? ''
  const result = resultText.replace(/: void leg$/, '').toLowerCase()
  if (!results.has(result)) throw unreadable(bet.betId, 'Result', resultText, 'Won, Placed, Lost or a void leg')
  const finish = row.Finish ?? ''
  const terms = row['Place terms'] ?? ''
  const deadHeat = row['Dead-heat factor'] ?? ''
  const rule4 = row['Rule 4 deduction'] ?? ''
  return {
    part,
    runner,
    result,
    ...(finish === ''
      ? {}
      : {
          position: Number(
            matched(bet.betId, 'Finish', finish, /^(\d+)(?:st|nd|rd|th)\b/, '"2nd" or "1st, dead heat of 2"'),
          ),
        }),
    ...(terms === ''
      ? {}
      : { placeTerms: matched(bet.betId, 'Place terms', terms, /^(\d+\/\d+) the odds\b/, '"1/4 the odds, 3 places"') }),
    ...(deadHeat === '' || deadHeat === '1' ? {} : { deadHeat }),
    ...(rule4 === '' || rule4 === 'None'
      ? {}
      : {
          rule4Pence: Number(
            matched(bet.betId, 'Rule 4 deduction', rule4, /^(\d+)p in the £/, '"25p in the £ (runner)" or "None"'),
          ),
        }),
  }
}

function matched(betId: string, column: string, text: string, pattern: RegExp, expected: string): string {
  const found = pattern.exec(text)?.[1]
  if (found === undefined) throw unreadable(betId, column, text, expected)
  return found
}
