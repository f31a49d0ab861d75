import type { AliasedName } from '../../drivers/core/aliased-name.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { dslMethod, type InputOf } from '../core/params/dsl-method.ts'
import { group } from '../core/params/group.ts'
import { alias, integer, odds, string } from '../core/params/param-kinds.ts'
import { placingsOf, type Finisher } from './finishers.ts'
import { ordinal } from './ordinal.ts'
import { raceId } from './race-id.ts'
import { raceFor } from './schedule-race.ts'
import type { SettlementSession } from './settlement-session.ts'

const resultParams = {
  race: alias({ ...raceId, optional: true }),
  finishers: group({ position: integer(), runner: string(), sp: odds({ optional: true }) }),
}
const declare = dslMethod('declare', resultParams)
const amend = dslMethod('amend', resultParams)
const finish = dslMethod('finish', {
  runner: string(),
  position: integer({ default: '1' }),
  sp: odds({ optional: true }),
  race: alias({ ...raceId, optional: true }),
})
const voidRace = dslMethod('void', { race: alias({ ...raceId, optional: true }) })

/**
 * The judge's and the stewards' side: results declared, amended after an
 * enquiry, races declared void.
 *
 * @example
 *   declare const results: Results
 *   await results.finish({ runner: 'Red Rum' }) // Red Rum wins the race he is in
 *   await results.amend({ finishers: [{ position: 1, runner: 'Crisp' }, { position: 2, runner: 'Red Rum' }] })
 */
export class Results {
  constructor(private readonly session: SettlementSession) {}

  /**
   * Declares the result of the race the finishers ran in: positions from 1,
   * a shared position a dead heat, `sp` the starting price where SP bets need it.
   *
   * @example
   *   import type { DataTable } from '@cucumber/cucumber'
   *   declare const results: Results, table: DataTable
   *   await results.declare({ finishers: [{ position: 1, runner: 'Red Rum', sp: '9/2' }] })
   *   await results.declare(table) // | position | runner | sp |, two runners at 1 for a dead heat
   */
  async declare(input: InputOf<typeof declare>): Promise<void> {
    const { race, finishers } = declare.parse(input, { aliases: this.session.aliases })
    await this.decide(declare.name, finishers, race)
  }

  /**
   * Declares a result in which the runner finishes at `position` (default:
   * wins), the places ahead of it taken by other runners of its race in card order.
   *
   * @example
   *   declare const results: Results
   *   await results.finish({ runner: 'Red Rum', sp: '9/2' }) // Red Rum wins at an SP of 9/2
   *   await results.finish({ runner: 'Aldaniti', position: 3 }) // Red Rum 1st, Crisp 2nd, Aldaniti 3rd
   */
  async finish(input: InputOf<typeof finish>): Promise<void> {
    const { runner, position, sp, race } = finish.parse(input, { aliases: this.session.aliases })
    const scheduled = await raceFor(this.session, finish.name, [runner], race)
    const ahead = scheduled.runners
      .filter((other) => other !== runner && !scheduled.withdrawn.has(other))
      .slice(0, position - 1)
    if (position < 1 || ahead.length < position - 1) {
      throw new ConfigurationError(
        `finish: ${runner} cannot finish ${ordinal(position)} in "${scheduled.name}", which has ` +
          `${ahead.length + 1} runners under orders`,
      )
    }
    await this.decide(
      finish.name,
      [...ahead.map((other, i) => ({ position: i + 1, runner: other, sp: undefined })), { position, runner, sp }],
      scheduled.race,
    )
  }

  /**
   * Amends a declared result, as after a stewards' enquiry: bets whose
   * returns change are settled again.
   *
   * @example
   *   declare const results: Results
   *   await results.amend({ finishers: [{ position: 1, runner: 'Crisp' }, { position: 2, runner: 'Red Rum' }] })
   *   // ConfigurationError: amend: "the race" has no result to amend; declare its result first
   */
  async amend(input: InputOf<typeof amend>): Promise<void> {
    const { race, finishers } = amend.parse(input, { aliases: this.session.aliases })
    await this.decide(amend.name, finishers, race)
  }

  /**
   * Declares a race void (by default the scenario's only race): every bet on
   * it has that leg void, and bets settled on its result are settled again.
   *
   * @example
   *   declare const results: Results
   *   await results.void({ race: 'the 2:30 at Aintree' })
   *   await results.void({})
   */
  async void(input: InputOf<typeof voidRace>): Promise<void> {
    const { race } = voidRace.parse(input, { aliases: this.session.aliases })
    const scheduled = await raceFor(this.session, voidRace.name, [], race)
    await this.session.driver.voidRace(scheduled.race)
    scheduled.resulted = false
  }

  private async decide(method: string, finishers: readonly Finisher[], race: AliasedName | undefined): Promise<void> {
    const result = placingsOf(method, finishers)
    const scheduled = await raceFor(this.session, method, result.placings.flat(), race)
    if (method === amend.name && !scheduled.resulted)
      throw new ConfigurationError(`amend: "${scheduled.name}" has no result to amend; declare its result first`)
    // A result given again for a resulted race, the same or not, is the driver's amendResult.
    if (scheduled.resulted) await this.session.driver.amendResult({ race: scheduled.race, ...result })
    else await this.session.driver.declareResult({ race: scheduled.race, ...result })
    scheduled.resulted = true
  }
}
