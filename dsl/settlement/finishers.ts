import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import type { Odds } from '../../drivers/core/values/odds.ts'
import { ordinal } from './ordinal.ts'

/**
 * One runner's finish as a spec gives it: its position (two or more runners
 * at one position dead-heat) and, when it has SP bets, its starting price.
 *
 * @example
 *   const finishers: Finisher[] = [
 *     { position: 1, runner: 'Red Rum', sp: Odds.parse('9/2') },
 *     { position: 2, runner: 'Crisp', sp: undefined },
 *   ]
 *   placingsOf('declare', finishers).placings // [['Red Rum'], ['Crisp']]
 */
export interface Finisher {
  position: number
  runner: string
  sp: Odds | undefined
}

/**
 * The placings a result is made of: the finishers grouped by position, in
 * order. Positions count the runners ahead, so after a two-way dead heat for
 * 2nd the next runner is 4th; anything else is a mistake in the spec.
 *
 * @example
 *   placingsOf('declare', [
 *     { position: 1, runner: 'A', sp: undefined },
 *     { position: 2, runner: 'B', sp: undefined },
 *     { position: 2, runner: 'C', sp: undefined },
 *   ]).placings // [['A'], ['B', 'C']]
 *   placingsOf('declare', [{ position: 2, runner: 'A', sp: undefined }])
 *   // → ConfigurationError: declare: A cannot finish 2nd: 0 runners are ahead, …
 */
export function placingsOf(
  method: string,
  finishers: readonly Finisher[],
): { placings: string[][]; startingPrices: Map<string, Odds> } {
  const placings: string[][] = []
  const startingPrices = new Map<string, Odds>()
  const placed = new Set<string>()
  let ahead = 0
  let position = 0
  for (const finisher of finishers) {
    const { runner, sp } = finisher
    if (position > 0 && finisher.position === position) placings.at(-1)?.push(runner)
    else if (finisher.position === ahead + 1) placings.push([runner])
    else
      throw new ConfigurationError(
        `${method}: ${runner} cannot finish ${ordinal(finisher.position)}: ${ahead} ` +
          `runner${ahead === 1 ? ' is' : 's are'} ahead, so the next position is ` +
          `${ordinal(ahead + 1)}${position > 0 ? ` (or ${ordinal(position)} again, a dead heat)` : ''}`,
      )
    position = finisher.position
    ahead += 1
    if (placed.has(runner)) throw new ConfigurationError(`${method}: ${runner} is placed twice; place each runner once`)
    placed.add(runner)
    if (sp?.kind === 'starting-price')
      throw new ConfigurationError(`${method}: ${runner}'s starting price is the odds it started at, e.g. 9/2, not SP`)
    if (sp) startingPrices.set(runner, sp)
  }
  return { placings, startingPrices }
}
