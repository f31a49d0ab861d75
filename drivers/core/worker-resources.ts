/**
 * Something opened once per worker process (a browser), closed when the
 * worker's scenarios are done.
 *
 * @example
 *   declare const browser: import('playwright').Browser
 *   registerWorkerResource('chromium', () => browser.close())
 *   await closeWorkerResources()
 */
export type CloseWorkerResource = () => Promise<void>

// Worker-level by design: one browser per worker process, shared by its scenarios.
const workerResources = new Map<string, CloseWorkerResource>()

/**
 * Registers a worker-level resource to close at the end of the run.
 *
 * @example
 *   declare const browser: import('playwright').Browser
 *   registerWorkerResource('chromium', () => browser.close())
 */
export function registerWorkerResource(name: string, close: CloseWorkerResource): void {
  workerResources.set(name, close)
}

/**
 * Closes every worker-level resource, each once, even if one fails.
 *
 * @example
 *   import { AfterAll } from '@cucumber/cucumber'
 *   AfterAll(() => closeWorkerResources())
 */
export async function closeWorkerResources(): Promise<void> {
  const closing = [...workerResources.values()]
  workerResources.clear()
  const results = await Promise.allSettled(closing.map((close) => close()))
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []))
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} worker resources failed to close`)
}
