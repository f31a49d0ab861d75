// The settlement rules: UK horse racing under Tattersalls rules, as pure functions.
export {
  compileEvent,
  missingStartingPrices,
  type EventFacts,
  type EventOutcome,
  type RunnerOutcome,
} from './event-outcome.ts'
export { isSettleable, type BetFacts, type LegFacts, type OutcomeLookup } from './bet-facts.ts'
export { settleBet, type SettledBet } from './settle-bet.ts'
export type { Breakdown, LegBreakdown, LegResult, PartBreakdown } from './breakdown.ts'
export { placeTermsFor, type PlaceTerms } from './place-terms.ts'
export { rule4Deduction, RULE4_CAP } from './rule4.ts'
export { MissingStartingPriceError } from './missing-starting-price-error.ts'
