import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'

/**
 * The race a scenario gets when it names none.
 *
 * @example
 *   import type { Events } from './events.ts'
 *   declare const events: Events
 *   await events.schedule({}) // schedules "the race", with 8 runners
 *   await events.withdraw({ runner: 'Crisp', price: '3/1', race: defaultRaceName }) // as a spec names it
 */
export const defaultRaceName = 'the race'

/**
 * How many runners a race has when the scenario does not say.
 *
 * @example
 *   import type { Events } from './events.ts'
 *   declare const events: Events
 *   await events.schedule({}) // 8 runners: each-way pays 1/5 the odds, 3 places
 *   await events.schedule({ fieldSize: 5 }) // 1/4 the odds, 2 places
 */
export const defaultFieldSize = 8

// Famous jumpers, in an order that puts the best-known first: races that name
// no runners take theirs from here, so a spec can back Red Rum without
// declaring him. Shergar is left out on purpose: he never ran here.
const stable = [
  'Red Rum',
  'Crisp',
  'Aldaniti',
  'Corbiere',
  'Rag Trade',
  "L'Escargot",
  'Arkle',
  'Mill House',
  'Desert Orchid',
  'Dawn Run',
  'Sea Pigeon',
  'Night Nurse',
  'Best Mate',
  'Kauto Star',
  'Denman',
  'Tiger Roll',
  'Golden Miller',
  'Mandarin',
  'Nicolaus Silver',
  'Party Politics',
  'Rough Quest',
  'Miinnehoma',
  'Grittar',
  'West Tip',
  'Mr Frisk',
  'Seagram',
  'Little Polveir',
  'Earth Summit',
  'Bobbyjo',
  'Papillon',
  'Red Marauder',
  'Bindaree',
  "Monty's Pass",
  'Amberleigh House',
  'Hedgehunter',
  'Numbersixvalverde',
  'Silver Birch',
  'Comply Or Die',
  'Mon Mome',
  'Don Jon',
] as const

/**
 * The most runners a race may have: the Grand National's safety limit, and
 * as many as there are default names.
 *
 * @example
 *   import type { Events } from './events.ts'
 *   declare const events: Events
 *   await events.schedule({ fieldSize: 41 }) // ConfigurationError: at most 40 runners
 */
export const maxFieldSize = stable.length

/**
 * A race's field: the runners named, then default runners that no other race
 * of the scenario has, up to `fieldSize` — so that a runner's name says which
 * race it is in.
 *
 * @example
 *   fieldOf({ method: 'schedule', named: [], fieldSize: 3, taken: new Set() }) // ['Red Rum', 'Crisp', 'Aldaniti']
 *   fieldOf({ method: 'schedule', named: ['Arkle'], fieldSize: 2, taken: new Set(['Red Rum']) }) // ['Arkle', 'Crisp']
 */
export function fieldOf(race: {
  method: string
  named: readonly string[]
  fieldSize: number
  taken: ReadonlySet<string>
}): string[] {
  const field = [...race.named]
  for (const runner of stable) {
    if (field.length >= race.fieldSize) break
    if (!race.taken.has(runner) && !field.includes(runner)) field.push(runner)
  }
  if (field.length < race.fieldSize) {
    throw new ConfigurationError(
      `${race.method}: the scenario's races have taken every default runner, so this race cannot have ` +
        `${race.fieldSize}; name its runners`,
    )
  }
  return field
}
