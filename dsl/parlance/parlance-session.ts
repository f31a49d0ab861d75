import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import type { ParlanceDriver, ProjectModel, SuiteRun } from '../../drivers/parlance/index.ts'

/**
 * The channels of a generated project that names none.
 *
 * @example
 *   import type { Project } from './project.ts'
 *   declare const makeDriver: () => ParlanceDriver, project: Project
 *   new ParlanceSession(makeDriver).project.channels // ['api']
 *   project.withChannels({ channels: ['api', 'ui'] }) // to have more
 */
export const defaultProjectChannels: readonly string[] = ['api']

/**
 * What the parlance domain's DSL classes share within one scenario: the
 * project being described, the runs of its suite, and the driver (made on
 * first use, so a mistaken call is refused before any driver exists).
 *
 * @example
 *   import { parlanceChannels, type ScenarioModel } from '../../drivers/parlance/index.ts'
 *   import type { ParlanceWorld } from '../core/cucumber/parlance-world.ts'
 *   declare const world: ParlanceWorld, scenario: ScenarioModel
 *   const session = new ParlanceSession(() => parlanceChannels.create(world.driverContext))
 *   session.project.scenarios.push(scenario); session.lastRun('expectOutcome')
 */
export class ParlanceSession {
  readonly project: ProjectModel = { channels: [...defaultProjectChannels], scenarios: [], limits: [] }
  readonly runs: SuiteRun[] = []
  private made: ParlanceDriver | undefined

  constructor(private readonly makeDriver: () => ParlanceDriver) {}

  /** The scenario's driver. */
  get driver(): ParlanceDriver {
    this.made ??= this.makeDriver()
    return this.made
  }

  /** The suite's latest run, or a configuration error naming `method` if it has not run. */
  lastRun(method: string): SuiteRun {
    const run = this.runs.at(-1)
    if (!run) throw notRunYet(method)
    return run
  }

  /** Every run of the suite in this scenario, at least one. */
  allRuns(method: string): readonly SuiteRun[] {
    if (this.runs.length === 0) throw notRunYet(method)
    return this.runs
  }
}

function notRunYet(method: string): ConfigurationError {
  return new ConfigurationError(
    `${method}: the project's acceptance suite has not run yet, so there is nothing to check. Run it first, ` +
      `e.g. "When the project's acceptance suite runs"`,
  )
}
