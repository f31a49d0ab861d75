import type { Fraction } from '../arithmetic/fraction.ts'
import { deadHeatFactor, finishesOf } from './dead-heat.ts'
import { placeTermsFor, type PlaceTerms } from './place-terms.ts'
import { rule4Deduction, type Rule4Withdrawal } from './rule4.ts'

/** What settlement needs to know about a race, with prices already parsed. */
export interface EventFacts {
  readonly id: string
  readonly handicap: boolean
  /** Declared runners. */
  readonly runners: readonly string[]
  /** Terms the event states; when absent, the standard table applies. */
  readonly placeTerms?: PlaceTerms | undefined
  readonly withdrawals: readonly { runner: string; price: Fraction; late: boolean; seq: number }[]
  readonly void: boolean
  readonly result?:
    | {
        /** Each inner list is the next group to finish; two or more names are a dead heat. */
        readonly placings: readonly (readonly string[])[]
        readonly startingPrices: Readonly<Record<string, Fraction>>
      }
    | undefined
}

/** One runner's outcome, as numbers a bet's settlement reads without allocating. */
export interface RunnerOutcome {
  readonly runner: string
  readonly withdrawn: boolean
  /** Finishing position; 0 when unplaced, unknown or not run. */
  readonly position: number
  /** Runners sharing the position (2+ is a dead heat); 0 when position is 0. */
  readonly tied: number
  /** Dead-heat factor for the win, as num/den; num 0 when it did not win. */
  readonly winNum: number
  readonly winDen: number
  /** Dead-heat factor for the place part, as num/den; num 0 when not placed or no place terms. */
  readonly placeNum: number
  readonly placeDen: number
  readonly startingPrice: Fraction | undefined
}

/**
 * A race compiled for settlement: once per result, void or withdrawal, then
 * read by every bet on it.
 */
export interface EventOutcome {
  readonly event: string
  readonly state: 'open' | 'resulted' | 'void'
  /** Declared minus withdrawn. */
  readonly runnersUnderOrders: number
  /** Each-way terms; undefined for a win-only race (4 runners or fewer, no terms stated). */
  readonly placeTerms: PlaceTerms | undefined
  readonly runners: ReadonlyMap<string, RunnerOutcome>
  /** Newest first, each with its Rule 4 deduction. */
  readonly withdrawals: readonly Rule4Withdrawal[]
}

/**
 * Compiles a race's facts into the table bets are settled from. Throws a
 * RangeError for facts the engine should have refused: a withdrawal or a
 * placing of an undeclared runner, a runner withdrawn twice, placed twice, or
 * both withdrawn and placed.
 *
 * @example
 *   const facts: EventFacts = {
 *     id: 'R1',
 *     handicap: false,
 *     runners: ['Red Rum', 'Aldaniti'],
 *     withdrawals: [],
 *     void: false,
 *     result: { placings: [['Red Rum'], ['Aldaniti']], startingPrices: {} },
 *   }
 *   const outcome = compileEvent(facts)
 *   outcome.runners.get('Red Rum')?.winNum // 1 when it won outright
 */
export function compileEvent(facts: EventFacts): EventOutcome {
  const declared = new Set(facts.runners)
  const withdrawn = new Set<string>()
  for (const { runner } of facts.withdrawals) {
    if (!declared.has(runner)) throw inconsistent(facts, `withdraws "${runner}", which is not declared`)
    if (withdrawn.has(runner)) throw inconsistent(facts, `withdraws "${runner}" twice`)
    withdrawn.add(runner)
  }
  const runnersUnderOrders = declared.size - withdrawn.size
  const placeTerms = placeTermsFor({ runnersUnderOrders, handicap: facts.handicap, explicit: facts.placeTerms })
  const finishes = finishesOf(facts.result?.placings ?? [])
  checkPlacings(facts, declared, withdrawn)

  const runners = new Map<string, RunnerOutcome>()
  for (const runner of declared) {
    const finish = withdrawn.has(runner) ? undefined : finishes.get(runner)
    const win = finish && deadHeatFactor(finish, 1)
    const place = finish && placeTerms && deadHeatFactor(finish, placeTerms.places)
    const prices = facts.result?.startingPrices
    runners.set(runner, {
      runner,
      withdrawn: withdrawn.has(runner),
      position: finish?.position ?? 0,
      tied: finish?.tied ?? 0,
      winNum: win?.num ?? 0,
      winDen: win?.den ?? 1,
      placeNum: place?.num ?? 0,
      placeDen: place?.den ?? 1,
      startingPrice: prices !== undefined && Object.hasOwn(prices, runner) ? prices[runner] : undefined,
    })
  }
  const withdrawals = facts.withdrawals
    .map((w) => ({ runner: w.runner, seq: w.seq, late: w.late, pence: rule4Deduction(w.price) }))
    .sort((a, b) => b.seq - a.seq)
  const state = facts.void ? 'void' : facts.result !== undefined ? 'resulted' : 'open'
  return { event: facts.id, state, runnersUnderOrders, placeTerms, runners, withdrawals }
}

/**
 * The runners that won or placed (within the place terms) but have no
 * starting price: an SP bet on one of them cannot be settled. The engine
 * refuses such a result when it matters.
 *
 * @example
 *   declare const facts: EventFacts
 *   missingStartingPrices(compileEvent({ ...facts, result: { placings: [['A'], ['B']], startingPrices: {} } }))
 *   // → ['A', 'B'] with 2+ places paid
 */
export function missingStartingPrices(outcome: EventOutcome): string[] {
  if (outcome.state !== 'resulted') return []
  const missing: string[] = []
  for (const runner of outcome.runners.values()) {
    if ((runner.winNum !== 0 || runner.placeNum !== 0) && runner.startingPrice === undefined)
      missing.push(runner.runner)
  }
  return missing
}

function checkPlacings(facts: EventFacts, declared: ReadonlySet<string>, withdrawn: ReadonlySet<string>): void {
  const seen = new Set<string>()
  for (const group of facts.result?.placings ?? []) {
    if (group.length === 0) throw inconsistent(facts, 'has an empty group in its placings')
    for (const runner of group) {
      if (!declared.has(runner)) throw inconsistent(facts, `places "${runner}", which is not declared`)
      if (withdrawn.has(runner)) throw inconsistent(facts, `places "${runner}", which was withdrawn`)
      if (seen.has(runner)) throw inconsistent(facts, `places "${runner}" twice`)
      seen.add(runner)
    }
  }
}

function inconsistent(facts: EventFacts, what: string): RangeError {
  return new RangeError(`event "${facts.id}" ${what}; the engine should refuse this before settlement`)
}
