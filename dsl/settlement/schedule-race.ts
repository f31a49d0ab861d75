import type { AliasedName } from '../../drivers/core/aliased-name.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { defaultFieldSize, defaultRaceName, fieldOf, maxFieldSize } from './default-field.ts'
import type { ScheduledRace } from './race-book.ts'
import { raceId } from './race-id.ts'
import type { SettlementSession } from './settlement-session.ts'

/**
 * A race as a spec describes it: any of its runners, its field size, and
 * whether it is a handicap; the rest is filled in.
 *
 * @example
 *   declare const session: SettlementSession
 *   const race = session.aliases.alias('the race', raceId)
 *   const spec: RaceSpec = { race, runners: ['Red Rum'], fieldSize: 8, handicap: true }
 *   await scheduleRace(session, 'schedule', spec)
 */
export interface RaceSpec {
  race: AliasedName
  runners: readonly string[]
  fieldSize: number | undefined
  handicap: boolean
}

/**
 * Checks a race, fills its field with default runners and has the system schedule it.
 *
 * @example
 *   declare const session: SettlementSession, race: AliasedName
 *   await scheduleRace(session, 'schedule', { race, runners: [], fieldSize: 5, handicap: false }) // 5 default runners
 *   // ConfigurationError: schedule: "the race" names 3 runners, more than its field size of 2
 */
export async function scheduleRace(session: SettlementSession, method: string, spec: RaceSpec): Promise<ScheduledRace> {
  const name = session.specName(spec.race)
  const fieldSize = spec.fieldSize ?? (spec.runners.length > 0 ? spec.runners.length : defaultFieldSize)
  const twice = spec.runners.find((runner, i) => spec.runners.indexOf(runner) !== i)
  if (twice !== undefined)
    throw new ConfigurationError(`${method}: "${name}" names ${twice} twice; name each runner once`)
  if (fieldSize < 1 || fieldSize > maxFieldSize)
    throw new ConfigurationError(`${method}: "${name}" cannot have ${fieldSize} runners; give 1 to ${maxFieldSize}`)
  if (spec.runners.length > fieldSize)
    throw new ConfigurationError(
      `${method}: "${name}" names ${spec.runners.length} runners, more than its field size of ${fieldSize}`,
    )
  const runners = fieldOf({ method, named: spec.runners, fieldSize, taken: session.races.runners })
  const race: ScheduledRace = { race: spec.race, name, runners, withdrawn: new Set(), resulted: false }
  session.races.add(race)
  await session.driver.scheduleRace({ race: spec.race, name, runners, handicap: spec.handicap })
  return race
}

/**
 * The race a step means: the one it names, else the one race the runners are
 * in. A scenario that has no race yet and names none gets the default race
 * ("the race", 8 runners), so a spec about paying a winner need not schedule one.
 *
 * @example
 *   declare const session: SettlementSession
 *   await raceFor(session, 'declare', ['Red Rum']) // the scenario's race with Red Rum in it
 *   await raceFor(session, 'void', [], session.aliases.alias('the 2:30', raceId)) // that race, or a ConfigurationError
 */
export async function raceFor(
  session: SettlementSession,
  method: string,
  runners: readonly string[],
  race?: AliasedName,
): Promise<ScheduledRace> {
  if (race !== undefined) return session.races.named(method, race, session.specName(race))
  const found = session.races.withRunners(method, runners)
  if (found) return found
  return scheduleRace(session, method, {
    race: session.aliases.alias(defaultRaceName, raceId),
    runners: [],
    fieldSize: undefined,
    handicap: false,
  })
}
