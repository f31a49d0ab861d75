import type { AliasedName } from '../../drivers/core/aliased-name.ts'
import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { nearest } from '../../drivers/core/nearest.ts'

/**
 * A race the scenario scheduled, in the spec's names and the system's.
 *
 * @example
 *   declare const eventId: AliasedName
 *   const race: ScheduledRace = {
 *     race: eventId, name: 'the race', runners: ['Red Rum', 'Crisp'], withdrawn: new Set(), resulted: false,
 *   }
 *   race.runners.includes('Red Rum') // true
 */
export interface ScheduledRace {
  /** The system's name for it: the engine's event id. */
  readonly race: AliasedName
  /** The spec's name for it. */
  readonly name: string
  readonly runners: readonly string[]
  /** Runners withdrawn so far. */
  readonly withdrawn: Set<string>
  /** Whether a result has been declared (and not voided): only then can it be amended. */
  resulted: boolean
}

/**
 * The races of one scenario, and which race a spec means when it names a
 * runner but not the race: the one race that runner is in.
 *
 * @example
 *   declare const race: ScheduledRace, eventId: AliasedName
 *   const book = new RaceBook()
 *   book.add(race); book.withRunners('declare', ['Red Rum'])?.name // 'the race'
 *   book.named('void', eventId, 'the 2:30') // ConfigurationError when not scheduled, with the nearest name
 */
export class RaceBook {
  private readonly races = new Map<AliasedName, ScheduledRace>()

  /** Whether the scenario has scheduled any race. */
  get isEmpty(): boolean {
    return this.races.size === 0
  }

  /** Every runner of every race: a new race's default runners avoid them. */
  get runners(): Set<string> {
    return new Set([...this.races.values()].flatMap((race) => race.runners))
  }

  /** Adds a race; a race scheduled twice is a mistake in the spec. */
  add(race: ScheduledRace): void {
    if (this.races.has(race.race))
      throw new ConfigurationError(
        `schedule: "${race.name}" is already scheduled in this scenario; give each race its own name`,
      )
    this.races.set(race.race, race)
  }

  /** The race of that name, or a configuration error with the nearest scheduled one. */
  named(method: string, race: AliasedName, name: string): ScheduledRace {
    const found = this.races.get(race)
    if (found) return found
    const names = [...this.races.values()].map((r) => r.name)
    const suggestion = nearest(name, names)
    throw new ConfigurationError(
      `${method}: the scenario has no race "${name}"${suggestion ? ` — did you mean "${suggestion}"?` : ''} ` +
        `Races: ${names.join(', ') || 'none yet'}. Schedule it first`,
    )
  }

  /**
   * The race the runners are in, when the spec does not say: the only race,
   * or else the one race that has them all; undefined when there is no race yet.
   */
  withRunners(method: string, runners: readonly string[]): ScheduledRace | undefined {
    const races = [...this.races.values()]
    if (races.length <= 1) return races[0]
    if (runners.length === 0)
      throw new ConfigurationError(
        `${method}: the scenario has ${races.length} races (${races.map((r) => r.name).join(', ')}); say which`,
      )
    const having = races.filter((race) => runners.every((runner) => race.runners.includes(runner)))
    if (having.length === 1) return having[0]
    const who = runners.join(' and ')
    if (having.length > 1)
      throw new ConfigurationError(
        `${method}: ${who} run${runners.length === 1 ? 's' : ''} in ` +
          `${having.map((r) => `"${r.name}"`).join(' and ')}; say which race`,
      )
    const suggestion = nearest(runners.find((runner) => !races.some((race) => race.runners.includes(runner))) ?? '', [
      ...this.runners,
    ])
    throw new ConfigurationError(
      `${method}: no race of this scenario has ${who}${suggestion ? ` — did you mean "${suggestion}"?` : ''} ` +
        `Races: ${races.map((r) => `${r.name} (${r.runners.join(', ')})`).join('; ')}`,
    )
  }
}
