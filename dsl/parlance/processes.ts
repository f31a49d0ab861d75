import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import type { ParlanceSession } from './parlance-session.ts'

/**
 * The project's processes once its runs are over.
 *
 * @example
 *   import type { Suite } from './suite.ts'
 *   declare const processes: Processes, suite: Suite
 *   await suite.run({ workers: 2 })
 *   await processes.expectNoneLeft()
 */
export class Processes {
  constructor(private readonly session: ParlanceSession) {}

  /**
   * Nothing the runs started is still running: no system, no worker, nothing of the runner.
   *
   * @example
   *   declare const processes: Processes
   *   await processes.expectNoneLeft()
   *   // AssertionFailedError: expectNoneLeft: the project's runs left 1 process running: the system (pid 4188)
   */
  async expectNoneLeft(): Promise<void> {
    this.session.allRuns('expectNoneLeft')
    const left = await this.session.driver.leftoverProcesses()
    if (left.length > 0) {
      throw new AssertionFailedError(
        `expectNoneLeft: the project's runs left ${left.length} process${left.length === 1 ? '' : 'es'} ` +
          `running: ${left.join('; ')}`,
      )
    }
  }
}
