import { seededRandom } from '../../bench/prng.ts'
import type { Command } from '../../src/commands.ts'

/** A small pseudo-random generator (the benchmark's mulberry32), so a failing run can be repeated from its seed. */
export function seeded(seed: number): () => number {
  return seededRandom(seed).next
}

const prices = ['evens', '2/1', '5/2', '9/4', '7/2', '5/1', '10/1', '2.25', 'SP']
const stakes = ['1', '2.50', '5', '10']

/**
 * A day of commands every one of which the engine accepts in this order:
 * races, bets (singles and multiples, win and each-way, some with client ids),
 * withdrawals, results, amended results and a void, mixed together.
 *
 * @example
 *   const commands = crashDay(7, 4000)
 *   commands.length // 4000
 */
export function crashDay(seed: number, count: number): Command[] {
  const random = seeded(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const races = Array.from({ length: 8 }, (_, i) => ({
    id: `race-${i}`,
    runners: Array.from({ length: 9 }, (_, r) => `Horse ${i}.${r}`),
    out: new Set<string>(),
    state: 'open',
  }))
  const commands: Command[] = races.map((race) => ({
    type: 'event',
    id: race.id,
    name: `Race ${race.id}`,
    runners: race.runners,
    handicap: race.id.endsWith('1'),
  }))
  const resultOf = (race: (typeof races)[number]): Command => {
    const running = race.runners.filter((runner) => !race.out.has(runner)).sort(() => random() - 0.5)
    const placings =
      random() < 0.2 ? [[running[0]!, running[1]!], [running[2]!]] : running.slice(0, 4).map((runner) => [runner])
    return {
      type: 'result',
      event: race.id,
      placings,
      startingPrices: Object.fromEntries(running.map((runner) => [runner, pick(prices.slice(0, -1))])),
    }
  }
  let nextId = 0
  let resulted = 0
  while (commands.length < count) {
    const open = races.filter((race) => race.state === 'open')
    const decided = races.filter((race) => race.state === 'resulted')
    const roll = random()
    if (open.length > 1 && commands.length >= ((resulted + 1) * count) / races.length) {
      const race = open[0]!
      race.state = 'resulted'
      resulted++
      commands.push(resultOf(race))
    } else if (decided.length > 0 && (open.length === 0 || roll < 0.003)) {
      const race = pick(decided)
      if (random() < 0.8) commands.push(resultOf(race))
      else {
        race.state = 'void'
        commands.push({ type: 'void', event: race.id })
      }
    } else if (open.length === 0) {
      break
    } else if (roll < 0.01) {
      const race = pick(open)
      if (race.runners.length - race.out.size > 5) {
        const runner = pick(race.runners.filter((r) => !race.out.has(r)))
        race.out.add(runner)
        commands.push({
          type: 'withdrawal',
          event: race.id,
          runner,
          price: pick(prices.slice(0, -1)),
          late: random() < 0.3,
        })
      }
    } else {
      const legs = random() < 0.85 ? [pick(open)] : open.filter(() => random() < 0.4).slice(0, 4)
      if (legs.length === 0) continue
      const bet: Command = {
        type: 'bet',
        customer: `punter-${Math.floor(random() * 12)}`,
        stake: pick(stakes),
        legs: legs.map((race) => ({
          event: race.id,
          runner: pick(race.runners.filter((r) => !race.out.has(r))),
          price: pick(prices),
        })),
      }
      if (random() < 0.3) bet.eachWay = true
      if (random() < 0.3) bet.id = `ticket-${nextId++}`
      commands.push(bet)
    }
  }
  return commands
}
