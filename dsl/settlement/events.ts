import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { dslMethod, type InputOf } from '../core/params/dsl-method.ts'
import { group } from '../core/params/group.ts'
import { alias, boolean, integer, odds, string } from '../core/params/param-kinds.ts'
import { defaultRaceName } from './default-field.ts'
import { raceId } from './race-id.ts'
import { raceFor, scheduleRace } from './schedule-race.ts'
import type { SettlementSession } from './settlement-session.ts'

const raceParams = {
  race: alias({ ...raceId, default: defaultRaceName }),
  runners: string({ repeated: true, optional: true }),
  fieldSize: integer({ optional: true }),
  handicap: boolean({ default: 'no' }),
}

const schedule = dslMethod('schedule', raceParams)
const scheduleAll = dslMethod('scheduleAll', { races: group({ ...raceParams, race: alias(raceId) }) })
const withdraw = dslMethod('withdraw', {
  runner: string(),
  price: odds(),
  late: boolean({ default: 'no' }),
  race: alias({ ...raceId, optional: true }),
})
const expectDeduction = dslMethod('expectDeduction', { runner: string(), pence: integer() })

/**
 * The trader's side of a race card: races scheduled, runners withdrawn.
 *
 * @example
 *   declare const events: Events
 *   await events.schedule({ fieldSize: 8, handicap: 'yes' }) // "the race": Red Rum, Crisp, … 8 runners
 *   await events.withdraw({ runner: 'Crisp', price: '3/1' })
 */
export class Events {
  private readonly deductions = new Map<string, number>()

  constructor(private readonly session: SettlementSession) {}

  /**
   * Schedules a race: by default "the race", with 8 runners, not a handicap.
   * Named runners come first; default runners fill the field.
   *
   * @example
   *   declare const events: Events
   *   await events.schedule({ race: 'the 2:30 at Aintree', runners: ['Red Rum', 'Crisp'] }) // a field of 2
   *   await events.schedule({ fieldSize: 16, handicap: true })
   */
  async schedule(input: InputOf<typeof schedule>): Promise<void> {
    const { race, runners, fieldSize, handicap } = schedule.parse(input, { aliases: this.session.aliases })
    await scheduleRace(this.session, schedule.name, { race, runners, fieldSize, handicap })
  }

  /**
   * Schedules several races, one per row or group, each as `schedule` does.
   *
   * @example
   *   import type { DataTable } from '@cucumber/cucumber'
   *   declare const events: Events, table: DataTable
   *   await events.scheduleAll(table) // | race | runners | with "Red Rum, Crisp" in a runners cell
   *   const races = [{ race: 'the 2:00', runners: 'Red Rum, Crisp' }, { race: 'the 2:30', fieldSize: 5 }]
   *   await events.scheduleAll({ races })
   */
  async scheduleAll(input: InputOf<typeof scheduleAll>): Promise<void> {
    const { races } = scheduleAll.parse(input, { aliases: this.session.aliases })
    for (const { race, runners, fieldSize, handicap } of races)
      await scheduleRace(this.session, scheduleAll.name, { race, runners, fieldSize, handicap })
  }

  /**
   * Withdraws a runner at its price when withdrawn, which sets the Rule 4
   * deduction; `late` when no new market is formed (SP bets are deducted too).
   *
   * @example
   *   declare const events: Events
   *   await events.withdraw({ runner: 'Crisp', price: '3/1' }) // 25p in the pound
   *   await events.withdraw({ runner: 'Crisp', price: '1/2', late: true })
   */
  async withdraw(input: InputOf<typeof withdraw>): Promise<void> {
    const { runner, price, late, race } = withdraw.parse(input, { aliases: this.session.aliases })
    if (price.kind === 'starting-price') {
      throw new ConfigurationError(
        `withdraw: ${runner} is withdrawn before the off, so has no starting price; give the price it was at ` +
          `when withdrawn, e.g. 3/1`,
      )
    }
    const scheduled = await raceFor(this.session, withdraw.name, [runner], race)
    const { rule4Pence } = await this.session.driver.withdrawRunner({ race: scheduled.race, runner, price, late })
    scheduled.withdrawn.add(runner)
    this.deductions.set(runner, rule4Pence)
  }

  /**
   * The Rule 4 deduction the system said a withdrawal brings, in pence in the pound.
   *
   * @example
   *   declare const events: Events
   *   events.expectDeduction({ runner: 'Crisp', pence: 25 })
   *   // AssertionFailedError: expectDeduction: Crisp's withdrawal brings a deduction of 20p in the pound; expected 25p
   */
  expectDeduction(input: InputOf<typeof expectDeduction>): void {
    const { runner, pence } = expectDeduction.parse(input)
    const actual = this.deductions.get(runner)
    if (actual === undefined)
      throw new ConfigurationError(
        `expectDeduction: ${runner} has not been withdrawn in this scenario; withdraw it first`,
      )
    if (actual !== pence)
      throw new AssertionFailedError(
        `expectDeduction: ${runner}'s withdrawal brings a deduction of ${actual}p in the pound; expected ${pence}p`,
      )
  }
}
