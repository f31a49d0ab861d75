// The settlement domain's language: what its step glue (specs/settlement/steps) uses.
export { SettlementDsl, settlement } from './settlement-dsl.ts'
export type { SettlementDeps, SettlementWorld } from './settlement-session.ts'
