import type { Page } from 'playwright'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import type { Money } from '../../core/values/money.ts'
import type { BetSlip, PunterBet } from '../settlement-driver.ts'
import { openPage, showPage } from './open-page.ts'
import { readBetRow, readMoney } from './read-bet-row.ts'
import { readBreakdown } from './read-breakdown.ts'
import { readTable, readTables } from './read-table.ts'
import { submitForm, type FormAnswer } from './submit-form.ts'

const betsTables = /^(Open bets|Settled bets)$/
const breakdownGroups = /^Breakdown of bet /
const breakdownSummary = /^Breakdown of bet \S+$/

/**
 * A punter's "My bets" page, `/customers/{punter}`: the "Place a bet" form,
 * the "Open bets" and "Settled bets" tables, and each bet's breakdown.
 *
 * @example
 *   declare const page: Page, slip: BetSlip
 *   const myBets = new MyBetsPage(page, slip.punter)
 *   await myBets.placeBet(slip); await myBets.readBets()
 */
export class MyBetsPage {
  private readonly path: string

  constructor(
    private readonly page: Page,
    punter: string,
  ) {
    this.path = `/customers/${encodeURIComponent(punter)}`
  }

  /**
   * Fills in and sends "Place a bet": the first leg in the Selection group,
   * any others in "More legs" as "race, runner, price" lines; a price as
   * written when the slip has one. Every field is filled, as a refused form
   * comes back with what was typed.
   *
   * @example
   *   declare const myBets: MyBetsPage, slip: BetSlip, onShergar: BetSlip
   *   await myBets.placeBet(slip) // { accepted: true, confirmation: 'Bet b1 placed.' }
   *   await myBets.placeBet(onShergar)
   *   // → { accepted: false, alert: 'Bet refused. Runner: "Shergar" is not …', reason: '"Shergar" is not …' }
   */
  async placeBet(slip: BetSlip): Promise<FormAnswer> {
    await showPage(this.page, this.path)
    const [first, ...more] = slip.legs
    const form = this.page.getByRole('form', { name: 'Place a bet', exact: true })
    const selection = form.getByRole('group', { name: 'Selection', exact: true })
    await form.getByLabel('Customer', { exact: true }).fill(slip.punter)
    await selection.getByLabel('Event', { exact: true }).fill(first?.race ?? '')
    await selection.getByLabel('Runner', { exact: true }).fill(first?.runner ?? '')
    await selection.getByLabel('Price', { exact: true }).fill(first === undefined ? '' : priceText(first))
    await form
      .getByLabel('More legs', { exact: true })
      .fill(more.map((leg) => `${leg.race}, ${leg.runner}, ${priceText(leg)}`).join('\n'))
    // The form takes pounds, "10.00"; Money shows "£10.00".
    await form.getByLabel('Stake', { exact: true }).fill(slip.stake.toWire())
    await form.getByLabel('Each-way', { exact: true }).setChecked(slip.eachWay)
    return submitForm(this.page, form, 'Place bet')
  }

  /**
   * The total stake the "Open bets" table shows for a bet on the page as it is.
   *
   * @example
   *   declare const myBets: MyBetsPage, tenPoundsEachWay: BetSlip
   *   await myBets.placeBet(tenPoundsEachWay)
   *   String(await myBets.totalStakeOf('b1')) // '£20.00'
   */
  async totalStakeOf(betId: string): Promise<Money> {
    const rows = await readTable(this.page.getByRole('table', { name: 'Open bets', exact: true }))
    const total = rows.find((row) => row.Bet === betId)?.['Total stake']
    if (total === undefined)
      throw new SystemCompromisedError(
        `Bet ${betId} was placed, but the "Open bets" table does not list it (it lists ` +
          `${rows.map((row) => row.Bet).join(', ') || 'none'}).`,
      )
    return readMoney(betId, 'Total stake', total)
  }

  /**
   * Every bet on the page, freshly loaded, newest first: both tables, and
   * each bet's breakdown group opened and read.
   *
   * @example
   *   declare const myBets: MyBetsPage
   *   const [newest] = await myBets.readBets()
   *   newest?.settlements.map(String) // ['£82.50', '£22.50']
   */
  async readBets(): Promise<PunterBet[]> {
    await openPage(this.page, this.path)
    const rows = (await readTables(this.page.getByRole('table', { name: betsTables }))).flatMap((table) => table.rows)
    const groups = this.page.getByRole('group', { name: breakdownGroups })
    // Opened as a person would: a closed <details> hides its tables from the accessibility tree.
    for (const group of await groups.all()) await group.getByText(breakdownSummary).click()
    const breakdowns = await readTables(groups.getByRole('table'))
    return newestFirst(rows.map(readBetRow).map((bet) => ({ ...bet, ...readBreakdown(bet, breakdowns) })))
  }
}

// A price that is not odds at all is typed as the punter wrote it, for the engine to refuse in its own words.
function priceText(leg: BetSlip['legs'][number]): string {
  return leg.priceAsWritten ?? leg.price.toString()
}

// The page lists open bets, then settled ones, each newest first. The engine numbers the ids it gives
// in the order bets are placed (b1, b2, …), so those merge the two lists; other ids keep the page's order.
function newestFirst(bets: PunterBet[]): PunterBet[] {
  const numbers = bets.map((bet) => /^b(\d+)$/.exec(bet.betId)?.[1])
  if (numbers.some((n) => n === undefined)) return bets
  return bets
    .map((bet, index) => ({ bet, n: Number(numbers[index]) }))
    .sort((a, b) => b.n - a.n)
    .map(({ bet }) => bet)
}
