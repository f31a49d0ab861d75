import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../bench/prng.ts'
import type { Fraction } from '../arithmetic/fraction.ts'
import { parseOdds } from '../arithmetic/price.ts'
import type { BetFacts } from './bet-facts.ts'
import { compileEvent, type EventOutcome } from './event-outcome.ts'
import { settleBet } from './settle-bet.ts'
import { runnerNames } from './settlement-fixtures.ts'

// Prices around every Rule 4 band edge, odds-on to long shots.
const PRICES = [
  '1/9',
  '1/8',
  '2/11',
  '1/4',
  '2/7',
  '1/3',
  '4/9',
  '4/7',
  '4/6',
  '5/6',
  'evens',
  '11/10',
  '6/4',
  '13/8',
  '7/4',
  '2/1',
  '9/4',
  '5/2',
  '3/1',
  '7/2',
  '4/1',
  '9/2',
  '11/2',
  '6/1',
  '8/1',
  '10/1',
  '14/1',
  '20/1',
  '33/1',
  '100/1',
  '250/1',
].map(parseOdds)

describe('settleBet, fast road against the exact breakdown road', () => {
  it('agrees to the penny, or throws alike, on 20,000 random bets', () => {
    // mulberry32, seeded: a failure replays.
    const random = seededRandom(20240601).next
    const outcomes = Array.from({ length: 60 }, (_, i) => randomEvent(`R${i}`, random))
    const byId = new Map(outcomes.map((outcome) => [outcome.event, outcome]))
    const lookup = (event: string) => byId.get(event)
    let settled = 0
    for (let n = 0; n < 20_000; n++) {
      const bet = randomBet(outcomes, random)
      const fast = attempt(() => settleBet(bet, lookup).returnsPence)
      const exact = attempt(() => settleBet(bet, lookup, { breakdown: true }).returnsPence)
      if (fast !== exact) expect.fail(`fast ${fast}, exact ${exact} for ${JSON.stringify(bet)}`)
      if (typeof fast === 'number') settled++
    }
    expect(settled).toBeGreaterThan(15_000)
  })
})

function randomEvent(id: string, random: () => number): EventOutcome {
  const runners = runnerNames(2 + Math.floor(random() * 20))
  const shuffled = [...runners].sort(() => random() - 0.5)
  const withdrawn = shuffled.splice(0, Math.floor(random() * Math.min(4, runners.length - 1)))
  const placings: string[][] = []
  while (shuffled.length > 0) placings.push(shuffled.splice(0, random() < 0.15 ? 2 + Math.floor(random() * 2) : 1))
  const startingPrices: Record<string, Fraction> = {}
  for (const runner of runners) if (random() < 0.97) startingPrices[runner] = pick(PRICES, random)
  return compileEvent({
    id,
    handicap: random() < 0.5,
    runners,
    placeTerms:
      random() < 0.1
        ? { fraction: { num: 1, den: 3 + Math.floor(random() * 3) }, places: 1 + Math.floor(random() * 5) }
        : undefined,
    withdrawals: withdrawn.map((runner) => ({
      runner,
      price: pick(PRICES, random),
      late: random() < 0.3,
      seq: Math.floor(random() * 20),
    })),
    void: random() < 0.03,
    result:
      random() < 0.95
        ? { placings: placings.slice(0, 1 + Math.floor(random() * placings.length)), startingPrices }
        : undefined,
  })
}

function randomBet(outcomes: EventOutcome[], random: () => number): BetFacts {
  const legCount = random() < 0.6 ? 1 : 2 + Math.floor(random() * 11)
  const events = [...outcomes].sort(() => random() - 0.5).slice(0, legCount)
  return {
    stakePence: 1 + Math.floor(random() * (random() < 0.1 ? 10_000_000 : 10_000)),
    eachWay: random() < 0.4,
    struckSeq: Math.floor(random() * 20),
    legs: events.map((outcome) => ({
      event: outcome.event,
      runner: pick([...outcome.runners.keys()], random),
      price: random() < 0.2 ? 'SP' : pick(PRICES, random),
    })),
  }
}

function attempt(settle: () => number): number | string {
  try {
    return settle()
  } catch (error) {
    return (error as Error).name
  }
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!
}
