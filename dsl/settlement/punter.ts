import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { Money } from '../../drivers/core/values/money.ts'
import type { BreakdownLeg, PunterBet } from '../../drivers/settlement/index.ts'
import { dslMethod, type InputOf } from '../core/params/dsl-method.ts'
import { group } from '../core/params/group.ts'
import { alias, integer, money, oneOf, string } from '../core/params/param-kinds.ts'
import type { PlacedBet } from './bet-book.ts'
import { checkedColumns, formatRows, rowDifferences, type Row } from './row-table.ts'
import type { SettlementSession } from './settlement-session.ts'
import { settledTimes, shownBets } from './shown-bets.ts'

const bets = dslMethod('bets', { punter: alias() })
const expectReturns = dslMethod('expectReturns', {
  punter: alias({ optional: true }),
  bet: alias({ optional: true }),
  returns: money(),
})
const expectSettlements = dslMethod('expectSettlements', {
  bet: alias(),
  settlements: money({ repeated: true, optional: true }),
})
const expectBets = dslMethod('expectBets', {
  punter: alias(),
  bets: group(
    {
      bet: alias(),
      status: oneOf(['open', 'settled', 'void'], { optional: true }),
      stake: money({ optional: true }),
      returns: money({ optional: true }),
    },
    { optional: true },
  ),
})
const expectBreakdown = dslMethod('expectBreakdown', {
  bet: alias(),
  legs: group({
    part: oneOf(['win', 'place']),
    runner: string(),
    result: string({ optional: true }),
    position: integer({ optional: true }),
    'place-terms': string({ optional: true }),
    'dead-heat': string({ optional: true }),
    'rule-4': money({ optional: true }),
  }),
})
const betColumns = ['bet', 'status', 'stake', 'returns']
const legColumns = ['part', 'runner', 'result', 'position', 'place-terms', 'dead-heat', 'rule-4']

/**
 * What a punter sees of their bets: open and settled, what each returned,
 * every settlement of it, and how its returns were worked out.
 *
 * @example
 *   import type { DataTableLike } from '../core/params/parsed-args.ts'
 *   declare const punter: Punter, dataTable: DataTableLike
 *   await punter.expectReturns({ punter: 'Alice', returns: '£35.00' })
 *   await punter.expectBets({ punter: 'Alice', bets: dataTable }) // | bet | status | stake | returns |
 */
export class Punter {
  constructor(private readonly session: SettlementSession) {}

  /**
   * The punter's bets as the system shows them, newest first.
   *
   * @example
   *   declare const punter: Punter
   *   const shown = await punter.bets({ punter: 'Alice' })
   *   shown[0]?.returns?.toString() // '£35.00'
   */
  async bets(input: InputOf<typeof bets>): Promise<PunterBet[]> {
    const { punter } = bets.parse(input, { aliases: this.session.aliases })
    return this.session.driver.betsOf(punter)
  }

  /**
   * The bet returned `returns`; or, given a punter, all the punter's bets the
   * system took together did — each of them settled.
   *
   * @example
   *   declare const punter: Punter
   *   await punter.expectReturns({ punter: 'Alice', returns: '£35.00' })
   *   // AssertionFailedError: expectReturns: Alice was paid £30.00; expected £35.00
   */
  async expectReturns(input: InputOf<typeof expectReturns>): Promise<void> {
    const { punter, bet, returns } = expectReturns.parse(input, { aliases: this.session.aliases })
    let placed: PlacedBet[]
    if (bet !== undefined) placed = [this.session.bets.named(expectReturns.name, this.session.specName(bet))]
    else if (punter !== undefined) placed = this.session.bets.of(punter).filter((one) => one.outcome.taken)
    else throw new ConfigurationError('expectReturns: say whose returns: give a punter, or a bet')
    if (placed.length === 0)
      throw new ConfigurationError(
        `expectReturns: ${this.session.specName(punter!)} has no bet the system took in this scenario; place one first`,
      )
    const shown = await shownBets(this.session, expectReturns.name, placed)
    let paid = Money.zero
    for (const { placed, bet } of shown) {
      if (bet.returns === undefined)
        throw new AssertionFailedError(
          `expectReturns: ${placed.name} is still ${bet.status}; expected it to be settled`,
        )
      paid = paid.plus(bet.returns)
    }
    if (paid.equals(returns)) return
    const who = bet !== undefined ? `${placed[0]!.name} returned` : `${placed[0]!.punterName} was paid`
    const each = shown.length > 1 ? shown.map(({ placed, bet }) => `\n  ${placed.name}: ${bet.returns}`).join('') : ''
    throw new AssertionFailedError(`expectReturns: ${who} ${paid}; expected ${returns}${each}`)
  }

  /**
   * Every settlement of the bet, oldest first: one per result that changed
   * what it returns (two after an amended result), none while it is open.
   *
   * @example
   *   declare const punter: Punter
   *   await punter.expectSettlements({ bet: "Alice's bet", settlements: ['£35.00', '£0.00'] })
   *   // AssertionFailedError: expectSettlements: Alice's bet has been settled once: £35.00;
   *   //   expected twice: £35.00, £0.00
   */
  async expectSettlements(input: InputOf<typeof expectSettlements>): Promise<void> {
    const { bet, settlements } = expectSettlements.parse(input, { aliases: this.session.aliases })
    const placed = this.session.bets.named(expectSettlements.name, this.session.specName(bet))
    const [shown] = await shownBets(this.session, expectSettlements.name, [placed])
    const seen = shown!.bet.settlements.map(String)
    const expected = settlements.map(String)
    if (seen.join() !== expected.join())
      throw new AssertionFailedError(
        `expectSettlements: ${placed.name} has been settled ${settledTimes(seen)}; expected ${settledTimes(expected)}`,
      )
  }

  /**
   * The punter is shown exactly these bets, open and settled, each with the
   * columns the spec gives (an empty cell: nothing there, e.g. no returns yet).
   *
   * @example
   *   import type { DataTableLike } from '../core/params/parsed-args.ts'
   *   declare const punter: Punter, dataTable: DataTableLike
   *   await punter.expectBets({ punter: 'Alice', bets: dataTable }) // | bet | status | stake | returns |
   *   await punter.expectBets({
   *     punter: 'Alice',
   *     bets: [{ bet: "Alice's bet", status: 'settled', returns: '£35.00' }],
   *   })
   */
  async expectBets(input: InputOf<typeof expectBets>): Promise<void> {
    const args = expectBets.parse(input, { aliases: this.session.aliases })
    const names = this.session.bets.takenBy(args.punter)
    const actual = (await this.session.driver.betsOf(args.punter)).map((bet) =>
      betRow(names.get(bet.betId) ?? `bet ${bet.betId}`, bet),
    )
    const expected = args.bets.map(
      (row): Row => ({
        bet: this.session.specName(row.bet),
        status: row.status,
        stake: row.stake?.toString(),
        returns: row.returns?.toString(),
      }),
    )
    const columns = checkedColumns(expected, betColumns)
    const problems = expected.flatMap((row) => {
      const seen = actual.find((shown) => shown.bet === row.bet)
      return seen
        ? rowDifferences(row, seen, columns).map((difference) => `${row.bet}: ${difference}`)
        : [`${row.bet} is not shown`]
    })
    for (const shown of actual)
      if (!expected.some((row) => row.bet === shown.bet))
        problems.push(`${shown.bet} is shown, but the spec does not expect it`)
    if (problems.length === 0) return
    const punterName = this.session.specName(args.punter)
    throw new AssertionFailedError(
      `expectBets: ${punterName}'s bets differ from the spec's:\n  ${problems.join('\n  ')}\n${punterName} is ` +
        `shown:\n${formatRows(betColumns, actual)}`,
    )
  }

  /**
   * How the bet's returns were worked out, part by part (win, then place)
   * and leg by leg, in the columns the spec gives.
   *
   * @example
   *   import type { DataTableLike } from '../core/params/parsed-args.ts'
   *   declare const punter: Punter, dataTable: DataTableLike
   *   await punter.expectBreakdown({ bet: "Alice's bet", legs: dataTable })
   *   // → | part | runner | result | position | place-terms | dead-heat | rule-4 |
   *   await punter.expectBreakdown({ bet: "Alice's bet", legs: [{ part: 'win', runner: 'Red Rum', result: 'won' }] })
   */
  async expectBreakdown(input: InputOf<typeof expectBreakdown>): Promise<void> {
    const args = expectBreakdown.parse(input, { aliases: this.session.aliases })
    const placed = this.session.bets.named(expectBreakdown.name, this.session.specName(args.bet))
    const [shown] = await shownBets(this.session, expectBreakdown.name, [placed], { breakdown: true })
    const { breakdown, status } = shown!.bet
    if (!breakdown) {
      const channel = this.session.world.driverContext.channel
      throw new AssertionFailedError(
        `expectBreakdown: ${placed.name} is ${status}, but the ${channel} channel gave no breakdown of it when ` +
          `asked for one; a channel that cannot show breakdowns must say so with NotApplicableError`,
      )
    }
    const actual = breakdown.map(legRow)
    const expected = args.legs.map(
      (leg): Row => ({
        part: leg.part,
        runner: leg.runner,
        result: leg.result,
        position: leg.position?.toString(),
        'place-terms': leg['place-terms'],
        'dead-heat': leg['dead-heat'],
        'rule-4': leg['rule-4'] && `${leg['rule-4'].pence}p`,
      }),
    )
    const columns = checkedColumns(expected, legColumns)
    const problems = expected.flatMap((row, i) => {
      const seen = actual[i]
      const differences = seen ? rowDifferences(row, seen, columns) : ['the system shows no such row']
      return differences.map((difference) => `row ${i + 1} (${row.part} ${row.runner}): ${difference}`)
    })
    if (actual.length > expected.length)
      problems.push(
        `the system shows ${actual.length - expected.length} more ` +
          `row${actual.length - expected.length === 1 ? '' : 's'}`,
      )
    if (problems.length === 0) return
    throw new AssertionFailedError(
      `expectBreakdown: the breakdown of ${placed.name} differs from the spec's:\n  ` +
        `${problems.join('\n  ')}\nThe system shows:\n${formatRows(legColumns, actual)}`,
    )
  }
}

function betRow(name: string, bet: PunterBet): Row {
  return { bet: name, status: bet.status, stake: bet.stake.toString(), returns: bet.returns?.toString() }
}

function legRow(leg: BreakdownLeg): Row {
  return {
    part: leg.part,
    runner: leg.runner,
    result: leg.result,
    position: leg.position?.toString(),
    'place-terms': leg.placeTerms,
    'dead-heat': leg.deadHeat,
    'rule-4': leg.rule4Pence === undefined ? undefined : `${leg.rule4Pence}p`,
  }
}
