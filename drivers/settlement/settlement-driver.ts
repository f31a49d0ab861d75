import type { AliasedName } from '../core/aliased-name.ts'
import type { Money } from '../core/values/money.ts'
import type { Odds } from '../core/values/odds.ts'

/**
 * A race as the DSL schedules it. `race` is the engine's event id.
 *
 * @example
 *   declare const race: AliasedName // aliases.alias('the 2:30 at Aintree')
 *   const card: RaceCard = { race, name: 'the 2:30 at Aintree', runners: ['Red Rum', 'Arkle'], handicap: false }
 */
export interface RaceCard {
  race: AliasedName
  name: string
  runners: readonly string[]
  handicap: boolean
  /** Explicit each-way terms; otherwise the standard table applies. */
  placeTerms?: { fraction: string; places: number }
}

/**
 * A non-runner.
 *
 * @example
 *   import { Odds } from '../core/values/odds.ts'
 *   declare const race: AliasedName
 *   const withdrawal: Withdrawal = { race, runner: 'Crisp', price: Odds.parse('3/1'), late: false }
 */
export interface Withdrawal {
  race: AliasedName
  runner: string
  /** The withdrawn runner's price: it sets the Rule 4 deduction. */
  price: Odds
  late: boolean
}

/**
 * A bet slip: one leg is a single, several a multiple.
 *
 * @example
 *   import { Money } from '../core/values/money.ts'
 *   import { Odds } from '../core/values/odds.ts'
 *   declare const punter: AliasedName, race: AliasedName
 *   const slip: BetSlip = {
 *     punter,
 *     stake: Money.parse('£10'),
 *     eachWay: false,
 *     legs: [{ race, runner: 'Red Rum', price: Odds.parse('5/2') }],
 *   }
 */
export interface BetSlip {
  punter: AliasedName
  stake: Money
  eachWay: boolean
  legs: ReadonlyArray<{
    race: AliasedName
    runner: string
    price: Odds
    /**
     * The price exactly as the punter wrote it, present only when it is not
     * odds at all (`5-1`), on a slip the system is expected to refuse. Send
     * this text instead of `price` (then only a stand-in, SP), so that the
     * system itself says what is wrong with it.
     */
    priceAsWritten?: string
  }>
}

/**
 * What happened to a bet slip: taken, with the engine's bet id, or refused
 * with the engine's reason (in the system's names; the World de-aliases).
 *
 * @example
 *   import { Money } from '../core/values/money.ts'
 *   const taken: BetOutcome = { taken: true, betId: 'b42', totalStake: Money.parse('£20') }
 *   const refused: BetOutcome = { taken: false, reason: '"Arkel" is not a runner in event …' }
 */
export type BetOutcome = { taken: true; betId: string; totalStake: Money } | { taken: false; reason: string }

/**
 * A race's result: each inner list is the next group to finish (two or more
 * names: a dead heat), with starting prices where the result gives them.
 *
 * @example
 *   import { Odds } from '../core/values/odds.ts'
 *   declare const race: AliasedName
 *   const result: RaceResult = {
 *     race,
 *     placings: [['Red Rum'], ['Arkle', 'Crisp']],
 *     startingPrices: new Map([['Red Rum', Odds.parse('9/2')]]),
 *   }
 */
export interface RaceResult {
  race: AliasedName
  placings: ReadonlyArray<readonly string[]>
  startingPrices: ReadonlyMap<string, Odds>
}

/**
 * One leg of a settled bet's breakdown, as a punter reads it.
 *
 * @example
 *   const leg: BreakdownLeg = {
 *     part: 'place',
 *     runner: 'Red Rum',
 *     result: 'placed',
 *     position: 2,
 *     placeTerms: '1/5',
 *     deadHeat: '1/2',
 *     rule4Pence: 25,
 *   }
 */
export interface BreakdownLeg {
  part: 'win' | 'place'
  runner: string
  /** `won`, `placed`, `lost`, `non-runner`, `void race`, `no place terms`. */
  result: string
  position?: number
  /** The place fraction of the odds, e.g. `1/5`, on a place part. */
  placeTerms?: string
  /** The dead-heat factor, e.g. `1/2`, when not 1. */
  deadHeat?: string
  /** Rule 4 deduction in pence in the pound, when any. */
  rule4Pence?: number
}

/**
 * A punter's bet as the system shows it.
 *
 * @example
 *   declare const driver: SettlementDriver, punter: AliasedName
 *   const [bet] = await driver.betsOf(punter, { breakdown: true })
 *   bet
 *   // → { betId: 'b42', status: 'settled', stake: £10, totalStake: £20, eachWay: true, legs: […],
 *   //     returns: £50, settlements: [£80, £50], breakdown: […] }
 */
export interface PunterBet {
  betId: string
  status: 'open' | 'settled' | 'void'
  stake: Money
  totalStake: Money
  eachWay: boolean
  legs: ReadonlyArray<{ race: AliasedName; runner: string; price: string }>
  /** Present once settled (or void: the stake returned). */
  returns?: Money
  /** The returns of every settlement, oldest first: two after an amended result. */
  settlements: readonly Money[]
  /** Present where the channel shows it, once settled. */
  breakdown?: readonly BreakdownLeg[]
}

/**
 * The settlement engine, seen through one channel (api, ui or stream). A
 * channel that cannot perform an operation throws NotApplicableError with
 * the reason.
 *
 * @example
 *   import { settlementChannels } from './channels.ts'
 *   declare const ctx: import('../core/driver-context.ts').DriverContext, card: RaceCard, slip: BetSlip
 *   const driver: SettlementDriver = settlementChannels.create(ctx)
 *   await driver.scheduleRace(card); const outcome = await driver.placeBet(slip)
 */
export interface SettlementDriver {
  scheduleRace(card: RaceCard): Promise<void>
  /** Returns the Rule 4 deduction (pence in the pound) the engine says applies. */
  withdrawRunner(withdrawal: Withdrawal): Promise<{ rule4Pence: number }>
  placeBet(slip: BetSlip): Promise<BetOutcome>
  declareResult(result: RaceResult): Promise<void>
  /** The same as declareResult for a race that already has one: a stewards' enquiry. */
  amendResult(result: RaceResult): Promise<void>
  voidRace(race: AliasedName): Promise<void>
  /**
   * Every bet of the punter, newest first, once the system has settled what
   * it can. With `breakdown: true` the caller needs each settled bet's
   * breakdown: a channel that cannot show one throws NotApplicableError;
   * without it, a channel may leave breakdowns out.
   */
  betsOf(punter: AliasedName, options?: { breakdown?: boolean }): Promise<PunterBet[]>
}
