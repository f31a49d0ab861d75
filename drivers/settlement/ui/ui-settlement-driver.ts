import type { Page } from 'playwright'
import type { AliasedName } from '../../core/aliased-name.ts'
import { openBrowserSession } from '../../core/browser-pool.ts'
import type { DriverContext } from '../../core/driver-context.ts'
import { AssertionFailedError } from '../../core/errors/assertion-failed-error.ts'
import { NotApplicableError } from '../../core/errors/not-applicable-error.ts'
import { SystemCompromisedError } from '../../core/errors/system-compromised-error.ts'
import type {
  BetOutcome,
  BetSlip,
  PunterBet,
  RaceCard,
  RaceResult,
  SettlementDriver,
  Withdrawal,
} from '../settlement-driver.ts'
import { EventPage } from './event-page.ts'
import { MyBetsPage } from './my-bets-page.ts'
import type { FormAnswer } from './submit-form.ts'
import { TraderPage } from './trader-page.ts'

/**
 * The settlement engine through its web UI, in Chromium, as a trader and a
 * punter would use it: every action through a form, every figure read off a
 * page, everything found by role and label. One browser context per
 * scenario, opened on first use (closed, with a screenshot on failure, when
 * the scenario ends).
 *
 * @example
 *   declare const ctx: DriverContext, card: RaceCard, slip: BetSlip
 *   const driver = new UiSettlementDriver(ctx) // ctx.systemUrl('SETTLEMENT_URL') is the engine
 *   await driver.scheduleRace(card); const outcome = await driver.placeBet(slip)
 */
export class UiSettlementDriver implements SettlementDriver {
  private readonly baseUrl: string
  private session: Promise<Page> | undefined

  constructor(private readonly ctx: DriverContext) {
    this.baseUrl = ctx.systemUrl('SETTLEMENT_URL')
  }

  async scheduleRace(card: RaceCard): Promise<void> {
    const answer = await new TraderPage(await this.page()).createEvent(card)
    expectAccepted(answer, 'scheduleRace', `the trader's page refused to create race ${card.race}`)
  }

  async withdrawRunner(withdrawal: Withdrawal): Promise<{ rule4Pence: number }> {
    const event = new EventPage(await this.page(), withdrawal.race)
    expectAccepted(
      await event.withdraw(withdrawal),
      'withdrawRunner',
      `the page of race ${withdrawal.race} refused to withdraw ${withdrawal.runner}`,
    )
    return { rule4Pence: await event.rule4Of(withdrawal.runner) }
  }

  async placeBet(slip: BetSlip): Promise<BetOutcome> {
    const myBets = new MyBetsPage(await this.page(), slip.punter)
    const answer = await myBets.placeBet(slip)
    if (!answer.accepted) return { taken: false, reason: answer.reason }
    const betId = /^Bet (\S+) placed\.$/.exec(answer.confirmation)?.[1]
    if (betId === undefined)
      throw new SystemCompromisedError(
        `placeBet: the "My bets" page confirmed "${answer.confirmation}"; the ui driver reads "Bet b1 ` +
          `placed.". Has the page changed?`,
      )
    return { taken: true, betId, totalStake: await myBets.totalStakeOf(betId) }
  }

  async declareResult(result: RaceResult): Promise<void> {
    this.checkPlacingsExpressible('declareResult', result)
    const answer = await new EventPage(await this.page(), result.race).sendResult(result, 'declare')
    expectAccepted(answer, 'declareResult', `the page of race ${result.race} refused the result`)
  }

  async amendResult(result: RaceResult): Promise<void> {
    this.checkPlacingsExpressible('amendResult', result)
    const answer = await new EventPage(await this.page(), result.race).sendResult(result, 'amend')
    expectAccepted(answer, 'amendResult', `the page of race ${result.race} refused the amended result`)
  }

  async voidRace(race: AliasedName): Promise<void> {
    expectAccepted(
      await new EventPage(await this.page(), race).voidRace(),
      'voidRace',
      `the page of race ${race} refused to void it`,
    )
  }

  async betsOf(punter: AliasedName): Promise<PunterBet[]> {
    return new MyBetsPage(await this.page(), punter).readBets()
  }

  private page(): Promise<Page> {
    this.session ??= openBrowserSession(this.ctx, { baseUrl: this.baseUrl }).then((session) => session.page)
    return this.session
  }

  // The Placings box puts a dead heat on one line as "A, B", so it cannot name a runner with a comma.
  private checkPlacingsExpressible(operation: string, result: RaceResult): void {
    const runner = result.placings.flat().find((name) => name.includes(','))
    if (runner !== undefined) {
      throw new NotApplicableError(
        this.ctx.channel,
        operation,
        `the Placings box separates dead-heated runners with commas, so it cannot name the runner "${runner}"`,
      )
    }
  }
}

function expectAccepted(answer: FormAnswer, operation: string, refused: string): void {
  if (!answer.accepted)
    throw new AssertionFailedError(
      `${operation}: ${refused}: "${answer.alert}". The step expected the page to accept it.`,
    )
}
