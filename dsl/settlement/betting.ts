import type { AliasedName } from '../../drivers/core/aliased-name.ts'
import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import type { Money } from '../../drivers/core/values/money.ts'
import { Odds } from '../../drivers/core/values/odds.ts'
import type { BetSlip } from '../../drivers/settlement/index.ts'
import { dslMethod, type InputOf } from '../core/params/dsl-method.ts'
import { group } from '../core/params/group.ts'
import { alias, boolean, money, odds, string } from '../core/params/param-kinds.ts'
import type { PlacedBet } from './bet-book.ts'
import { raceId } from './race-id.ts'
import { raceFor } from './schedule-race.ts'
import type { SettlementSession } from './settlement-session.ts'

const defaultPrice = '2/1'
const slipParams = {
  punter: alias(),
  stake: money({ default: '£10' }),
  eachWay: boolean({ default: 'no' }),
  bet: alias({ optional: true }),
}

const placeBet = dslMethod('placeBet', {
  ...slipParams,
  runner: string(),
  price: odds({ default: defaultPrice }),
  race: alias({ ...raceId, optional: true }),
})
const placeMultiple = dslMethod('placeMultiple', {
  ...slipParams,
  legs: group({ runner: string(), price: odds({ default: defaultPrice }), race: alias({ ...raceId, optional: true }) }),
})
// The price is text here: a bet with malformed odds must reach the system, which says what is wrong.
const tryToPlaceBet = dslMethod('tryToPlaceBet', {
  ...slipParams,
  runner: string(),
  price: string({ default: defaultPrice }),
  race: alias({ ...raceId, optional: true }),
})
const expectRefused = dslMethod('expectRefused', { bet: alias({ optional: true }), because: string() })

/**
 * The punter's side of the counter: bets handed in, taken or refused.
 *
 * @example
 *   declare const betting: Betting
 *   await betting.placeBet({ punter: 'Alice', runner: 'Red Rum', price: '5/2' }) // £10 to win, "Alice's bet"
 *   await betting.placeMultiple({ punter: 'Alice', stake: '£1', legs: [{ runner: 'Red Rum' }, { runner: 'Arkle' }] })
 */
export class Betting {
  constructor(private readonly session: SettlementSession) {}

  /**
   * A single the system must take: £10 to win at 2/1 unless the spec says
   * otherwise, on the race the runner is in.
   *
   * @example
   *   declare const betting: Betting
   *   await betting.placeBet({ punter: 'Alice', runner: 'Red Rum', price: 'SP', eachWay: 'yes' })
   *   // AssertionFailedError: placeBet: Alice's bet was refused: "Shergar" is not a runner in event "the race"; …
   */
  async placeBet(input: InputOf<typeof placeBet>): Promise<void> {
    const args = placeBet.parse(input, { aliases: this.session.aliases })
    const name = this.betName(placeBet.name, args, 'bet')
    const race = await raceFor(this.session, placeBet.name, [args.runner], args.race)
    await this.handIn(placeBet.name, args, name, [{ race: race.race, runner: args.runner, price: args.price }], {
      mustBeTaken: true,
    })
  }

  /**
   * A double, treble or accumulator the system must take: each leg on the
   * race its runner is in; "Alice's double" unless named.
   *
   * @example
   *   import type { DataTable } from '@cucumber/cucumber'
   *   declare const betting: Betting, dataTable: DataTable
   *   const legs = [{ runner: 'Red Rum', price: '4/1' }, { runner: 'Arkle' }]
   *   await betting.placeMultiple({ punter: 'Alice', stake: '£1', eachWay: true, legs })
   *   await betting.placeMultiple(dataTable) // | punter | stake | runner | price | with a row per leg
   */
  async placeMultiple(input: InputOf<typeof placeMultiple>): Promise<void> {
    const args = placeMultiple.parse(input, { aliases: this.session.aliases })
    if (args.legs.length < 2)
      throw new ConfigurationError(
        `placeMultiple: a multiple has 2 or more legs, but this one has ${args.legs.length}; place a single ` +
          `with placeBet`,
      )
    const name = this.betName(placeMultiple.name, args, multipleKind(args.legs.length))
    const legs = []
    for (const leg of args.legs)
      legs.push({
        race: (await raceFor(this.session, placeMultiple.name, [leg.runner], leg.race)).race,
        runner: leg.runner,
        price: leg.price,
      })
    await this.handIn(placeMultiple.name, args, name, legs, { mustBeTaken: true })
  }

  /**
   * A single the system may refuse: the refusal is kept for `expectRefused`.
   * The price is passed on as written, so malformed odds reach the system.
   *
   * @example
   *   declare const betting: Betting
   *   await betting.tryToPlaceBet({ punter: 'Alice', runner: 'Red Rum', price: '5-1' })
   *   betting.expectRefused({ because: 'write fractional odds with a slash' })
   */
  async tryToPlaceBet(input: InputOf<typeof tryToPlaceBet>): Promise<void> {
    const args = tryToPlaceBet.parse(input, { aliases: this.session.aliases })
    const name = this.betName(tryToPlaceBet.name, args, 'bet')
    const race = await raceFor(this.session, tryToPlaceBet.name, [args.runner], args.race)
    await this.handIn(
      tryToPlaceBet.name,
      args,
      name,
      [{ race: race.race, runner: args.runner, ...priceAsWritten(args.price) }],
      { mustBeTaken: false },
    )
  }

  /**
   * The bet (by default the latest) was refused, for a reason that says
   * `because` — compared in the spec's names, ignoring case and quotes.
   *
   * @example
   *   declare const betting: Betting
   *   betting.expectRefused({ because: 'Shergar is not a runner' })
   *   // AssertionFailedError: expectRefused: Alice's bet was taken (bet b7);
   *   //   expected it to be refused because Shergar is not a runner
   */
  expectRefused(input: InputOf<typeof expectRefused>): void {
    const { bet, because } = expectRefused.parse(input, { aliases: this.session.aliases })
    const placed =
      bet === undefined
        ? this.session.bets.latest()
        : this.session.bets.named(expectRefused.name, this.session.specName(bet))
    if (!placed)
      throw new ConfigurationError(
        'expectRefused: no bet has been handed in yet in this scenario; try to place one first',
      )
    const { outcome } = placed
    if (outcome.taken)
      throw new AssertionFailedError(
        `expectRefused: ${placed.name} was taken (bet ${outcome.betId}); expected it to be refused because ${because}`,
      )
    const reason = this.session.aliases.dealias(outcome.reason)
    if (!comparable(reason).includes(comparable(because))) {
      throw new AssertionFailedError(
        `expectRefused: ${placed.name} was refused because ${reason}\nexpected the reason to say: ${because}`,
      )
    }
  }

  // The spec's name for the bet, or its punter's next default one; a name used twice is a mistake in the spec.
  private betName(method: string, args: SlipArgs, kind: string): string {
    const { bets } = this.session
    const name =
      args.bet === undefined
        ? bets.defaultName(this.session.specName(args.punter), kind)
        : this.session.specName(args.bet)
    if (bets.has(name))
      throw new ConfigurationError(`${method}: the scenario already has a bet "${name}"; give each bet its own name`)
    return name
  }

  private async handIn(
    method: string,
    args: SlipArgs,
    name: string,
    legs: BetSlip['legs'],
    options: { mustBeTaken: boolean },
  ): Promise<void> {
    const { bets, aliases } = this.session
    const outcome = await this.session.driver.placeBet({
      punter: args.punter,
      stake: args.stake,
      eachWay: args.eachWay,
      legs,
    })
    const placed: PlacedBet = {
      bet: args.bet ?? aliases.alias(name),
      name,
      punter: args.punter,
      punterName: this.session.specName(args.punter),
      outcome,
    }
    bets.add(placed)
    this.session.world.driverContext.log(
      outcome.taken ? `${name} is bet ${outcome.betId}` : `${name} was refused: ${outcome.reason}`,
    )
    if (options.mustBeTaken && !outcome.taken)
      throw new AssertionFailedError(`${method}: ${name} was refused: ${aliases.dealias(outcome.reason)}`)
  }
}

interface SlipArgs {
  punter: AliasedName
  stake: Money
  eachWay: boolean
  bet: AliasedName | undefined
}

function multipleKind(legs: number): string {
  return legs === 2 ? 'double' : legs === 3 ? 'treble' : `${legs}-fold accumulator`
}

// Odds when the text is odds; otherwise the text itself, with SP standing in as the driver interface asks.
function priceAsWritten(text: string): { price: Odds; priceAsWritten?: string } {
  try {
    return { price: Odds.parse(text) }
  } catch {
    return { price: Odds.SP, priceAsWritten: text }
  }
}

function comparable(text: string): string {
  return text.replaceAll('"', '').replace(/\s+/g, ' ').trim().toLowerCase()
}
