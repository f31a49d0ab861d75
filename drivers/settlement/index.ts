// The settlement domain's drivers: what its DSL (dsl/settlement) may use.
export { settlementChannels } from './channels.ts'
export { ApiSettlementDriver } from './api/api-settlement-driver.ts'
export { startPrivateEngine, type PrivateEngine } from './engine-process/private-engine.ts'
export type {
  BetOutcome,
  BetSlip,
  BreakdownLeg,
  PunterBet,
  RaceCard,
  RaceResult,
  SettlementDriver,
  Withdrawal,
} from './settlement-driver.ts'
