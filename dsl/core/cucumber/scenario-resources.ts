import type { Attach, ScenarioResource } from '../../../drivers/core/driver-context.ts'

/**
 * The resources drivers opened in one scenario, disposed of last-first when it
 * ends. Every resource is disposed even if another fails; the first failure
 * is rethrown with the others as its cause.
 *
 * @example
 *   declare const browserSession: ScenarioResource, attach: Attach
 *   const resources = new ScenarioResources()
 *   resources.track(browserSession)
 *   await resources.disposeAll({ failed: true, attach })
 */
export class ScenarioResources {
  private readonly tracked: ScenarioResource[] = []

  track(resource: ScenarioResource): void {
    this.tracked.push(resource)
  }

  /** How many resources are waiting to be disposed of. */
  get size(): number {
    return this.tracked.length
  }

  async disposeAll(end: { failed: boolean; attach: Attach }): Promise<void> {
    const errors: unknown[] = []
    for (const resource of this.tracked.splice(0).reverse()) {
      try {
        await resource.dispose(end)
      } catch (error) {
        errors.push(error)
      }
    }
    if (errors.length === 1) throw errors[0]
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} scenario resources failed to close`)
  }
}
