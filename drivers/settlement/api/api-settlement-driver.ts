import type { AliasedName } from '../../core/aliased-name.ts'
import type { DriverContext } from '../../core/driver-context.ts'
import { HttpClient } from '../../core/http-client.ts'
import type {
  BetOutcome,
  BetSlip,
  PunterBet,
  RaceCard,
  RaceResult,
  SettlementDriver,
  Withdrawal,
} from '../settlement-driver.ts'
import { punterBetFrom, type EngineBet } from './punter-bet-from-engine.ts'
import { moneyFromEngine, priceOf } from './wire-values.ts'

// The engine answers a bet it refuses with one of these, and an error body that says why.
const refusedStatuses = [400, 404, 409, 422]

/**
 * The settlement engine through its HTTP API (docs/examples/settlement-api.md).
 * The API settles a result before it answers, so what a punter sees is
 * settled as soon as a result is declared.
 *
 * @example
 *   declare const ctx: DriverContext, slip: BetSlip
 *   const driver = new ApiSettlementDriver(ctx) // ctx.systemUrl('SETTLEMENT_URL') is the engine
 *   const outcome = await driver.placeBet(slip); if (outcome.taken) outcome.betId // 'b42'
 */
export class ApiSettlementDriver implements SettlementDriver {
  private readonly http: HttpClient

  constructor(ctx: DriverContext) {
    this.http = new HttpClient(ctx, { baseUrl: ctx.systemUrl('SETTLEMENT_URL') })
  }

  async scheduleRace(card: RaceCard): Promise<void> {
    const { race, name, runners, handicap, placeTerms } = card
    await this.http.post(
      '/events',
      { id: race, name, runners, handicap, ...(placeTerms ? { placeTerms } : {}) },
      { expectStatus: 201 },
    )
  }

  async withdrawRunner(withdrawal: Withdrawal): Promise<{ rule4Pence: number }> {
    const { race, runner, price, late } = withdrawal
    const { body } = await this.http.post<{ deduction: number }>(
      `${eventPath(race)}/withdrawals`,
      { runner, price: price.toWire(), late },
      { expectStatus: 201 },
    )
    return { rule4Pence: body.deduction }
  }

  async placeBet(slip: BetSlip): Promise<BetOutcome> {
    const body = {
      customer: slip.punter,
      stake: slip.stake.toWire(), // a zero or negative stake as it is, for the engine to refuse
      eachWay: slip.eachWay,
      legs: slip.legs.map((leg) => ({ event: leg.race, runner: leg.runner, price: priceOf(leg) })),
    }
    const answer = await this.http.post<{ id: string; totalStake: string } & EngineRefusal>('/bets', body, {
      expectStatus: [201, ...refusedStatuses],
    })
    if (answer.status !== 201)
      return { taken: false, reason: answer.body.error?.message ?? JSON.stringify(answer.body) }
    return {
      taken: true,
      betId: answer.body.id,
      totalStake: moneyFromEngine(answer.body.totalStake, `the total stake of bet ${answer.body.id}`),
    }
  }

  async declareResult(result: RaceResult): Promise<void> {
    const body = {
      placings: result.placings,
      startingPrices: Object.fromEntries([...result.startingPrices].map(([runner, sp]) => [runner, sp.toWire()])),
    }
    await this.http.post(`${eventPath(result.race)}/result`, body, { expectStatus: 200 })
  }

  // The API takes an amended result as it takes the first: a different result is an amendment.
  async amendResult(result: RaceResult): Promise<void> {
    await this.declareResult(result)
  }

  async voidRace(race: AliasedName): Promise<void> {
    await this.http.post(`${eventPath(race)}/void`, {}, { expectStatus: 200 })
  }

  async betsOf(punter: AliasedName, options: { breakdown?: boolean } = {}): Promise<PunterBet[]> {
    const listed = await this.http.get<EngineBet[]>(`/customers/${encodeURIComponent(punter)}/bets`, {
      expectStatus: [200, 404],
    })
    // 404 is the engine's way of saying the customer has no bets.
    if (listed.status === 404) return []
    if (!options.breakdown) return listed.body.map(punterBetFrom)
    // The list has no breakdowns; a settled bet's is worked out on request.
    const bets = await Promise.all(listed.body.map((bet) => (bet.status === 'open' ? bet : this.bet(bet.id))))
    return bets.map(punterBetFrom)
  }

  private async bet(id: string): Promise<EngineBet> {
    return (await this.http.get<EngineBet>(`/bets/${encodeURIComponent(id)}`, { expectStatus: 200 })).body
  }
}

interface EngineRefusal {
  error?: { code: string; message: string; field?: string }
}

function eventPath(race: AliasedName): string {
  return `/events/${encodeURIComponent(race)}`
}
