import type { SeededRandom } from './prng.ts'

/**
 * One race of the generated weekend.
 *
 * @example
 *   const race: Race = {
 *     id: 'sat-aintree-5',
 *     name: 'Saturday Aintree 17:15',
 *     handicap: true,
 *     runners: ['Aintree 5 Runner 1', 'Aintree 5 Runner 2'],
 *   }
 */
export interface Race {
  id: string
  name: string
  handicap: boolean
  runners: string[]
}

const days = ['thu', 'fri', 'sat'] as const
const courses = [
  'aintree',
  'lingfield',
  'wolverhampton',
  'newcastle',
  'stratford',
  'bangor',
  'musselburgh',
  'chepstow',
] as const
const racesPerMeeting = 7

/**
 * A Grand National weekend card: three days, eight meetings a day, seven races
 * a meeting (168 races), fields of 5 to 20 runners, 40 in the National itself,
 * about half of them handicaps.
 *
 * @example
 *   import { seededRandom } from './prng.ts'
 *   const card = weekendCard(seededRandom(1))
 *   card.length // 168
 */
export function weekendCard(random: SeededRandom): Race[] {
  const races: Race[] = []
  for (const day of days) {
    for (const course of courses) {
      for (let race = 1; race <= racesPerMeeting; race++) {
        const id = `${day}-${course}-${race}`
        const grandNational = day === 'sat' && course === 'aintree' && race === 5
        const size = grandNational ? 40 : random.int(5, 20)
        races.push({
          id,
          name: grandNational ? 'The Grand National' : `${capitalise(day)} ${capitalise(course)} race ${race}`,
          handicap: grandNational || random.chance(0.5),
          runners: Array.from({ length: size }, (_, i) => `${capitalise(course)} ${day}${race} runner ${i + 1}`),
        })
      }
    }
  }
  return races
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
