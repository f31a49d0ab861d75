import { ConfigurationError } from '../../drivers/core/errors/configuration-error.ts'
import { cliRunTimeoutMs, type ProjectModel } from '../../drivers/parlance/index.ts'
import { dslMethod, type InputOf } from '../core/params/dsl-method.ts'
import { integer, oneOf } from '../core/params/param-kinds.ts'
import type { ParlanceSession } from './parlance-session.ts'

const maxWorkers = 4
const maxTimes = 2

/**
 * How long a step that runs the project's suite may take: its runs, each
 * bounded by the driver, and a margin. Give it to the step definition.
 *
 * @example
 *   import { When } from '@cucumber/cucumber'
 *   import type { ParlanceWorld } from '../core/cucumber/parlance-world.ts'
 *   import { parlance } from './parlance-dsl.ts'
 *   When("the project's acceptance suite runs", { timeout: suiteStepTimeoutMs },
 *     function (this: ParlanceWorld) { return this.use(parlance).suite.run() })
 */
export const suiteStepTimeoutMs = maxTimes * cliRunTimeoutMs + 10_000

const runDeclaration = dslMethod('run', {
  workers: integer({ default: '1' }),
  times: integer({ default: '1' }),
  against: oneOf(['its own system', 'the deployed system'], { default: 'its own system' }),
})

/**
 * Runs the project's acceptance suite, as its team would: on every channel,
 * starting its system, or against the one already deployed.
 *
 * @example
 *   declare const suite: Suite
 *   await suite.run({ workers: 2 })
 *   await suite.run({ against: 'the deployed system', times: 2 })
 */
export class Suite {
  constructor(private readonly session: ParlanceSession) {}

  /**
   * Runs the suite `times` times, one after the other, each to the end.
   *
   * @example
   *   declare const suite: Suite
   *   await suite.run()
   *   await suite.run({ workers: 2, times: 2 })
   */
  async run(input: InputOf<typeof runDeclaration> = {}): Promise<void> {
    const { workers, times, against } = runDeclaration.parse(input)
    if (workers < 1 || workers > maxWorkers)
      throw new ConfigurationError(`run: workers is ${workers}; give 1 to ${maxWorkers}`)
    if (times < 1 || times > maxTimes)
      throw new ConfigurationError(`run: times is ${times}; give 1 to ${maxTimes} (each run takes a few seconds)`)
    const { project } = this.session
    checkProject(project)
    for (let i = 0; i < times; i++) {
      this.session.runs.push(
        await this.session.driver.runSuite(project, { workers, againstDeployed: against === 'the deployed system' }),
      )
    }
  }
}

function checkProject(project: ProjectModel): void {
  if (project.scenarios.length === 0)
    throw new ConfigurationError(
      'run: the project has no scenario to run; describe one first, e.g. "Given a project whose spec opens an ' +
        'account for Alice in 2 scenarios"',
    )
  const channels = project.channels.join(', ')
  for (const { name, onlyOn } of project.scenarios) {
    if (onlyOn && !project.channels.includes(onlyOn))
      throw new ConfigurationError(
        `run: scenario "${name}" is for the ${onlyOn} channel only, but the project's channels are ${channels}`,
      )
  }
  for (const { channel } of project.limits) {
    if (!project.channels.includes(channel))
      throw new ConfigurationError(
        `run: the project's ${channel} channel is given a limit, but its channels are ${channels}`,
      )
  }
}
