import { AssertionFailedError } from '../../drivers/core/errors/assertion-failed-error.ts'
import { dslMethod, type InputOf } from '../core/params/dsl-method.ts'
import { integer, string } from '../core/params/param-kinds.ts'
import type { ParlanceSession } from './parlance-session.ts'

const expectStarts = dslMethod('expectStarts', { times: integer() })
const expectOwnNames = dslMethod('expectOwnNames', { customer: string() })

/**
 * What the project's own system under test saw: how often it was started,
 * the requests it received, the names it was given.
 *
 * @example
 *   declare const system: ProjectSystem
 *   await system.expectStarts({ times: 1 })
 *   await system.expectOwnNames({ customer: 'Alice' })
 */
export class ProjectSystem {
  constructor(private readonly session: ParlanceSession) {}

  /**
   * The system was started exactly `times` times in this scenario, by its runs or its deployment.
   *
   * @example
   *   declare const system: ProjectSystem
   *   await system.expectStarts({ times: 1 })
   */
  async expectStarts(input: InputOf<typeof expectStarts>): Promise<void> {
    const { times } = expectStarts.parse(input)
    const { starts } = await this.session.driver.systemRecord()
    if (starts !== times)
      throw new AssertionFailedError(
        `expectStarts: expected the system to be started ${count(times)}, but it was started ${count(starts)}`,
      )
  }

  /**
   * The system was started but received no request at all.
   *
   * @example
   *   declare const system: ProjectSystem
   *   await system.expectNoRequests()
   */
  async expectNoRequests(): Promise<void> {
    this.session.allRuns('expectNoRequests')
    const { starts, requests } = await this.session.driver.systemRecord()
    // A system that never ran received nothing either: that would prove nothing.
    if (starts === 0)
      throw new AssertionFailedError(
        'expectNoRequests: the system was never started, so receiving no request proves nothing',
      )
    if (requests > 0)
      throw new AssertionFailedError(
        `expectNoRequests: expected the system to receive no request, but it received ${requests}`,
      )
  }

  /**
   * Every scenario, in every run, gave `customer` a name of its own, and the
   * system knew the customer only by those names, never by the spec's.
   *
   * @example
   *   declare const system: ProjectSystem
   *   await system.expectOwnNames({ customer: 'Alice' })
   *   // → 2 scenarios: the system saw Alice r7k2-x9q2bz and Alice r7k2-m3p8cq
   */
  async expectOwnNames(input: InputOf<typeof expectOwnNames>): Promise<void> {
    const { customer } = expectOwnNames.parse(input)
    const runs = this.session.allRuns(expectOwnNames.name)
    const given = runs.flatMap((run) =>
      run.results.flatMap((result) => (result.aliases[customer] === undefined ? [] : [result.aliases[customer]])),
    )
    const { customers: seen } = await this.session.driver.systemRecord()
    const method = `expectOwnNames: ${customer}`
    if (given.length === 0)
      throw new AssertionFailedError(
        `${method} has no name of a scenario's own: no scenario's alias table lists ${customer}`,
      )
    const shared = given.filter((name, i) => given.indexOf(name) !== i)
    if (shared.length > 0)
      throw new AssertionFailedError(
        `${method} was given the same name "${shared[0]}" by more than one scenario; each scenario must give its own`,
      )
    if (given.includes(customer) || seen.includes(customer))
      throw new AssertionFailedError(
        `${method}: the system was given the spec's own name "${customer}", not a scenario's name for it`,
      )
    const sorted = (names: readonly string[]): string => [...names].sort().join(', ') || 'none'
    if (sorted(seen) !== sorted(given)) {
      throw new AssertionFailedError(
        `${method}: the scenarios gave ${customer} the names ${sorted(given)}, but the system was given ` +
          `${sorted(seen)}`,
      )
    }
  }
}

function count(times: number): string {
  return times === 1 ? 'once' : times === 2 ? 'twice' : `${times} times`
}
