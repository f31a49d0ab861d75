import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright'
import type { Html } from '../html.ts'

const debianChromium = '/usr/lib/chromium/chromium'
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Launches headless Chromium for a test file: the browser, not a guess,
 * decides roles and accessible names. Close it in afterAll. The test run's
 * global setup names the binary in PARLANCE_CHROMIUM (it finds the one npm
 * install brought when the machine has none); else Debian's, else Playwright's.
 *
 * @example
 *   import { afterAll, beforeAll } from 'vitest'
 *   let browser: Browser
 *   beforeAll(async () => { browser = await launchBrowser() })
 *   afterAll(async () => { await browser.close() })
 */
export function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.PARLANCE_CHROMIUM || (existsSync(debianChromium) ? debianChromium : undefined)
  return chromium.launch({ headless: true, args, ...(executablePath ? { executablePath } : {}) })
}

// One page per browser, its content replaced per test: a new page per test costs more than the test.
const pages = new WeakMap<Browser, Promise<Page>>()

/**
 * The browser's page, now showing the markup, with script disabled as the real pages' CSP does.
 *
 * @example
 *   import { renderHomePage } from '../render-home-page.ts'
 *   declare const browser: Browser
 *   const page = await showMarkup(browser, renderHomePage())
 *   await page.getByRole('button', { name: 'Show my bets' }).isVisible() // true
 */
export async function showMarkup(browser: Browser, markup: Html): Promise<Page> {
  let opening = pages.get(browser)
  if (!opening) {
    opening = browser.newPage({ javaScriptEnabled: false })
    pages.set(browser, opening)
  }
  const page = await opening
  await page.setContent(markup.markup)
  return page
}
