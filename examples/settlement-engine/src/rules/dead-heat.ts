import { fraction, type Fraction } from '../arithmetic/fraction.ts'

/** Where a runner finished: its position and how many runners share it. */
export interface Finish {
  /** Runners ahead + 1: after a two-way dead heat for 2nd, the next runner is 4th. */
  readonly position: number
  /** Runners sharing the position: 1, or 2+ for a dead heat. */
  readonly tied: number
}

/**
 * Positions from a result's placings: each inner list is the next group to
 * finish, two or more names a dead heat.
 *
 * @example
 *   finishesOf([['A'], ['B', 'C'], ['D']]).get('D') // { position: 4, tied: 1 }
 */
export function finishesOf(placings: readonly (readonly string[])[]): Map<string, Finish> {
  const finishes = new Map<string, Finish>()
  let ahead = 0
  for (const group of placings) {
    const finish: Finish = { position: ahead + 1, tied: group.length }
    for (const runner of group) finishes.set(runner, finish)
    ahead += group.length
  }
  return finishes
}

/**
 * The share of the stake that is paid for a finish when `placesPaid` places
 * pay (1 for the win): the places left to the dead-heating runners, divided
 * among them. `undefined` when the finish is out of the places.
 *
 * @example
 *   deadHeatFactor({ position: 2, tied: 3 }, 3) // { num: 2, den: 3 }: 2 places left among 3
 *   deadHeatFactor({ position: 1, tied: 2 }, 1) // { num: 1, den: 2 }
 */
export function deadHeatFactor(finish: Finish, placesPaid: number): Fraction | undefined {
  const placesLeft = Math.min(finish.tied, placesPaid - finish.position + 1)
  return placesLeft > 0 ? fraction(placesLeft, finish.tied) : undefined
}
