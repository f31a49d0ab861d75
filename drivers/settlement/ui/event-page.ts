import type { Page } from 'playwright'
import { AssertionFailedError } from '../../core/errors/assertion-failed-error.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import type { RaceResult, Withdrawal } from '../settlement-driver.ts'
import { showPage } from './open-page.ts'
import { readTable } from './read-table.ts'
import { submitForm, type FormAnswer } from './submit-form.ts'

/**
 * An event's trader page, `/trader/events/{id}`: its withdrawals with their
 * Rule 4 deductions, and the forms to withdraw a runner, declare or amend
 * the result and void the race.
 *
 * @example
 *   declare const page: Page, withdrawal: Withdrawal
 *   const event = new EventPage(page, withdrawal.race)
 *   await event.withdraw(withdrawal); await event.rule4Of('Crisp') // 25
 */
export class EventPage {
  private readonly path: string

  constructor(
    private readonly page: Page,
    private readonly race: string,
  ) {
    this.path = `/trader/events/${encodeURIComponent(race)}`
  }

  /**
   * Sends "Withdraw a runner" with the runner's price and whether it is late.
   *
   * @example
   *   import { Odds } from '../../core/values/odds.ts'
   *   declare const event: EventPage, race: import('../../core/aliased-name.ts').AliasedName
   *   const answer = await event.withdraw({ race, runner: 'Crisp', price: Odds.parse('3/1'), late: false })
   *   answer.accepted // true: "Crisp withdrawn from R1."
   */
  async withdraw(withdrawal: Withdrawal): Promise<FormAnswer> {
    await showPage(this.page, this.path)
    const form = this.page.getByRole('form', { name: 'Withdraw a runner', exact: true })
    await form.getByLabel('Runner', { exact: true }).fill(withdrawal.runner)
    await form.getByLabel('Price at withdrawal', { exact: true }).fill(withdrawal.price.toString())
    await form.getByLabel('Late withdrawal', { exact: true }).setChecked(withdrawal.late)
    return submitForm(this.page, form, 'Withdraw runner')
  }

  /**
   * The Rule 4 deduction the Withdrawals table shows for a withdrawn runner,
   * in pence in the pound ("25p in the £" is 25).
   *
   * @example
   *   declare const event: EventPage, crispAt3To1: Withdrawal
   *   await event.withdraw(crispAt3To1)
   *   await event.rule4Of('Crisp') // 25
   */
  async rule4Of(runner: string): Promise<number> {
    const rows = await readTable(this.page.getByRole('table', { name: 'Withdrawals', exact: true }))
    const deduction = rows.find((row) => row.Runner === runner)?.['Rule 4 deduction']
    const pence = /^(\d+)p in the £$/.exec(deduction ?? '')?.[1]
    if (pence !== undefined) return Number(pence)
    const shown =
      deduction === undefined
        ? `no row for "${runner}" (rows: ${rows.map((row) => row.Runner).join(', ')})`
        : `"${deduction}" for "${runner}"`
    throw new SystemCompromisedError(
      `The Withdrawals table of ${this.race} shows ${shown}; the ui driver reads a deduction such as "25p in ` +
        `the £". Has the page changed?`,
    )
  }

  /**
   * Sends the result form: "Declare the result" for a race without one,
   * "Amend the result" (pre-filled with the current one, replaced) for a race
   * with one. Placings one finishing group a line, a dead heat "A, B".
   *
   * @example
   *   declare const event: EventPage, result: RaceResult, amended: RaceResult
   *   await event.sendResult(result, 'declare')
   *   await event.sendResult(amended, 'amend')
   */
  async sendResult(result: RaceResult, intent: 'declare' | 'amend'): Promise<FormAnswer> {
    await showPage(this.page, this.path)
    const heading = intent === 'declare' ? 'Declare the result' : 'Amend the result'
    const form = this.page.getByRole('form', { name: heading, exact: true })
    if ((await form.count()) === 0) {
      const why =
        intent === 'declare'
          ? 'already has a result, so its page offers "Amend the result" instead'
          : 'has no result to amend, so its page offers "Declare the result" instead'
      throw new AssertionFailedError(
        `${intent === 'declare' ? 'declareResult' : 'amendResult'}: race ${this.race} ${why}. Check the ` +
          `scenario's earlier steps.`,
      )
    }
    await form.getByLabel('Placings', { exact: true }).fill(result.placings.map((group) => group.join(', ')).join('\n'))
    await form
      .getByLabel('Starting prices', { exact: true })
      .fill([...result.startingPrices].map(([runner, price]) => `${runner}: ${price}`).join('\n'))
    return submitForm(this.page, form, intent === 'declare' ? 'Declare result' : 'Amend result')
  }

  /**
   * Sends "Void the race".
   *
   * @example
   *   declare const event: EventPage
   *   const answer = await event.voidRace()
   *   answer.accepted // true: "R1 declared void."
   */
  async voidRace(): Promise<FormAnswer> {
    await showPage(this.page, this.path)
    return submitForm(this.page, this.page.getByRole('form', { name: 'Void the race', exact: true }), 'Void race')
  }
}
