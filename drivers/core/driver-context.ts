/**
 * Attaches a file or text to the current scenario's report.
 *
 * @example
 *   declare const ctx: DriverContext, png: Buffer
 *   await ctx.attach(JSON.stringify({ method: 'GET', url: '/bets' }, null, 2), 'application/json', 'request.json')
 *   await ctx.attach(png, 'image/png', 'screenshot.png')
 */
export type Attach = (data: string | Buffer, mediaType: string, fileName?: string) => void | Promise<void>

/**
 * Something a driver opened for one scenario (a browser context, a recorded
 * HTTP exchange log) that the World disposes of when the scenario ends.
 *
 * @example
 *   declare const ctx: DriverContext, page: import('playwright').Page, log: string
 *   ctx.track({
 *     dispose: async ({ failed, attach }) => {
 *       if (failed) await attach(log, 'text/plain')
 *       await page.close()
 *     },
 *   })
 */
export interface ScenarioResource {
  dispose(end: ScenarioEnd): Promise<void>
}

/**
 * How the scenario ended, given to each resource as it is disposed.
 *
 * @example
 *   declare const end: ScenarioEnd, page: import('playwright').Page
 *   if (end.failed) await end.attach(await page.screenshot(), 'image/png', 'screenshot.png')
 */
export interface ScenarioEnd {
  failed: boolean
  attach: Attach
}

/**
 * What the scenario context gives a driver: the channel, the report, the
 * systems' addresses and cleanup. A driver never sees the World itself.
 *
 * @example
 *   import { chromium } from 'playwright'
 *   declare const ctx: DriverContext
 *   const base = ctx.systemUrl('SETTLEMENT_URL')
 *   const browser = await ctx.setUp('launching the browser', () => chromium.launch())
 */
export interface DriverContext {
  /** The channel this scenario runs on, e.g. `api`. */
  readonly channel: string
  /** Attaches to the current scenario's report. */
  readonly attach: Attach
  /** Adds a line to the scenario's log (attached as text/plain). */
  log(line: string): void
  /** Disposes of the resource when the scenario ends, last tracked first. */
  track(resource: ScenarioResource): void
  /** The address of a system under test, read from the named environment variable. */
  systemUrl(envName: string): string
  /** Turns real names in a text back into the spec's names. */
  dealias(text: string): string
  /**
   * Runs work that prepares the scenario rather than performs its step —
   * launching a browser, opening its context — with the step's timer stopped,
   * so a slow start on a busy machine is not charged to the step.
   */
  setUp<T>(what: string, work: () => Promise<T>): Promise<T>
}
