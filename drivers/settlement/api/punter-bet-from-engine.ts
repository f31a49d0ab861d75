import type { AliasedName } from '../../core/aliased-name.ts'
import type { BreakdownLeg, PunterBet } from '../settlement-driver.ts'
import { moneyFromEngine } from './wire-values.ts'

/**
 * A bet as the engine's API answers it (`GET /bets/{id}`, and each bet of
 * `GET /customers/{id}/bets`, which has no breakdown).
 *
 * @example
 *   declare const http: import('../../core/http-client.ts').HttpClient
 *   const { body } = await http.get<EngineBet>('/bets/b42', { expectStatus: 200 })
 *   punterBetFrom(body)
 */
export interface EngineBet {
  id: string
  status: 'open' | 'settled' | 'void'
  stake: string
  totalStake: string
  eachWay: boolean
  legs: { event: string; runner: string; price: string }[]
  history: { returns: string }[]
  returns?: string
  breakdown?: { parts: { part: 'win' | 'place'; legs: EngineBreakdownLeg[] }[] }
}

/** One leg of one part of the engine's breakdown: only the fields a punter reads. */
interface EngineBreakdownLeg {
  runner: string
  result: string
  position?: number
  placeFraction?: string
  deadHeatFactor?: string
  rule4Pence?: number
}

/**
 * The engine's bet as a punter sees it: money as Money, every settlement's
 * returns, and the breakdown part by part, leg by leg.
 *
 * @example
 *   declare const engineBet: EngineBet
 *   punterBetFrom(engineBet).settlements.map(String) // ['£35.00', '£0.00'] after an amended result
 *   punterBetFrom(engineBet).breakdown?.[0]?.result // 'won'
 */
export function punterBetFrom(bet: EngineBet): PunterBet {
  const money = (text: unknown, what: string) => moneyFromEngine(text, `${what} of bet ${bet.id}`)
  return {
    betId: bet.id,
    status: bet.status,
    stake: money(bet.stake, 'the stake'),
    totalStake: money(bet.totalStake, 'the total stake'),
    eachWay: bet.eachWay,
    legs: bet.legs.map((leg) => ({ race: leg.event as AliasedName, runner: leg.runner, price: leg.price })),
    ...(bet.returns === undefined ? {} : { returns: money(bet.returns, 'the returns') }),
    settlements: bet.history.map((settlement) => money(settlement.returns, 'a settlement')),
    ...(bet.breakdown === undefined
      ? {}
      : { breakdown: bet.breakdown.parts.flatMap((part) => part.legs.map((leg) => breakdownLeg(part.part, leg))) }),
  }
}

function breakdownLeg(part: 'win' | 'place', leg: EngineBreakdownLeg): BreakdownLeg {
  return {
    part,
    runner: leg.runner,
    result: leg.result,
    ...(leg.position === undefined ? {} : { position: leg.position }),
    ...(leg.placeFraction === undefined ? {} : { placeTerms: leg.placeFraction }),
    ...(leg.deadHeatFactor === undefined || leg.deadHeatFactor === '1' ? {} : { deadHeat: leg.deadHeatFactor }),
    ...(leg.rule4Pence ? { rule4Pence: leg.rule4Pence } : {}),
  }
}
