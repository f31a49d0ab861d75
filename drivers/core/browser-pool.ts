import type { Browser, BrowserContext, Page } from 'playwright'
import type { DriverContext } from './driver-context.ts'
import { findChromium, NoChromiumError } from './chromium-path.ts'
import { toMilliseconds, type DurationInput } from './duration-input.ts'
import { NotRunError } from './errors/not-run-error.ts'
import { connectRemoteBrowser, remoteBrowserEndpoint } from './remote-browser.ts'
import { SystemCompromisedError } from './errors/system-compromised-error.ts'
import { registerWorkerResource } from './worker-resources.ts'

/**
 * The arguments every pooled Chromium is launched with.
 *
 * @example
 *   import { chromium } from 'playwright'
 *   await chromium.launch({ args: [...chromiumArgs], headless: true })
 *   chromiumArgs.includes('--no-sandbox') // true
 */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

// One browser per worker process, shared by its scenarios; each scenario gets its own context.
// The World's AfterAll closes it (registered as a worker resource); Playwright kills it if the process exits first.
// A remote browser is a connection instead: closing it disconnects, and the server closes what it launched for it.
let launched: Promise<Browser> | undefined

/**
 * Options of one scenario's browser session.
 *
 * @example
 *   declare const ctx: DriverContext
 *   const options: BrowserSessionOptions = { baseUrl: ctx.systemUrl('SETTLEMENT_UI_URL'), timeout: '5s' }
 *   const { page } = await openBrowserSession(ctx, options)
 */
export interface BrowserSessionOptions {
  /** Lets `page.goto('/bets')` resolve against the system's address. */
  baseUrl?: string
  /** Default timeout of every page action and wait; default 10s. */
  timeout?: DurationInput
}

/**
 * One scenario's browser: its own context (cookies, storage) and page.
 *
 * @example
 *   declare const ctx: DriverContext
 *   const { page } = await openBrowserSession(ctx)
 *   await page.getByRole('button', { name: 'Place bet' }).click()
 */
export interface BrowserSession {
  readonly context: BrowserContext
  readonly page: Page
}

/**
 * Opens a new browser context and page for the scenario, launching this
 * worker's Chromium (or connecting to the remote browser that
 * PARLANCE_BROWSER_WS_ENDPOINT names) on first use — as set-up, outside the
 * step's timer. When the scenario ends, the context is closed; if it failed, a
 * full-page `screenshot.png` is attached first. With no Chromium on the machine
 * and no remote browser, the scenario is not run (NotRunError: "no browser"
 * and the fix; what was tried is its cause).
 *
 * @example
 *   declare const ctx: DriverContext
 *   const { page } = await openBrowserSession(ctx, { baseUrl: ctx.systemUrl('SETTLEMENT_UI_URL') })
 *   await page.goto('/bets')
 */
export async function openBrowserSession(
  ctx: DriverContext,
  options: BrowserSessionOptions = {},
): Promise<BrowserSession> {
  const timeoutMs = toMilliseconds(options.timeout ?? 10_000, 'openBrowserSession: timeout')
  return ctx.setUp('opening the browser', async () => {
    const browser = await sharedBrowser().catch((error: unknown) => {
      // What was tried is in the cause (and in the run's header); the reports say the fix, once per channel.
      throw error instanceof NoChromiumError
        ? new NotRunError(ctx.channel, 'no browser', error.fix, { cause: error })
        : error
    })
    const context = await browser.newContext(options.baseUrl === undefined ? {} : { baseURL: options.baseUrl })
    context.setDefaultTimeout(timeoutMs)
    return { context, page: await openPage(ctx, context) }
  })
}

async function openPage(ctx: DriverContext, context: BrowserContext): Promise<Page> {
  let page: Page | undefined
  // Tracked before newPage(), so the context is closed even if opening the page fails.
  ctx.track({
    async dispose({ failed, attach }) {
      try {
        if (failed && page && !page.isClosed())
          await attach(await page.screenshot({ fullPage: true }), 'image/png', 'screenshot.png')
      } catch (error) {
        ctx.log(`no screenshot of the failed scenario: ${error instanceof Error ? error.message : String(error)}`)
      } finally {
        await context.close()
      }
    },
  })
  page = await context.newPage()
  page.on('pageerror', (error) => ctx.log(`page error: ${error.message}`))
  return page
}

/**
 * This worker's Chromium, launched on first call and registered to be closed
 * with the worker's other resources. With PARLANCE_BROWSER_WS_ENDPOINT set, it
 * is a connection to that browser server instead (see connectRemoteBrowser).
 * A browser that crashed or disconnected is replaced on the next call.
 *
 * @example
 *   const browser = await sharedBrowser()
 *   browser.contexts().length // open scenario sessions
 */
export function sharedBrowser(): Promise<Browser> {
  if (!launched) {
    const endpoint = remoteBrowserEndpoint()
    const launching = endpoint === undefined ? launchChromium() : connectRemoteBrowser(endpoint)
    launched = launching
    registerWorkerResource('chromium', closeBrowser)
    // Forget a failed or crashed browser, so the next scenario launches a fresh one; but no Chromium
    // on the machine stays so for the worker's life: its scenarios need not look (or extract) again.
    const forget = (): void => {
      if (launched === launching) launched = undefined
    }
    launching.then(
      (browser) => browser.on('disconnected', forget),
      (error: unknown) => {
        if (!(error instanceof NoChromiumError)) forget()
      },
    )
  }
  return launched
}

/**
 * Closes this worker's Chromium, if launched, or disconnects from the remote
 * browser. The World's AfterAll does it through closeWorkerResources(); call
 * it yourself outside cucumber.
 *
 * @example
 *   import { afterAll } from 'vitest'
 *   afterAll(async () => { await closeBrowser() })
 *   await closeBrowser() // a second call does nothing
 */
export async function closeBrowser(): Promise<void> {
  const closing = launched
  launched = undefined
  // A launch that failed was already reported to the scenario that asked for it.
  const browser = await closing?.catch(() => undefined)
  await browser?.close()
}

async function launchChromium(): Promise<Browser> {
  const { path: executablePath } = await findChromium()
  // Imported on first use, so importing the drivers barrel does not load Playwright.
  const { chromium } = await import('playwright')
  try {
    // Playwright's own launch timeout is 3 minutes; a busy 2-core machine starts Chromium in seconds.
    return await chromium.launch({ executablePath, headless: true, args: [...chromiumArgs], timeout: 60_000 })
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    throw new SystemCompromisedError(
      `Chromium at ${executablePath} did not start: ${reason}. Run it by hand with --headless to see why, or ` +
        `set PARLANCE_CHROMIUM to another binary.`,
      {
        cause: error,
      },
    )
  }
}
