import type { BetCommand, EventCommand, ResultCommand, WithdrawalCommand } from '../src/commands.ts'
import { seededRandom, type SeededRandom } from './prng.ts'
import { weekendCard, type Race } from './weekend-card.ts'

/**
 * What the generated weekend holds, for checking the engine's counts.
 *
 * @example
 *   const plan = planWeekend({ bets: 1000, seed: 7 })
 *   plan.races.length // 168
 */
export interface WeekendPlan {
  races: Race[]
  bets: number
  seed: number
  /** Bet position → the withdrawals that come just before it. */
  withdrawalsAt: Map<number, Array<{ race: Race; runner: string; price: string; late: boolean }>>
}

export const priceLadder = [
  '1/5',
  '2/7',
  '1/3',
  '4/9',
  '1/2',
  '4/7',
  '4/6',
  '4/5',
  'evens',
  '11/10',
  '5/4',
  '6/4',
  '7/4',
  '2/1',
  '9/4',
  '5/2',
  '3/1',
  '7/2',
  '4/1',
  '9/2',
  '5/1',
  '6/1',
  '7/1',
  '8/1',
  '10/1',
  '12/1',
  '14/1',
  '16/1',
  '20/1',
  '25/1',
  '33/1',
  '50/1',
  '66/1',
  '100/1',
  '2.25',
  '3.5',
  '6.0',
] as const
const stakes = ['1', '2', '2.50', '5', '10', '20', '50'] as const
const customers = 500_000

/**
 * Decides the card and when runners are withdrawn: one race in five loses a
 * runner somewhere between 20% and 80% of the way through the bets, a quarter
 * of them late (no new market: SP bets are deducted too).
 *
 * @example
 *   planWeekend({ bets: 6_200_000, seed: 2024 })
 */
export function planWeekend(options: { bets: number; seed: number }): WeekendPlan {
  const random = seededRandom(options.seed)
  const races = weekendCard(random)
  const withdrawalsAt: WeekendPlan['withdrawalsAt'] = new Map()
  for (const race of races) {
    if (!random.chance(0.2)) continue
    const at = Math.floor(options.bets * (0.2 + 0.6 * random.next()))
    const withdrawal = {
      race,
      runner: random.pick(race.runners),
      price: random.pick(priceLadder),
      late: random.chance(0.25),
    }
    withdrawalsAt.set(at, [...(withdrawalsAt.get(at) ?? []), withdrawal])
  }
  return { races, bets: options.bets, seed: options.seed, withdrawalsAt }
}

/**
 * Every command of the weekend, as NDJSON lines in order: the races, then the
 * bets with the withdrawals among them, then the results. Mostly win singles,
 * a fifth each-way, a tenth multiples of 2–5 legs; a tenth at SP; the
 * National takes a fifth of the singles; about 3% of results have a dead heat.
 *
 * @example
 *   for (const line of weekendCommands(planWeekend({ bets: 10, seed: 1 }))) process.stdout.write(line + '\n')
 */
export function* weekendCommands(plan: WeekendPlan): Generator<string> {
  const random = seededRandom(plan.seed ^ 0x5eed)
  const withdrawn = new Map<string, Set<string>>(plan.races.map((race) => [race.id, new Set()]))
  const national = plan.races.find((race) => race.name === 'The Grand National')!
  for (const race of plan.races) yield JSON.stringify(eventCommand(race))
  for (let i = 0; i < plan.bets; i++) {
    for (const w of plan.withdrawalsAt.get(i) ?? []) {
      withdrawn.get(w.race.id)!.add(w.runner)
      const command: WithdrawalCommand = {
        type: 'withdrawal',
        event: w.race.id,
        runner: w.runner,
        price: w.price,
        ...(w.late ? { late: true } : {}),
      }
      yield JSON.stringify(command)
    }
    yield JSON.stringify(betCommand(random, plan.races, national, withdrawn))
  }
  for (const race of plan.races) yield JSON.stringify(resultCommand(random, race, withdrawn.get(race.id)!))
}

function eventCommand(race: Race): EventCommand {
  return {
    type: 'event',
    id: race.id,
    name: race.name,
    ...(race.handicap ? { handicap: true } : {}),
    runners: race.runners,
  }
}

function betCommand(
  random: SeededRandom,
  races: Race[],
  national: Race,
  withdrawn: Map<string, Set<string>>,
): BetCommand {
  const kind = random.next()
  const legCount = kind < 0.9 ? 1 : random.int(2, 5)
  const legRaces =
    legCount === 1 ? [random.chance(0.2) ? national : random.pick(races)] : distinctRaces(random, races, legCount)
  const legs = legRaces.map((race) => ({
    event: race.id,
    runner: runnerStillIn(random, race, withdrawn.get(race.id)!),
    price: random.chance(0.1) ? 'SP' : random.pick(priceLadder),
  }))
  const eachWay = kind >= 0.7 && kind < 0.9 ? true : legCount > 1 && random.chance(0.2)
  return {
    type: 'bet',
    customer: `c${random.int(1, customers)}`,
    stake: random.pick(stakes),
    ...(eachWay ? { eachWay: true } : {}),
    legs,
  }
}

function distinctRaces(random: SeededRandom, races: Race[], count: number): Race[] {
  const chosen = new Set<Race>()
  while (chosen.size < count) chosen.add(random.pick(races))
  return [...chosen]
}

function runnerStillIn(random: SeededRandom, race: Race, out: Set<string>): string {
  for (;;) {
    const runner = random.pick(race.runners)
    if (!out.has(runner)) return runner
  }
}

function resultCommand(random: SeededRandom, race: Race, out: Set<string>): ResultCommand {
  const running = race.runners.filter((runner) => !out.has(runner))
  for (let i = running.length - 1; i > 0; i--) {
    const j = random.int(0, i)
    ;[running[i], running[j]] = [running[j]!, running[i]!]
  }
  const finishers = running.slice(0, Math.min(5, running.length))
  const placings: string[][] = finishers.map((runner) => [runner])
  if (placings.length >= 3 && random.chance(0.03)) {
    const at = random.int(0, placings.length - 2)
    placings.splice(at, 2, [...placings[at]!, ...placings[at + 1]!])
  }
  const startingPrices = Object.fromEntries(running.map((runner) => [runner, random.pick(priceLadder)]))
  return { type: 'result', event: race.id, placings, startingPrices }
}
