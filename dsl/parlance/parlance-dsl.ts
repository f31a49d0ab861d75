import { parlanceChannels, type ParlanceDriver } from '../../drivers/parlance/index.ts'
import type { ParlanceWorld } from '../core/cucumber/parlance-world.ts'
import { ParlanceSession } from './parlance-session.ts'
import { Processes } from './processes.ts'
import { Project } from './project.ts'
import { ProjectSystem } from './project-system.ts'
import { Report } from './report.ts'
import { Suite } from './suite.ts'

/**
 * The parlance domain's language, for Parlance's acceptance tests of itself:
 * describe a project that uses Parlance, run its acceptance suite, and check
 * what it reported, what its system saw and what it left behind.
 *
 * @example
 *   declare const fakeDriver: ParlanceDriver
 *   const dsl = new ParlanceDsl(() => fakeDriver)
 *   dsl.project.withAccountScenarios({ customer: 'Alice', count: 2 }); await dsl.suite.run({ workers: 2 })
 */
export class ParlanceDsl {
  readonly project: Project
  readonly suite: Suite
  readonly report: Report
  readonly system: ProjectSystem
  readonly processes: Processes

  constructor(makeDriver: () => ParlanceDriver) {
    const session = new ParlanceSession(makeDriver)
    this.project = new Project(session)
    this.suite = new Suite(session)
    this.report = new Report(session)
    this.system = new ProjectSystem(session)
    this.processes = new Processes(session)
  }
}

/**
 * The scenario's parlance DSL, for `world.use`: its driver is the one of the
 * scenario's channel (`cli`).
 *
 * @example
 *   import { Then, When } from '@cucumber/cucumber'
 *   When('the suite runs', function (this: ParlanceWorld) { return this.use(parlance).suite.run({ workers: 2 }) })
 *   Then('every scenario passes', function (this: ParlanceWorld) {
 *     this.use(parlance).report.expectEveryScenario({ outcome: 'passed' })
 *   })
 */
export function parlance(world: ParlanceWorld): ParlanceDsl {
  return new ParlanceDsl(() => parlanceChannels.create(world.driverContext))
}
