import type { AliasedName } from '../../core/aliased-name.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import { Money } from '../../core/values/money.ts'
import type { PunterBet } from '../settlement-driver.ts'
import type { TableRow } from './read-table.ts'

/**
 * A row of the "Open bets" or "Settled bets" table as a PunterBet, without
 * its settlements and breakdown (those are in the bet's breakdown group).
 *
 * @example
 *   readBetRow({
 *     Bet: 'b1',
 *     Selections: 'Red Rum at 5/1 in The National (R1)',
 *     Stake: '£10.00',
 *     'Each-way': 'No',
 *     'Total stake': '£10.00',
 *     Status: 'Open',
 *   })
 *   // { betId: 'b1', status: 'open', stake: £10.00, totalStake: £10.00, eachWay: false,
 *   //   legs: [{ race: 'R1', runner: 'Red Rum', price: '5/1' }], settlements: [] }
 */
export function readBetRow(row: TableRow): PunterBet {
  const betId = cell(row, 'Bet')
  const returns = row.Returns ?? ''
  return {
    betId,
    status: readStatus(betId, cell(row, 'Status')),
    stake: readMoney(betId, 'Stake', cell(row, 'Stake')),
    totalStake: readMoney(betId, 'Total stake', cell(row, 'Total stake')),
    eachWay: cell(row, 'Each-way') === 'Yes',
    legs: cell(row, 'Selections')
      .split('\n')
      .map((line) => readLegText(betId, line.trim())),
    ...(returns === '' ? {} : { returns: readMoney(betId, 'Returns', returns) }),
    settlements: [],
  }
}

/**
 * A leg as the Selections column writes it, "runner at price in name (race)".
 * The price never holds a space, so the first " at <price> in " ends the runner.
 *
 * @example
 *   readLegText('b1', 'Red Rum at 5/1 in The 2:30 at Aintree (R1)') // { race: 'R1', runner: 'Red Rum', price: '5/1' }
 *   readLegText('b1', 'Red Rum at SP in R1') // { race: 'R1', runner: 'Red Rum', price: 'SP' }
 */
export function readLegText(betId: string, text: string): PunterBet['legs'][number] {
  const leg = /^(.+?) at (\S+) in (.+)$/.exec(text)
  if (!leg) throw unreadable(betId, 'Selections', text, '"Red Rum at 5/1 in The National (R1)"')
  const [, runner = '', price = '', where = ''] = leg
  // The event's name is shown with its id in brackets; an event the page has no name for is shown by id alone.
  const race = /\(([^()]+)\)$/.exec(where)?.[1] ?? where
  return { race: race as AliasedName, runner, price }
}

/**
 * Money as the page shows it, "£10.00", read exactly.
 *
 * @example
 *   readMoney('b1', 'Stake', '£10.50').pence // 1050
 *   readMoney('b1', 'Stake', 'ten')
 *   // → throws SystemCompromisedError: The "My bets" page shows Stake "ten" for bet b1; …
 */
export function readMoney(betId: string, column: string, text: string): Money {
  try {
    return Money.parse(text)
  } catch (error) {
    throw unreadable(betId, column, text, 'money such as £10.00', error)
  }
}

/**
 * The error for a cell the driver cannot read: the page is not what the ui
 * driver was written against, so the spec cannot be checked.
 *
 * @example
 *   throw unreadable('b1', 'Status', 'Pending', 'Open, Settled or Void')
 *   // The "My bets" page shows Status "Pending" for bet b1; the ui driver reads Open, Settled or Void.
 *   // Has the page changed?
 */
export function unreadable(
  betId: string,
  column: string,
  text: string,
  expected: string,
  cause?: unknown,
): SystemCompromisedError {
  return new SystemCompromisedError(
    `The "My bets" page shows ${column} "${text}" for bet ${betId}; the ui driver reads ${expected}. ` +
      'Has the page changed?',
    { cause },
  )
}

function readStatus(betId: string, text: string): PunterBet['status'] {
  const status = text.toLowerCase()
  if (status === 'open' || status === 'settled' || status === 'void') return status
  throw unreadable(betId, 'Status', text, 'Open, Settled or Void')
}

function cell(row: TableRow, column: string): string {
  const text = row[column]
  if (text !== undefined) return text
  throw new SystemCompromisedError(
    `The "My bets" page has no "${column}" column in its bets table (it has ${Object.keys(row).join(', ')}); ` +
      `the ui driver reads it. Has the page changed?`,
  )
}
